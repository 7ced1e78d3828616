import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildContact, buildSite, type TestApp } from '../support/app.js';
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
  ours: { id: string; name: string; contact: string; site: string };
  theirs: { id: string; name: string; contact: string; site: string };
  staffEmail: string;
  portalEmail: string;
  totpEmail: string;
  totp: OTPAuth.TOTP;
};

let f: Fixture;

async function seedClient(app: TestApp, label: string) {
  const client = await buildClient(app, { name: `${label} ${process.pid}` });
  const site = await buildSite(app, client.id, `${label} head office`);
  const contact = await buildContact(app, client.id, { name: `${label} contact person`, siteId: site.id });
  return { id: client.id, name: client.name, contact: contact.name, site: site.name };
}

beforeAll(async () => {
  const app = await createWebApp();
  const ours = await seedClient(app, 'Acme Dental');
  const theirs = await seedClient(app, 'Globex Logistics');
  const staffEmail = `admin-${process.pid}@msp.test`;
  const portalEmail = `portal-${process.pid}@acme.test`;
  const { identity } = app.keel;
  await identity.service.createUser({ email: staffEmail, role: 'admin', password: PASSWORD, clientId: null });
  await identity.service.createUser({
    email: portalEmail,
    role: 'portal',
    password: PASSWORD,
    clientId: ours.id,
  });
  const totpEmail = `technician-${process.pid}@msp.test`;
  const tech = await identity.service.createUser({
    email: totpEmail,
    role: 'technician',
    password: PASSWORD,
    clientId: null,
  });
  const { secret } = await identity.service.beginTotp(tech.id);
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  await identity.service.confirmTotp(tech.id, totp.generate());
  f = { ...(await startWebStack(app)), ours, theirs, staffEmail, portalEmail, totpEmail, totp };
});

afterAll(() => stopWebStack(f));

describe('the web app', () => {
  const currentPage = usePage(() => f.browser);

  it('signs staff in, lists clients, and shows a client with its contact and site', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await page.getByRole('link', { name: f.theirs.name }).waitFor();

    await page.getByLabel('Search clients').fill('Acme');
    await page.getByRole('link', { name: f.theirs.name }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: f.ours.name }).click();
    await page.getByRole('heading', { name: f.ours.name, level: 1 }).waitFor();

    const sections = page.getByRole('navigation', { name: 'Client sections' });
    await sections.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('rowheader', { name: f.ours.contact }).waitFor();
    await page.getByRole('cell', { name: f.ours.site }).waitFor();
    await sections.getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('rowheader', { name: f.ours.site }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${f.ours.id}/sites`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('shows a portal user their own client only, without staff navigation', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.portalEmail);
    await page.getByRole('heading', { name: f.ours.name, level: 1 }).waitFor();
    await page.getByRole('rowheader', { name: f.ours.contact }).waitFor();
    await page.getByRole('rowheader', { name: f.ours.site }).waitFor();

    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Clients' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /add|edit|archive/i }).count()).toBe(0);
    expect(await page.getByText(f.theirs.name).count()).toBe(0);

    // Another client's address leads back to the portal's own page.
    await page.goto(`${f.baseUrl}/clients/${f.theirs.id}`);
    await page.getByRole('heading', { name: f.ours.name, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByText(f.theirs.name).count()).toBe(0);
  });

  it('asks for the authenticator code when the account has two-step sign-in', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.totpEmail);
    await page.getByLabel('Authentication code').fill(f.totp.generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    // A technician may read clients but not create them.
    await nav.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: f.ours.name }).waitFor();
    expect(await page.getByRole('link', { name: 'New client' }).count()).toBe(0);
  });
});
