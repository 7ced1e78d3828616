import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroSalesInvoiceColumns } from '../../src/modules/billing/documents/xero-csv.js';
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

type Fixture = WebStack & { client: { id: string; name: string }; billing: Caller };

let f: Fixture;

// February's work is billed in arrears by the run for March.
const PERIOD = '2026-03';
const SELLER = `Harbour IT Services ${process.pid}`;
const XERO_TAX_NAME = '20% (VAT on Income)';

beforeAll(async () => {
  const app = await createWebApp();
  // A break-fix client (no agreement, so the default payment terms apply): 90 minutes on site at
  // 120.00 an hour, 20 % tax.
  const client = await buildClient(app, {
    name: `Bakery Bea ${process.pid}`,
    timeZone: 'UTC',
    taxRateBp: 2000,
  });
  const technician = await buildUser(app, 'technician');
  const manager = await buildUser(app, 'manager');
  const billing = await buildUser(app, 'billing', { password: PASSWORD });
  const entry = await call(app, {
    method: 'POST',
    url: '/api/v1/time-entries',
    headers: technician.headers,
    payload: {
      activity: 'Oven controller network',
      clientId: client.id,
      workType: 'onsite',
      startedAt: '2026-02-12T09:00:00Z',
      endedAt: '2026-02-12T10:30:00Z',
      note: 'Replaced the switch',
    },
  });
  expect(entry.statusCode, entry.body).toBe(201);
  for (const [url, who] of [
    ['/api/v1/time-entries/submit', technician],
    ['/api/v1/time-entries/approve', manager],
  ] as const) {
    const res = await call(app, {
      method: 'POST',
      url,
      headers: who.headers,
      payload: { ids: [entry.data.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  f = { ...(await startWebStack(app)), client: { id: client.id, name: client.name }, billing };
});

afterAll(() => stopWebStack(f));

describe('billing settings and the accounting export in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US', timezoneId: 'UTC' });

  it('a billing admin sets the seller and the payment terms, sees a refused field beside it, and finds them kept', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.billing.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page
      .getByRole('navigation', { name: 'Billing sections' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const form = page.getByRole('form', { name: 'Billing settings' });
    await form.getByLabel('Seller name', { exact: true }).fill(SELLER);
    await form.getByLabel('Address line 1').fill('1 Quay Street');

    // The server's refusal is shown beside its field, and nothing at all is written.
    const terms = form.getByLabel('Default payment terms (days)');
    await terms.fill('400');
    await form.getByRole('button', { name: 'Save billing settings' }).click();
    await form.getByRole('alert').waitFor();
    await expect.poll(() => terms.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field--invalid').textContent()).toMatch(/365/);
    const unchanged = await call(f.app, {
      method: 'GET',
      url: '/api/v1/billing/settings',
      headers: f.billing.headers,
    });
    expect(unchanged.data).toMatchObject({ sellerName: '', defaultPaymentTermsDays: 30, sellerAddress: {} });

    await terms.fill('14');
    await form.getByRole('button', { name: 'Save billing settings' }).click();
    await form.getByRole('status').filter({ hasText: 'Billing settings saved.' }).waitFor();
    expect(await terms.getAttribute('aria-invalid')).toBeNull();
    expect(await form.getByRole('alert').count()).toBe(0);

    await page.reload();
    const again = page.getByRole('form', { name: 'Billing settings' });
    await expect.poll(() => again.getByLabel('Seller name', { exact: true }).inputValue()).toBe(SELLER);
    expect(await again.getByLabel('Address line 1').inputValue()).toBe('1 Quay Street');
    expect(await again.getByLabel('Default payment terms (days)').inputValue()).toBe('14');
  });

  it('the Xero export is refused until Xero’s tax rate name is set, then downloads in Xero’s layout', async () => {
    // The run made now takes the terms just saved: issued on 2 March, due 14 days later.
    const run = await call(f.app, {
      method: 'POST',
      url: '/api/v1/billing/runs',
      headers: f.billing.headers,
      payload: { period: PERIOD, clientId: f.client.id, dryRun: false },
    });
    expect(run.statusCode, run.body).toBe(201);
    const issued = await call(f.app, {
      method: 'POST',
      url: `/api/v1/invoices/${run.data.clients[0].invoiceId}/issue`,
      headers: f.billing.headers,
      payload: { issueDate: '2026-03-02' },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.data).toMatchObject({ dueDate: '2026-03-16', total: 21_600, seller: { name: SELLER } });
    const number = issued.data.number as string;

    const page = currentPage();
    await signIn(page, f.baseUrl, f.billing.email);
    await page.goto(`${f.baseUrl}/billing`);
    const sections = page.getByRole('navigation', { name: 'Billing sections' });
    await sections.getByRole('link', { name: 'Accounting export' }).click();
    const form = page.getByRole('form', { name: 'Accounting export' });
    expect(await form.getByLabel('Format').inputValue()).toBe('xero');

    // A range that ends before it starts: the server's words, beside the field.
    await form.getByLabel('Issued from').fill('2026-03-31');
    await form.getByLabel('Issued to').fill('2026-03-01');
    await form.getByRole('button', { name: 'Download CSV' }).click();
    await form.getByRole('alert').filter({ hasText: 'The range ends before it starts.' }).waitFor();
    await form.getByText('must not be before from').waitFor();
    expect(await form.getByLabel('Issued to').getAttribute('aria-invalid')).toBe('true');

    // Xero refuses a line without a tax rate name; the refusal says which, and where to set it.
    await form.getByLabel('Issued from').fill('2026-03-01');
    await form.getByLabel('Issued to').fill('2026-03-31');
    await form.getByRole('button', { name: 'Download CSV' }).click();
    const refused = form.getByRole('alert');
    await refused.getByText('Xero needs a tax rate name for 2000 basis points (1 line)').waitFor();
    await refused.getByRole('link', { name: 'billing settings' }).click();

    const codes = page.getByRole('form', { name: 'Accounting export codes' });
    expect(await codes.getByLabel('Xero account code').inputValue()).toBe('200');
    await codes.getByRole('button', { name: 'Add a rate' }).first().click();
    const rate = codes.getByRole('group', { name: 'Xero tax rate 1' });
    await rate.getByLabel('Rate (%)').fill('20');
    await rate.getByLabel('Xero tax rate name').fill(XERO_TAX_NAME);
    await codes.getByRole('button', { name: 'Save export codes' }).click();
    await codes.getByRole('status').filter({ hasText: 'Export codes saved.' }).waitFor();

    await sections.getByRole('link', { name: 'Accounting export' }).click();
    await form.getByLabel('Issued from').fill('2026-03-01');
    await form.getByLabel('Issued to').fill('2026-03-31');
    const download = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('keel-xero-invoices-and-credit-notes-2026-03-01-to-2026-03-31.csv');
    await form.getByRole('status').filter({ hasText: 'Saved keel-xero-' }).waitFor();

    const rows: string[][] = parse(await readFile((await file.path())!, 'utf8'));
    expect(rows[0]).toEqual([...xeroSalesInvoiceColumns]);
    expect(rows).toHaveLength(2);
    const line = Object.fromEntries(xeroSalesInvoiceColumns.map((column, i) => [column, rows[1]![i]]));
    expect(line).toMatchObject({
      '*ContactName': f.client.name,
      '*InvoiceNumber': number,
      '*InvoiceDate': '02/03/2026',
      '*DueDate': '16/03/2026',
      Total: '216.00',
      '*Quantity': '1.5',
      '*UnitAmount': '120.00',
      '*AccountCode': '200',
      '*TaxType': XERO_TAX_NAME,
      TaxAmount: '36.00',
      Currency: 'EUR',
    });
  });
});
