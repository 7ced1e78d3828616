import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../support/agreements.js';
import { buildClient, buildUser, call } from '../support/app.js';
import {
  createWebApp,
  PASSWORD,
  signIn,
  startWebStack,
  stopWebStack,
  usePage,
  type WebStack,
} from './support.js';

/** Seeded by migration: "Premium (24×7 for P1)", on a 24×7 calendar, so the hour of the run does not matter. */
const PREMIUM = '01900000-0000-7000-8000-000000000012';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Started on the first of the month two months ago, so it is in force and signed whatever today is. */
const startDate = (() => {
  const d = new Date();
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1)));
})();

type Fixture = WebStack & {
  client: { id: string; name: string };
  agreementId: string;
  ticket: { id: string; reference: string; subject: string };
  technician: { email: string; name: string };
  managerEmail: string;
};

let f: Fixture;

beforeAll(async () => {
  const app = await createWebApp();
  const client = await buildClient(app, { name: `Acme Dental ${process.pid}` });
  const admin = await buildUser(app, 'admin');

  const agreement = await call(app, {
    method: 'POST',
    url: '/api/v1/agreements',
    headers: admin.headers,
    payload: {
      clientId: client.id,
      ...fullStack({ name: 'Managed Premium', startDate, slaPolicyId: PREMIUM }),
    },
  });
  if (agreement.statusCode !== 201) throw new Error(`agreement not created: ${agreement.body}`);
  const activated = await call(app, {
    method: 'POST',
    url: `/api/v1/agreements/${agreement.data.id}/activate`,
    headers: admin.headers,
    payload: { signedOn: startDate, signedBy: 'Dr Ada Molar' },
  });
  if (activated.statusCode !== 200) throw new Error(`agreement not activated: ${activated.body}`);

  const subject = `Printer offline at reception ${process.pid}`;
  const ticket = await call(app, {
    method: 'POST',
    url: '/api/v1/tickets',
    headers: admin.headers,
    payload: {
      clientId: client.id,
      source: 'phone',
      category: 'helpdesk',
      subject,
      description: 'The reception printer shows “offline” since this morning.',
    },
  });
  if (ticket.statusCode !== 201) throw new Error(`ticket not created: ${ticket.body}`);

  const technician = { email: `technician-${process.pid}@msp.test`, name: 'Tess Technician' };
  const managerEmail = `manager-${process.pid}@msp.test`;
  const { identity } = app.keel;
  await identity.service.createUser({
    email: technician.email,
    name: technician.name,
    role: 'technician',
    password: PASSWORD,
    clientId: null,
  });
  await identity.service.createUser({
    email: managerEmail,
    role: 'manager',
    password: PASSWORD,
    clientId: null,
  });

  f = {
    ...(await startWebStack(app)),
    client: { id: client.id, name: client.name },
    agreementId: agreement.data.id,
    ticket: { id: ticket.data.id, reference: ticket.data.reference, subject },
    technician,
    managerEmail,
  };
});

afterAll(() => stopWebStack(f));

describe('the helpdesk in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US', timezoneId: 'UTC' });

  const clockRow = (name: string) =>
    currentPage()
      .getByRole('table', { name: 'SLA clocks' })
      .getByRole('row', { name: new RegExp(`^${name}`) });

  it('a technician opens the queue, replies to a ticket and sees the response clock met', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.technician.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();

    // The queue row: reference, client, priority from the default matrix, and the nearest deadline
    // (P3 on the Premium policy: first response within 2 hours, around the clock).
    const row = page
      .getByRole('table', { name: 'Ticket queue' })
      .getByRole('row', { name: new RegExp(f.ticket.subject) });
    await row.getByRole('link', { name: f.ticket.reference }).waitFor();
    await row.getByRole('cell', { name: f.client.name }).waitFor();
    await row.getByText('P3 · Medium').waitFor();
    await row.getByRole('cell', { name: 'Unassigned' }).waitFor();
    await row.getByRole('cell', { name: /^(1h \d+m|2h) left$/ }).waitFor();

    await row.getByRole('link', { name: f.ticket.subject }).click();
    await page.getByRole('heading', { name: f.ticket.subject, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${f.ticket.id}`);

    // The response clock runs; the ticket's work is covered by the agreement.
    const response = clockRow('First response');
    await response.getByText('Running', { exact: true }).waitFor();
    await response.getByText(/^(1h \d+m|2h) left$/).waitFor();
    await clockRow('Resolution').getByText('Running', { exact: true }).waitFor();
    const entitlement = page.getByRole('region', { name: 'Entitlement' });
    await entitlement.getByText('Not billable').waitFor();
    await entitlement.getByText('Covered by agreement').waitFor();
    await page
      .getByRole('article', { name: /^Description/ })
      .getByText('since this morning')
      .waitFor();

    // A public reply meets the first-response target.
    await page.getByLabel('Reply', { exact: true }).fill('We are on it: restarting the print spooler now.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await response.getByText('Met', { exact: true }).waitFor();
    await response.getByText(/^met /).waitFor();
    await clockRow('Resolution').getByText('Running', { exact: true }).waitFor();
    const reply = page.getByRole('article', { name: `Public reply by ${f.technician.name}` });
    await reply.getByText('restarting the print spooler').waitFor();

    // An internal note is told apart from the reply, and taking the ticket records who did.
    await page.getByLabel('Internal note (staff only)').check();
    await page.getByLabel('Note', { exact: true }).fill('Spooler crashed again; check the driver version.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('article', { name: `Internal note by ${f.technician.name}` }).waitFor();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText(`Assigned to ${f.technician.name}`)
      .waitFor();
    expect(await page.getByLabel('Assignee').locator('option:checked').textContent()).toBe(f.technician.name);
  });

  it('previews a calendar as it is edited, and the agreement editor picks its SLA policy by name', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.managerEmail);
    await page.goto(`${f.baseUrl}/settings/sla`);
    await page.getByRole('heading', { name: 'SLA', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Business hours (Mon–Fri 08:00–18:00)' }).click();
    await page.getByRole('heading', { name: 'Business hours (Mon–Fri 08:00–18:00)', level: 1 }).waitFor();

    // Friday 17:00 in London plus two business hours: one on Friday, one from Monday's opening.
    await page.getByLabel('Start (Europe/London)').fill('2026-03-06T17:00');
    await page.getByLabel('Business minutes').fill('120');
    const result = page.locator('output');
    await result.filter({ hasText: /Mon, Mar 9, 2026.*09:00/ }).waitFor();

    // A second Friday window, 18:00–19:00, makes the two hours run out that evening instead.
    await page.getByRole('button', { name: 'Add hours on Friday' }).click();
    await page.getByLabel('Friday, window 2 opens').fill('18:00');
    await page.getByLabel('Friday, window 2 closes').fill('19:00');
    await result.filter({ hasText: /Fri, Mar 6, 2026.*07:00 PM/ }).waitFor();
    // A time that is not one is named beside its day before anything is saved.
    await page.getByLabel('Friday, window 2 closes').fill('25:00');
    await page.getByText(/Friday window 2 closing:/).waitFor();

    await page.goto(`${f.baseUrl}/agreements/${f.agreementId}`);
    await page.getByRole('heading', { name: 'Managed Premium', level: 1 }).waitFor();
    const sla = page.getByLabel('SLA policy');
    expect(await sla.locator('option:checked').textContent()).toBe('Premium (24×7 for P1)');
    await sla.selectOption({ label: 'Standard (business hours)' });
    await page.getByText(/Targets: P1 30m\/4h/).waitFor();
  });
});
