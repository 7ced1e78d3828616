import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffScope } from '../../src/platform/auth/principal.js';
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
  technician: { userId: string; email: string; name: string };
  portal: Caller;
  manager: Caller;
  /** One-click tokens by ticket id, as the resolution mail would carry them. */
  tokens: Map<string, string>;
};

let f: Fixture;

/** A ticket of the fixture's client, assigned to the technician and resolved: its survey opens. */
async function resolvedTicket(subject: string) {
  const { tickets } = f.app.keel;
  const actor = { userId: f.technician.userId, contactId: null, staff: true, channel: 'web' as const };
  const ticket = await tickets.service.create(
    staffScope,
    {
      clientId: f.client.id,
      assigneeId: f.technician.userId,
      subject,
      source: 'phone',
      type: 'incident',
      impact: 'medium',
      urgency: 'medium',
      tags: [],
      description: '',
    },
    actor,
  );
  await tickets.service.update(staffScope, ticket.id, { status: 'resolved' }, actor);
  const token = f.tokens.get(ticket.id);
  if (!token) throw new Error(`no survey opened for ${ticket.reference}`);
  return { id: ticket.id, reference: ticket.reference, subject, token };
}

beforeAll(async () => {
  const app = await createWebApp();
  const client = await buildClient(app, { name: `Acme Dental ${process.pid}` });
  const technician = await app.keel.identity.service.createUser({
    email: `technician-${process.pid}@msp.test`,
    name: 'Tess Technician',
    role: 'technician',
    password: PASSWORD,
    clientId: null,
  });
  const portal = await buildUser(app, 'portal', { clientId: client.id, password: PASSWORD });
  const manager = await buildUser(app, 'manager', { password: PASSWORD });
  const tokens = new Map<string, string>();
  app.keel.tickets.onSurveyOpened(async (ticket, token) => {
    tokens.set(ticket.id, token);
  });

  f = {
    ...(await startWebStack(app)),
    client: { id: client.id, name: client.name },
    technician: { userId: technician.id, email: technician.email, name: 'Tess Technician' },
    portal,
    manager,
    tokens,
  };
});

afterAll(() => stopWebStack(f));

const survey = async (token: string) =>
  (await call(f.app, { method: 'GET', url: `/api/v1/csat/${token}` })).data as {
    reference: string;
    rating: number | null;
    comment: string | null;
  };

