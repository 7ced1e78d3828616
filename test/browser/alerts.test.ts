import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amWebhook, hostDown, ingestToken, post } from '../alerts/support.js';
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

type Fixture = WebStack & { client: { id: string; name: string }; techEmail: string };
let f: Fixture;

const monthStart = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
};

beforeAll(async () => {
  const app = await createWebApp();
  const client = await buildClient(app, { name: `Acme Dental ${process.pid}`, timeZone: 'UTC' });
  const admin = await buildUser(app, 'admin');
  const agreement = await call(app, {
    method: 'POST',
    url: '/api/v1/agreements',
    headers: admin.headers,
    payload: {
      clientId: client.id,
      ...fullStack({ startDate: monthStart(6).toISOString().slice(0, 10), availabilityTargetPercent: 99.9 }),
    },
  });
  await call(app, {
    method: 'POST',
    url: `/api/v1/agreements/${agreement.data.id}/activate`,
    headers: admin.headers,
    payload: { signedOn: monthStart(6).toISOString().slice(0, 10), signedBy: 'CEO' },
  });
  await call(app, {
    method: 'POST',
    url: '/api/v1/alert-mapping-rules',
    headers: admin.headers,
    payload: { clientId: client.id, matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }] },
  });
  const ingest = await ingestToken(app, admin);
  // Last month's first Wednesday at noon (clear of the Saturday-night window a test adds): an hour
  // down, so the month is breached against 99.9 %.
  let lastMonth = monthStart(1).getTime() + 12 * 3_600_000;
  while (new Date(lastMonth).getUTCDay() !== 3) lastMonth += 86_400_000;
  const outage = hostDown('acme', 'files:9100', {
    startsAt: new Date(lastMonth).toISOString(),
    annotations: { summary: 'File server down' },
  });
  await post(app, 'alertmanager', ingest, amWebhook([outage]));
  await post(
    app,
    'alertmanager',
    ingest,
    amWebhook([{ ...outage, status: 'resolved', endsAt: new Date(lastMonth + 3_600_000).toISOString() }]),
  );
  await post(
    app,
    'alertmanager',
    ingest,
    amWebhook([hostDown('acme', 'mail:9100', { annotations: { summary: 'Mail server down' } })]),
  );
  await post(
    app,
    'alertmanager',
    ingest,
    amWebhook([hostDown('acme', 'mail:9100', { annotations: { summary: 'Mail server down' } })]),
  );
  await post(
    app,
    'alertmanager',
    ingest,
    amWebhook([hostDown('unknown', 'stray:9100', { annotations: { summary: 'Stray box down' } })]),
  );
  await app.keel.alerts.tickets.drain();
  const techEmail = `tech-alerts-${process.pid}@msp.test`;
  await app.keel.identity.service.createUser({
    email: techEmail,
    role: 'technician',
    password: PASSWORD,
    clientId: null,
  });
  f = { ...(await startWebStack(app)), client: { id: client.id, name: client.name }, techEmail };
}, 240_000);

afterAll(() => stopWebStack(f));

describe('alerts in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US', viewport: { width: 1280, height: 900 } });

  it('lists open alerts with their count and ticket, and maps one out of triage', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.techEmail);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    const open = page.getByRole('table', { name: 'Alerts' });
    const mail = open.getByRole('row').filter({ hasText: 'Mail server down' });
    await mail.waitFor();
    expect(await mail.getByRole('cell').nth(3).textContent()).toBe('2');
    await mail.getByRole('link', { name: 'Open' }).waitFor();
    if (process.env.KEEL_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.KEEL_SCREENSHOTS}/alerts.png` });

    await page.getByRole('navigation', { name: 'Alert views' }).getByRole('link', { name: 'Triage' }).click();
    const triage = page.getByRole('table', { name: 'Alerts in triage' });
    const stray = triage.getByRole('row').filter({ hasText: 'Stray box down' });
    await stray.getByRole('button', { name: 'Map to client' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: f.client.name });
    if (process.env.KEEL_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.KEEL_SCREENSHOTS}/triage.png` });
    await page.getByRole('button', { name: 'Map alert' }).click();
    await page.getByText('Every alert is placed with a client: nothing to triage.').waitFor();
  });

  it('plans a maintenance window for a client', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.techEmail);
    await page.goto(`${f.baseUrl}/alerts/maintenance`);
    await page.getByLabel('Client', { exact: true }).selectOption({ label: f.client.name });
    await page.getByLabel('Name', { exact: true }).fill('Saturday patching');
    await page.getByLabel('Kind').selectOption('weekly');
    await page.getByRole('button', { name: 'Add window' }).click();
    const row = page
      .getByRole('table', { name: 'Maintenance windows' })
      .getByRole('row')
      .filter({ hasText: 'Saturday patching' });
    expect(await row.textContent()).toContain('Every Sat 22:00–02:00 (UTC)');
  });

  it("shows the client's availability per month against its target, with a chart", async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.techEmail);
    await page.goto(`${f.baseUrl}/clients/${f.client.id}`);
    await page.getByRole('heading', { name: 'Availability' }).waitFor();
    await page.getByRole('img', { name: /Availability per month against a target of 99.9 %/ }).waitFor();
    const lastMonth = monthStart(1).toISOString().slice(0, 7);
    const row = page
      .getByRole('table', { name: 'Availability per month' })
      .getByRole('row')
      .filter({ hasText: lastMonth });
    expect(await row.textContent()).toContain('Breached');
    expect(await row.textContent()).toContain('60 min');
  });
});
