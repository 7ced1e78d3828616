import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewalDate } from '../../src/domain/agreements/renewal.js';
import { fullStack } from '../support/agreements.js';
import { buildClient, buildUser, call, type TestApp } from '../support/app.js';
import {
  createWebApp,
  PASSWORD,
  signIn,
  startWebStack,
  stopWebStack,
  usePage,
  type WebStack,
} from './support.js';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const today = isoDay(new Date());
/** Started on the first of the month two months ago, so it is in force and signed whatever today is. */
const startDate = (() => {
  const d = new Date();
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1)));
})();

type Fixture = WebStack & {
  client: { id: string; name: string };
  other: { id: string; name: string; agreement: string };
  agreementId: string;
  staffEmail: string;
  portalEmail: string;
};

let f: Fixture;

/** A signed, active managed agreement: 25 users × 99.00, full stack, SLA, but the given term. */
async function seedAgreement(app: TestApp, headers: Record<string, string>, clientId: string, name: string) {
  const created = await call(app, {
    method: 'POST',
    url: '/api/v1/agreements',
    headers,
    payload: { clientId, ...fullStack({ name, startDate, minimumTermMonths: 6 }) },
  });
  if (created.statusCode !== 201) throw new Error(`agreement not created: ${created.body}`);
  const activated = await call(app, {
    method: 'POST',
    url: `/api/v1/agreements/${created.data.id}/activate`,
    headers,
    payload: { signedOn: startDate, signedBy: 'Dr Ada Molar' },
  });
  if (activated.statusCode !== 200) throw new Error(`agreement not activated: ${activated.body}`);
  return created.data.id as string;
}

beforeAll(async () => {
  const app = await createWebApp();
  // A French billing address: the client's amounts show in euros.
  const client = await buildClient(app, {
    name: `Acme Dental ${process.pid}`,
    billingAddress: { country: 'FR' },
  });
  const otherClient = await buildClient(app, { name: `Globex Logistics ${process.pid}` });
  const admin = await buildUser(app, 'admin');
  const agreementId = await seedAgreement(app, admin.headers, client.id, 'Managed Complete');
  // A plan to sell on a new agreement: its service's category comes along with it.
  const backup = await call(app, {
    method: 'POST',
    url: '/api/v1/catalog/services',
    headers: admin.headers,
    payload: { name: 'Managed backup', categoryCode: 'backup', unit: 'per_device', price: 1500, cost: 600 },
  });
  await call(app, {
    method: 'POST',
    url: '/api/v1/catalog/plans',
    headers: admin.headers,
    payload: { name: 'Backup Essentials', unit: 'per_device', price: 4900, serviceIds: [backup.data.id] },
  });
  const otherAgreement = `Globex Secret Plan ${process.pid}`;
  await seedAgreement(app, admin.headers, otherClient.id, otherAgreement);

  const staffEmail = `manager-${process.pid}@msp.test`;
  const portalEmail = `portal-${process.pid}@acme.test`;
  const { identity } = app.keel;
  await identity.service.createUser({
    email: staffEmail,
    role: 'manager',
    password: PASSWORD,
    clientId: null,
  });
  await identity.service.createUser({
    email: portalEmail,
    role: 'portal',
    password: PASSWORD,
    clientId: client.id,
  });

  f = {
    ...(await startWebStack(app)),
    client: { id: client.id, name: client.name },
    other: { id: otherClient.id, name: otherClient.name, agreement: otherAgreement },
    agreementId,
    staffEmail,
    portalEmail,
  };
});

afterAll(() => stopWebStack(f));

