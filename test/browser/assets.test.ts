import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildSite } from '../support/app.js';
import {
  createWebApp,
  PASSWORD,
  signIn,
  startWebStack,
  stopWebStack,
  usePage,
  type WebStack,
} from './support.js';

type Fixture = WebStack & { client: { id: string; name: string }; staffEmail: string };
let f: Fixture;

const ROWS = 400;

/** The few browser globals the page script below uses (the tests compile without the DOM library). */
type BrowserGlobals = {
  seen?: number[];
  document: {
    body: unknown;
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
};

/** A CSV as a spreadsheet exports it: ROWS good workstations and two bad rows in the middle. */
function csvFile(clientName: string): string {
  const lines = ['Client,Site,Type,Hostname,Serial No,Managed,Warranty End'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `${clientName},Head office,Workstation,ws-${String(i).padStart(3, '0')},SN-${i},yes,2027-06-30`,
    );
    if (i === 10) lines.push(`${clientName},Head office,Toaster,bad-type,,yes,`);
    if (i === 20) lines.push(`${clientName},Head office,Laptop,bad-date,,no,30/06/2027`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  const app = await createWebApp();
  const client = await buildClient(app, { name: `Acme Dental ${process.pid}` });
  await buildSite(app, client.id, 'Head office');
  const staffEmail = `tech-${process.pid}@msp.test`;
  await app.keel.identity.service.createUser({
    email: staffEmail,
    role: 'technician',
    password: PASSWORD,
    clientId: null,
  });
  f = { ...(await startWebStack(app)), client: { id: client.id, name: client.name }, staffEmail };
}, 240_000);

afterAll(() => stopWebStack(f));

describe('assets in the web app', () => {
  const currentPage = usePage(() => f.browser, { locale: 'en-US' });

  it('imports a CSV file with a progress bar and a list of the refused rows', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click();
    await page.getByRole('heading', { name: 'Assets', level: 1 }).waitFor();
    await page.getByText('No assets yet').waitFor();
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import assets', level: 1 }).waitFor();

    // Every value the bar shows, as the page changes it.
    await page.evaluate(() => {
      const g = globalThis as unknown as BrowserGlobals;
      const seen: number[] = [];
      g.seen = seen;
      new g.MutationObserver(() => {
        const bar = g.document.querySelector('[role="progressbar"]');
        const now = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen.at(-1) !== now) seen.push(now);
      }).observe(g.document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByLabel('CSV file').setInputFiles({
      name: 'acme-assets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvFile(f.client.name)),
    });
    await page.getByRole('button', { name: 'Import' }).click();

    const bar = page.getByRole('progressbar', { name: 'Importing rows' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(ROWS + 2));
    await page.getByText(`${ROWS + 2} of ${ROWS + 2}`).waitFor({ timeout: 60_000 });
    await page.getByText(/done\.$/).waitFor();
    await page.getByText(`${ROWS} created, 0 updated, 0 unchanged`).waitFor();
    const seen = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).seen ?? []);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).toBeLessThan(ROWS + 2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(ROWS + 2);

    // The refused rows, by the row number a spreadsheet shows (header = row 1).
    const errors = page.getByRole('table', { name: 'Refused rows' });
    await errors.getByRole('row', { name: /13 Type "Toaster" is not an asset type/ }).waitFor();
    await errors.getByRole('row', { name: /24 Purchase date|24 Warranty end/ }).waitFor();
    expect(await errors.getByRole('row').count()).toBe(3);

    // The client's assets tab lists them, and filters by search.
    await page.goto(`${f.baseUrl}/clients/${f.client.id}/assets`);
    await page.getByRole('heading', { name: 'Assets', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'ws-000' }).waitFor();
    await page.getByLabel('Search assets').fill('ws-399');
    await page.getByRole('link', { name: 'ws-399' }).waitFor();
    await page.getByRole('link', { name: 'ws-000' }).waitFor({ state: 'detached' });
    expect(await f.app.keel.assets.service.countManaged(f.client.id)).toBe(ROWS);
  });

  it('adds an asset with a monitoring identity, and refuses the same identity on a second asset', async () => {
    const page = currentPage();
    await signIn(page, f.baseUrl, f.staffEmail);
    await page.goto(`${f.baseUrl}/clients/${f.client.id}/assets`);
    await page.getByRole('link', { name: 'Add asset' }).click();
    await page.getByRole('heading', { name: `New asset for ${f.client.name}`, level: 1 }).waitFor();

    const create = async (name: string) => {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Type').selectOption({ label: 'Server' });
      await page.getByLabel('Hostname').fill(name.toLowerCase());
      await page.getByLabel('Site').selectOption({ label: 'Head office' });
      await page.getByLabel('Managed').check();
      await page.getByRole('button', { name: 'Add identity' }).click();
      await page.getByLabel('Identity 1 value').fill('fs01.acme.test:9182');
      await page.getByRole('button', { name: 'Create asset' }).click();
    };
    await create('FS01');
    await page.getByRole('heading', { name: 'FS01', level: 1 }).waitFor();
    expect(await page.getByLabel('Identity 1 value').inputValue()).toBe('fs01.acme.test:9182');

    await page.goto(`${f.baseUrl}/assets/new?client=${f.client.id}`);
    await create('FS02');
    await page.getByRole('alert').getByText('already maps to asset FS01').waitFor();
    await page.getByText('already maps to another live asset').waitFor();
    const found = await f.app.keel.assets.service.findByIdentity({ instance: 'fs01.acme.test:9182' });
    expect(found?.name).toBe('FS01');
  });
});
