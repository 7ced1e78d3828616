import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../support/agreements.js';
import { buildClient, buildUser, type Caller, call } from '../support/app.js';
import {
  createWebApp,
  PASSWORD,
  signIn,
  startWebStack,
  stopWebStack,
  usePage,
  type WebStack,
} from './support.js';

type Fixture = WebStack & {
  client: { id: string; name: string };
  /** A managed client's draft for March: 25 users at 99.00. */
  draft: { id: string };
  manager: Caller;
  portal: Caller;
  entryNote: string;
};

let f: Fixture;

// Work done in February is billed in arrears by the run for March.
const PERIOD = '2026-03';

beforeAll(async () => {
  const app = await createWebApp();
  // A break-fix client (no agreement): on-site work bills at the work type's 120.00 an hour; 20 % tax.
  const client = await buildClient(app, {
    name: `Bistro Bob ${process.pid}`,
    timeZone: 'UTC',
    taxRateBp: 2000,
  });
  const technician = await buildUser(app, 'technician');
  const manager = await buildUser(app, 'manager', { password: PASSWORD });
  const portal = await buildUser(app, 'portal', { clientId: client.id, password: PASSWORD });
  const entryNote = `Till network check ${process.pid}`;
  const entry = await call(app, {
    method: 'POST',
    url: '/api/v1/time-entries',
    headers: technician.headers,
    payload: {
      activity: 'Till network',
      clientId: client.id,
      workType: 'onsite',
      startedAt: '2026-02-10T10:00:00Z',
      endedAt: '2026-02-10T11:30:00Z',
      note: entryNote,
    },
  });
  expect(entry.statusCode, entry.body).toBe(201);
  expect(entry.data.billable).toBe(true);
  const submitted = await call(app, {
    method: 'POST',
    url: '/api/v1/time-entries/submit',
    headers: technician.headers,
    payload: { ids: [entry.data.id] },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  // The MSP's name goes on every invoice: without it the PDF is refused.
  const settings = await call(app, {
    method: 'PATCH',
    url: '/api/v1/billing/settings',
    headers: manager.headers,
    payload: { sellerName: 'Harbour IT Services' },
  });
  expect(settings.statusCode, settings.body).toBe(200);

  const managed = await buildClient(app, {
    name: `Clinic Cure ${process.pid}`,
    timeZone: 'UTC',
    taxRateBp: 2000,
  });
  const agreement = await call(app, {
    method: 'POST',
    url: '/api/v1/agreements',
    headers: manager.headers,
    payload: { clientId: managed.id, ...fullStack({ startDate: '2026-01-01' }) },
  });
  expect(agreement.statusCode, agreement.body).toBe(201);
  const signed = await call(app, {
    method: 'POST',
    url: `/api/v1/agreements/${agreement.data.id}/activate`,
    headers: manager.headers,
    payload: { signedOn: '2025-12-15', signedBy: 'Dr Cure' },
  });
  expect(signed.statusCode, signed.body).toBe(200);
  const run = await call(app, {
    method: 'POST',
    url: '/api/v1/billing/runs',
    headers: manager.headers,
    payload: { period: PERIOD, clientId: managed.id, dryRun: false },
  });
  expect(run.statusCode, run.body).toBe(201);

  f = {
    ...(await startWebStack(app)),
    client: { id: client.id, name: client.name },
    draft: { id: run.data.clients[0].invoiceId },
    manager,
    portal,
    entryNote,
  };
});

afterAll(() => stopWebStack(f));

describe('billing in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US', timezoneId: 'UTC' });

  it('a manager approves time, runs billing, issues the invoice and records its payment', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.manager.email);

    // Approve: until then the leak report counts the entry as waiting, and no run bills it.
    await page.goto(`${f.baseUrl}/time/approvals`);
    const entry = page
      .getByRole('table', { name: 'Time entries' })
      .getByRole('row', { name: new RegExp(f.entryNote) });
    await entry.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve selected (1)' }).click();
    await page.getByText('Nothing is waiting for approval.').waitFor();

    // Preview the run for March: 90 minutes on site at 120.00 = 180.00, 20 % tax 36.00, total 216.00.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Billing run' });
    await form.getByLabel('Period').fill(PERIOD);
    await form.getByLabel('Client', { exact: true }).selectOption({ label: f.client.name });
    await form.getByRole('button', { name: 'Preview (dry run)' }).click();
    const plan = page.getByRole('article', { name: new RegExp(f.client.name) });
    await plan.getByText('New draft').waitFor();
    const lines = plan.getByRole('table', { name: `Lines for ${f.client.name}` });
    const work = lines.getByRole('row', { name: new RegExp(f.entryNote) });
    await work.getByRole('cell', { name: 'Work', exact: true }).waitFor();
    await work.getByRole('cell', { name: '€180.00' }).waitFor();
    await lines.getByRole('row', { name: 'Tax €36.00' }).waitFor();
    await lines.getByRole('row', { name: 'Total €216.00' }).waitFor();
    const leaks = page.getByRole('region', { name: 'Leak report' });
    await leaks.getByRole('heading', { name: 'Time waiting for approval 0' }).waitFor();
    await leaks.getByRole('heading', { name: 'Billable work on no invoice 1' }).waitFor();

    // Create the drafts for real, and open the client's.
    await page.getByRole('button', { name: 'Create drafts' }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished: 1 draft created' }).waitFor();
    await leaks.getByRole('heading', { name: 'Billable work on no invoice 0' }).waitFor();
    await page.getByRole('table', { name: 'Run result' }).getByRole('link', { name: 'Review draft' }).click();

    // A draft has no number until it is issued.
    await page.getByRole('heading', { name: 'Invoice Draft 2026-03', level: 1 }).waitFor();
    const details = page.getByRole('region', { name: 'Invoice details' });
    await details.getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Issue invoice…' }).click();
    await page.getByRole('form', { name: 'Issue invoice' }).getByRole('button', { name: 'Issue' }).click();
    const issued = page.getByRole('heading', { name: /^Invoice \d{4}-\d{6}$/, level: 1 });
    await issued.waitFor();
    const number = (await issued.textContent())!.replace('Invoice ', '');
    await details.getByText(number, { exact: true }).waitFor();
    const header = page.locator('.page-header');
    await header.getByText('Issued', { exact: true }).waitFor();
    const amounts = page.getByRole('list', { name: 'Amounts' });
    const balance = amounts.getByRole('listitem').filter({ hasText: 'Balance' });
    await balance.getByText('€216.00').waitFor();
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    expect((await saved).suggestedFilename()).toBe(`Invoice-${number}.pdf`);

    // More than the open balance plus 10 % is refused with the server's own words; nothing is written.
    await page.getByRole('button', { name: 'Record a payment…' }).click();
    const payment = page.getByRole('form', { name: 'Record a payment' });
    await expect.poll(() => payment.getByLabel('Amount').inputValue()).toBe('216.00');
    await payment.getByText('at most €237.60 in one payment').waitFor();
    await payment.getByLabel('Amount').fill('2160.00');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await payment
      .getByRole('alert')
      .filter({ hasText: '€2,160.00 is more than this client owes (€216.00) plus 10 %: at most €237.60' })
      .waitFor();
    await balance.getByText('€216.00').waitFor();

    // The full amount pays it: balance zero, status paid, the payment listed against it.
    await payment.getByLabel('Amount').fill('216.00');
    await payment.getByLabel('Reference').fill('BANK-REF-42');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await balance.getByText('€0.00').waitFor();
    await header.getByText('Paid', { exact: true }).waitFor();
    await page
      .getByRole('table', { name: 'Payments applied' })
      .getByRole('row', { name: /BANK-REF-42/ })
      .waitFor();

    // The list shows it paid too, and the receivables show nothing open for the client.
    await page.goto(`${f.baseUrl}/billing/invoices?client=${f.client.id}`);
    const row = page.getByRole('table', { name: 'Invoices' }).getByRole('row', { name: new RegExp(number) });
    await row.getByText('Paid', { exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: 'Billing sections' })
      .getByRole('link', { name: 'Receivables' })
      .click();
    await page.getByRole('img', { name: 'Aging of open balances' }).waitFor();
  });

  it('a manager adds a charge and a discount to a draft, issues it and credits the charge', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.manager.email);
    await page.goto(`${f.baseUrl}/billing/invoices/${f.draft.id}`);
    await page.getByRole('heading', { name: 'Invoice Draft 2026-03', level: 1 }).waitFor();
    const lines = page.getByRole('table', { name: 'Invoice lines' });
    // The recurring fee is billed in advance for the whole of March.
    const fee = lines.getByRole('row', { name: /Complete, per user/ });
    await fee.getByRole('cell', { name: 'Mar 1, 2026 – Mar 31, 2026' }).waitFor();
    await fee.getByRole('cell', { name: '€2,475.00' }).first().waitFor();

    await page.getByRole('button', { name: 'Add a charge…' }).click();
    const charge = page.getByRole('form', { name: 'Add a charge' });
    await charge.getByLabel('Description').fill('Replacement switch');
    await charge.getByLabel('Unit price').fill('120.00');
    await charge.getByRole('button', { name: 'Add charge' }).click();
    await lines.getByRole('row', { name: /Replacement switch/ }).waitFor();
    await lines.getByRole('row', { name: 'Total €3,114.00' }).waitFor();

    // 10 % off the invoice: 2,595.00 − 259.50 = 2,335.50 net, 467.10 tax, 2,802.60 in all.
    await page.getByRole('button', { name: 'Discounts…' }).click();
    const discounts = page.getByRole('form', { name: 'Discounts' });
    await discounts.getByLabel('Invoice discount: kind').selectOption('percent');
    await discounts.getByLabel('Invoice discount: percentage').fill('10');
    await discounts.getByRole('button', { name: 'Save discounts' }).click();
    await lines.getByRole('row', { name: 'Discounts (invoice 10 %) -€259.50' }).waitFor();
    await lines.getByRole('row', { name: 'Tax 20 % €467.10' }).waitFor();
    await lines.getByRole('row', { name: 'Total €2,802.60' }).waitFor();

    await page.getByRole('button', { name: 'Issue invoice…' }).click();
    await page.getByRole('form', { name: 'Issue invoice' }).getByRole('button', { name: 'Issue' }).click();
    await page.getByRole('heading', { name: /^Invoice \d{4}-\d{6}$/, level: 1 }).waitFor();
    // Issued: nothing can be edited any more, only corrected by a credit note.
    expect(await page.getByRole('button', { name: 'Add a charge…' }).count()).toBe(0);

    // Crediting the switch takes back its net after the discount (108.00) and its tax (21.60).
    await page.getByRole('button', { name: 'Create credit note…' }).click();
    const credit = page.getByRole('form', { name: 'Create credit note' });
    await credit.getByLabel('Selected lines').check();
    await credit.getByLabel('Credit Replacement switch').check();
    await credit.getByLabel('Reason').fill('Switch returned');
    await credit.getByRole('button', { name: 'Issue credit note' }).click();
    await page.getByRole('heading', { name: /^Credit note CN-\d{4}-\d{6}$/, level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Amounts' }).getByText('€129.60').waitFor();
    await page.getByRole('link', { name: 'the invoice it corrects' }).click();
    const balance = page
      .getByRole('list', { name: 'Amounts' })
      .getByRole('listitem')
      .filter({ hasText: 'Balance' });
    await balance.getByText('€2,673.00').waitFor();
    await page.getByRole('region', { name: 'Credit notes' }).getByRole('link', { name: /^CN-/ }).waitFor();
  });

  it('the client sees the paid invoice in the portal, with its PDF', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.portal.email);
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Your invoices' })
      .click();
    const row = page.getByRole('table', { name: 'Your invoices' }).getByRole('row', { name: /\d{4}-\d{6}/ });
    const number = (await row.getByRole('rowheader').textContent())!;
    await row.getByText('Paid', { exact: true }).waitFor();
    await row.getByText('€216.00').waitFor();
    const saved = page.waitForEvent('download');
    await row.getByRole('button', { name: `Download ${number} as PDF` }).click();
    const file = await saved;
    expect(file.suggestedFilename()).toBe(`Invoice-${number}.pdf`);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
