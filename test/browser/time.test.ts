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

type Fixture = WebStack & {
  ticket: { id: string; subject: string };
  breakFix: string;
  technician: { id: string; email: string; name: string };
  managerEmail: string;
};

let f: Fixture;

beforeAll(async () => {
  const app = await createWebApp();
  const admin = await buildUser(app, 'admin');
  const managed = await buildClient(app, { name: `Acme Dental ${process.pid}` });
  const breakFix = await buildClient(app, { name: `Bistro Bob ${process.pid}`, timeZone: 'UTC' });
  const api = (method: string, url: string, payload: unknown) =>
    call(app, { method, url, headers: admin.headers, payload });
  const agreement = await api('POST', '/api/v1/agreements', {
    clientId: managed.id,
    ...fullStack({ startDate: '2025-01-01' }),
  });
  await api('POST', `/api/v1/agreements/${agreement.data.id}/activate`, {
    signedOn: '2024-12-15',
    signedBy: 'Dr Molar',
  });
  const subject = `Scanner will not scan ${process.pid}`;
  const ticket = await api('POST', '/api/v1/tickets', {
    clientId: managed.id,
    subject,
    category: 'helpdesk',
  });
  if (ticket.statusCode !== 201) throw new Error(`ticket not created: ${ticket.body}`);

  const technician = { email: `tech-time-${process.pid}@msp.test`, name: 'Tim Technician' };
  const managerEmail = `manager-time-${process.pid}@msp.test`;
  const tech = await app.keel.identity.service.createUser({
    ...technician,
    role: 'technician',
    password: PASSWORD,
    clientId: null,
  });
  await app.keel.identity.service.createUser({
    email: managerEmail,
    role: 'manager',
    password: PASSWORD,
    clientId: null,
  });
  // A timer the technician started on the ticket half an hour ago.
  await app.keel.time.timer.start(
    tech.id,
    { ticketId: ticket.data.id, workType: 'remote', note: '' },
    new Date(Date.now() - 30 * 60_000),
  );

  f = {
    ...(await startWebStack(app)),
    ticket: { id: ticket.data.id, subject },
    breakFix: breakFix.name,
    technician: { id: tech.id, ...technician },
    managerEmail,
  };
});

afterAll(() => stopWebStack(f));

describe('time in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US', timezoneId: 'UTC' });

  it('a technician stops the timer on a ticket, logs work on the time sheet and submits the week', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.technician.email);
    await page.goto(`${f.baseUrl}/tickets/${f.ticket.id}`);
    await page.getByRole('heading', { name: f.ticket.subject, level: 1 }).waitFor();
    await page
      .getByRole('timer')
      .filter({ hasText: /^0:3\d:\d\d$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Stop and log' }).click();
    // Remote helpdesk work on the managed client's ticket is covered by its agreement.
    await page
      .getByRole('status')
      .filter({ hasText: /Logged 3\dm as a draft: Not billable/ })
      .waitFor();
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('button', { name: 'Start timer' }).waitFor();

    await page.goto(`${f.baseUrl}/time?week=2026-03-02`);
    await page.getByRole('heading', { name: 'Time', level: 1 }).waitFor();
    await page.getByText('Week of March 2, 2026').waitFor();
    await page.getByRole('button', { name: 'Add entry' }).click();
    const form = page.getByRole('form', { name: 'New time entry' });
    await form.getByLabel('An activity').check();
    await form.getByRole('textbox', { name: 'Activity' }).fill('Till network check');
    await form.getByLabel('Client', { exact: true }).selectOption({ label: f.breakFix });
    await form.getByLabel('Work type').selectOption({ label: 'On-site support' });
    await form.getByLabel('Date', { exact: true }).fill('2026-03-03');
    await form.getByLabel('Start', { exact: true }).fill('10:00');
    await form.getByLabel('End', { exact: true }).fill('11:30');
    await form.getByRole('button', { name: 'Add entry' }).click();

    // Break-fix on site: 90 minutes at the work type's 120.00 an hour.
    const row = page
      .getByRole('table', { name: /^Time on Tuesday/ })
      .getByRole('row', { name: /Till network check/ });
    await row.getByText('180.00').waitFor();
    await row.getByText('Billable', { exact: true }).waitFor();
    await row.getByText('Draft').waitFor();
    await page.getByRole('button', { name: 'Submit week (1)' }).click();
    await row.getByText('Submitted').waitFor();
  });

  it('a manager approves the submitted time from the queue', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.managerEmail);
    await page.goto(`${f.baseUrl}/time/approvals`);
    const row = page
      .getByRole('table', { name: 'Time entries' })
      .getByRole('row', { name: /Till network check/ });
    await row.getByRole('cell', { name: f.technician.name, exact: true }).waitFor();
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve selected (1)' }).click();
    await page.getByText('Nothing is waiting for approval.').waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Approved' });
    await row.getByText('Approved').waitFor();
    expect(await row.getByText('180.00').count()).toBe(1);
  });
});