describe('customer satisfaction in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US', timezoneId: 'UTC' });

  it('records the rating of a one-click link without signing in, then a comment', async () => {
    const page = currentPage();
    const ticket = await resolvedTicket(`Printer offline at reception ${process.pid}`);

    await page.goto(`${f.baseUrl}/csat/${ticket.token}?rating=4`);
    await page.getByRole('heading', { name: 'Thank you for your feedback', level: 1 }).waitFor();
    await page.getByText(ticket.reference).waitFor();
    await page.getByRole('status').getByText('Satisfied', { exact: true }).waitFor();
    // Nobody was asked to sign in, and the address is still the survey's.
    expect(new URL(page.url()).pathname).toBe(`/csat/${ticket.token}`);
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(await survey(ticket.token)).toMatchObject({ rating: 4, comment: null });

    await page.getByLabel(/Anything you would like to add/).fill('Quick fix, thanks to Tess.');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.getByText('Your comment was saved. Thank you!').waitFor();
    expect(await survey(ticket.token)).toEqual({
      reference: ticket.reference,
      subject: ticket.subject,
      rating: 4,
      comment: 'Quick fix, thanks to Tess.',
    });

    // Opening the mail's link again (another star) changes the rating and keeps the comment.
    await page.goto(`${f.baseUrl}/csat/${ticket.token}?rating=5`);
    await page.getByRole('status').getByText('Very satisfied', { exact: true }).waitFor();
    expect(await survey(ticket.token)).toMatchObject({ rating: 5, comment: 'Quick fix, thanks to Tess.' });
  });

  it('offers five choices when the link carries no rating', async () => {
    const page = currentPage();
    const ticket = await resolvedTicket(`VPN drops every hour ${process.pid}`);
    await page.goto(`${f.baseUrl}/csat/${ticket.token}`);
    await page.getByRole('heading', { name: 'How did we do?', level: 1 }).waitFor();
    const choices = page.getByRole('group', { name: 'How satisfied are you with how we handled it?' });
    expect(await choices.getByRole('button').count()).toBe(5);
    await choices.getByRole('button', { name: 'Dissatisfied', exact: true }).click();
    await page.getByRole('heading', { name: 'Thank you for your feedback', level: 1 }).waitFor();
    expect(await survey(ticket.token)).toMatchObject({ rating: 2, comment: null });
  });

  it('says so when a link is unknown or has expired', async () => {
    const page = currentPage();
    await page.goto(`${f.baseUrl}/csat/${'x'.repeat(32)}?rating=5`);
    await page.getByRole('heading', { name: 'This survey link does not work', level: 1 }).waitFor();
    await page.getByText(/no survey for this link, or it has expired/).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
  });

  it('lets a portal user rate a resolved ticket with stars and a comment, and raise a new one', async () => {
    const page = currentPage();
    const ticket = await resolvedTicket(`Outlook keeps asking for the password ${process.pid}`);
    await signIn(page, f.baseUrl, f.portal.email);
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Your tickets' })
      .click();
    await page.getByRole('heading', { name: 'Your tickets', level: 1 }).waitFor();

    const row = page
      .getByRole('table', { name: 'Resolved tickets' })
      .getByRole('row', { name: new RegExp(ticket.subject) });
    await row.getByRole('button', { name: `Rate ${ticket.reference}` }).click();
    const form = page.getByRole('form', { name: `Rate ${ticket.reference}` });
    await form.getByLabel('4 stars: Satisfied').check();
    await form.getByLabel('Comment (optional)').fill('Fixed over the phone in ten minutes.');
    await form.getByRole('button', { name: 'Send rating' }).click();
    await row.getByText('You rated it satisfied').waitFor();
    expect(await survey(ticket.token)).toMatchObject({
      rating: 4,
      comment: 'Fixed over the phone in ten minutes.',
    });

    await page.getByRole('link', { name: 'Raise a ticket' }).click();
    const subject = `New starter needs a laptop ${process.pid}`;
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('Anna starts on Monday.');
    await page.getByLabel('How urgent is it?').selectOption('low');
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await page.getByText(/^Ticket T-\d+ was raised/).waitFor();
    await page
      .getByRole('table', { name: 'Open tickets' })
      .getByRole('row', { name: new RegExp(subject) })
      .waitFor();
  });

  it('shows staff the results per client and per technician over a period', async () => {
    const page = currentPage();
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const expected = (
      await call(f.app, {
        method: 'GET',
        url: `/api/v1/csat/results?from=${today}&to=${tomorrow}`,
        headers: f.manager.headers,
      })
    ).data;
    expect(expected.overall.responses).toBeGreaterThanOrEqual(3);

    await signIn(page, f.baseUrl, f.manager.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Customer satisfaction' }).click();
    await page.getByRole('heading', { name: 'Customer satisfaction', level: 1 }).waitFor();
    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'This month' });
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To (inclusive)').fill(today);

    const overall = page.getByRole('list', { name: 'Overall figures' });
    await overall
      .getByRole('listitem')
      .filter({ hasText: 'Responses' })
      .getByText(String(expected.overall.responses), { exact: true })
      .waitFor();
    const clientRow = page
      .getByRole('table', { name: 'Satisfaction by client' })
      .getByRole('row', { name: new RegExp(f.client.name) });
    await clientRow.getByRole('cell', { name: String(expected.overall.responses), exact: true }).waitFor();
    const techRow = page
      .getByRole('table', { name: 'Satisfaction by technician' })
      .getByRole('row', { name: new RegExp(f.technician.name) });
    await techRow.waitFor();
    const average = expected.byTechnician.find(
      (t: { technicianId: string }) => t.technicianId === f.technician.userId,
    ).average as number;
    await techRow.getByRole('cell', { name: average.toFixed(1), exact: true }).waitFor();
  });
});
