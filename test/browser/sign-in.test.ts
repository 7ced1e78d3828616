import * as OTPAuth from 'otpauth';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildContact, buildSite, createTestApp, type TestApp } from '../support/app.js';
import { ensureWebBuild } from './web-build.js';

const PASSWORD = 'correct horse battery staple';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

type Fixture = {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
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
  const webDist = await ensureWebBuild();
  const app = await createTestApp('pglite', { webDist });
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
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const baseUrl = `http://127.0.0.1:${address.port}`;
  f = { app, baseUrl, browser, ours, theirs, staffEmail, portalEmail, totpEmail, totp };
});

afterAll(async () => {
  await f?.browser.close();
  await f?.app.close();
});

let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeEach(async () => {
  context = await f.browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

async function signIn(email: string) {
  await page.goto(`${f.baseUrl}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the web app', () => {
  it('signs staff in, lists clients, and shows a client with its contact and site', async () => {
    await signIn(f.staffEmail);
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
    await signIn(f.portalEmail);
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
    await signIn(f.totpEmail);
    await page.getByLabel('Authentication code').fill(f.totp.generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    // A technician may read clients but not create them.
    await nav.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: f.ours.name }).waitFor();
    expect(await page.getByRole('link', { name: 'New client' }).count()).toBe(0);
  });
});