describe('agreements in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US' });

  const criterionRow = (name: string) =>
    currentPage()
      .getByRole('table', { name: 'Contract criteria' })
      .getByRole('row', { name: new RegExp(`^${name}`) });

  it('shows why a client is not a contract client, and fixing the agreement makes it one', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).click();
    // The overview lists the client among those one criterion away from a contract.
    const overview = page.getByRole('table', { name: 'Clients by relationship' });
    const row = overview.getByRole('row', { name: new RegExp(f.client.name) });
    await row.getByText('One criterion from a contract').waitFor();
    await row.getByText('term 6 months < policy 12').waitFor();
    await row.getByRole('link', { name: f.client.name }).click();

    await page.getByRole('heading', { name: f.client.name, level: 1 }).waitFor();
    const relationship = page.getByRole('region', { name: 'Relationship' });
    await relationship.getByText('Single-service contract').waitFor();
    await relationship.getByText('MRR €2,475.00').waitFor();
    const term = criterionRow('Minimum term');
    await term.getByText('Fail').waitFor();
    await term.getByText('set a minimum term of at least 12 months').waitFor();
    expect(await criterionRow('SLA').getByText('Pass').count()).toBe(1);

    await page.getByRole('link', { name: 'Managed Complete' }).click();
    await page.getByRole('heading', { name: 'Managed Complete', level: 1 }).waitFor();
    const status = page.getByRole('region', { name: 'Status and signature' });
    await status.getByText(`on ${startDate} by Dr Ada Molar`).waitFor();
    // A signed agreement's lines are read here and changed by amendments; money is in the client's currency.
    await page
      .getByRole('row', { name: /Complete, per user/ })
      .getByText('€99.00 per user')
      .waitFor();

    const minimumTerm = page.getByLabel('Minimum term (months)');
    expect(await minimumTerm.inputValue()).toBe('6');
    await minimumTerm.fill('12');
    // The renewal date follows the term as it is typed, by the server's own rule.
    const renewal = renewalDate(
      { startDate, endDate: null, minimumTermMonths: 12, autoRenew: true, renewalTermMonths: 12 },
      today,
    );
    await page.getByRole('definition').filter({ hasText: renewal! }).first().waitFor();
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();
    expect(await page.getByLabel('Minimum term (months)').inputValue()).toBe('12');

    await page.getByRole('link', { name: f.client.name }).click();
    await relationship.getByText('Contract client').waitFor();
    await criterionRow('Minimum term').getByText('Pass').waitFor();
    await criterionRow('Minimum term').getByText('term 12 months ≥ policy 12').waitFor();
    expect(await relationship.getByText('meets every contract criterion').count()).toBe(1);
  });

  it('creates a draft agreement from a catalog plan, then records the signature to activate it', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    await page.goto(`${f.baseUrl}/clients/${f.client.id}/agreements`);
    await page.getByRole('link', { name: 'New agreement' }).click();
    await page.getByRole('heading', { name: 'New agreement', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Server backup');
    await page.getByLabel('Kind').selectOption({ label: 'Subscription' });
    await page.getByRole('button', { name: 'Add line' }).click();
    const line = page.getByRole('group', { name: 'Line 1' });
    await line.getByLabel('Item').selectOption({ label: 'Backup Essentials' });
    expect(await line.getByLabel('Description').inputValue()).toBe('Backup Essentials');
    expect(await line.getByLabel('Unit price (per month)').inputValue()).toBe('49.00');
    await line.getByLabel('Quantity', { exact: true }).fill('4');
    await page.getByText('Monthly recurring value €196.00').first().waitFor();
    await page.getByRole('button', { name: 'Create draft agreement' }).click();

    await page.getByRole('heading', { name: 'Server backup', level: 1 }).waitFor();
    const status = page.getByRole('region', { name: 'Status and signature' });
    await status.getByText('Draft').waitFor();
    await status.getByRole('button', { name: 'Activate…' }).click();
    await status.getByLabel('Signed by').fill('Dr Ada Molar');
    await status.getByRole('button', { name: 'Activate agreement' }).click();
    await status.getByText('Active').waitFor();
    await status.getByText(`on ${today} by Dr Ada Molar`).waitFor();
    // Signed: the line is now read in a table and changed only by amendments.
    const signedLine = page.getByRole('row', { name: /Backup Essentials/ });
    await signedLine.getByRole('cell', { name: 'Backup', exact: true }).waitFor();
    await signedLine.getByRole('cell', { name: /€196\.00/ }).waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Activated').waitFor();
  });

  it('records a dated amendment on a signed agreement, shows it on the timeline and reverses it', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    await page.goto(`${f.baseUrl}/agreements/${f.agreementId}`);
    await page.getByRole('heading', { name: 'Managed Complete', level: 1 }).waitFor();

    const form = page.getByRole('form', { name: 'Record an amendment' });
    await form.getByLabel('Change', { exact: true }).selectOption({ label: 'Quantity change' });
    await form.getByLabel('New quantity').fill('30');
    await form.getByLabel('Note', { exact: true }).fill('Five new hygienists');
    await form.getByRole('button', { name: 'Record amendment' }).click();

    const amendments = page.getByRole('region', { name: 'Amendments' });
    await amendments.getByText('Quantity of “Complete, per user” → 30').waitFor();
    await amendments.getByText('Five new hygienists').waitFor();
    // The change applies from today: the monthly value is now 30 × 99.00.
    await page.getByText('Monthly recurring value €2,970.00').first().waitFor();

    await amendments.getByRole('button', { name: 'Reverse…' }).click();
    await amendments.getByRole('button', { name: 'Reverse amendment' }).click();
    await amendments.getByText(/Undoes: Quantity of/).waitFor();
    await amendments.getByText(`Reversed from ${today}.`).waitFor();
    await page.getByText('Monthly recurring value €2,475.00').first().waitFor();
  });

  it('adds a service to the catalog with its price and cost', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page
      .getByRole('navigation', { name: 'Catalog sections' })
      .getByRole('link', { name: 'Services' })
      .click();
    await page.getByRole('button', { name: 'Add service' }).click();
    const form = page.getByRole('form', { name: 'New service' });
    const name = `Cloud backup ${process.pid}`;
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Category').selectOption({ label: 'Backup' });
    await form.getByLabel('Unit', { exact: true }).selectOption({ label: 'per device' });
    await form.getByLabel('Price (per unit, per month)').fill('12,50');
    await form.getByLabel('Cost (per unit, per month)').fill('4.5');
    await form.getByRole('button', { name: 'Add service' }).click();

    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.getByRole('cell', { name: '12.50' }).waitFor();
    await row.getByRole('cell', { name: '4.50' }).waitFor();
    await row.getByRole('cell', { name: '64 %' }).waitFor();
  });

  it('shows a portal user what their own contract covers, read-only', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.portalEmail);
    const mine = page.getByRole('article', { name: /Managed Complete/ });
    await mine.waitFor();
    await mine.getByText('SLA included').waitFor();
    const facts = mine.getByRole('definition');
    await facts.filter({ hasText: 'Monitoring, Patching, Backup, Helpdesk, Security' }).waitFor();
    await mine.getByText('Network projects (€130.00 per hour)').waitFor();
    expect(await page.getByText(f.other.agreement).count()).toBe(0);
    expect(await page.getByRole('button', { name: /save|amend|activate|terminate/i }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
  });
});
