import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { ensureWebBuild } from './web-build.js';

/** The password the browser tests give the users they sign in as. */
export const PASSWORD = 'correct horse battery staple';

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

/** Debian's Chromium, headless and quiet: nothing it does on its own reaches the network. */
function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A test app on its own PGlite database that serves the web app, built first if it is missing or stale. */
export async function createWebApp(): Promise<TestApp> {
  const webDist = await ensureWebBuild();
  return createTestApp('pglite', { webDist });
}

/** Starts the app's HTTP server on a free port of 127.0.0.1; returns the base URL the browser opens. */
async function serveOnLocalPort(app: TestApp): Promise<string> {
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** A test app served on a local port, and the browser that visits it. */
export type WebStack = { app: TestApp; baseUrl: string; browser: Browser };

/** Serves the app, once seeded, on a free local port and launches the browser that will visit it. */
export async function startWebStack(app: TestApp): Promise<WebStack> {
  const baseUrl = await serveOnLocalPort(app);
  const browser = await launchBrowser();
  return { app, baseUrl, browser };
}

/** Closes the browser, then the app and its database; nothing to do if the stack never started. */
export async function stopWebStack(stack: WebStack | undefined) {
  await stack?.browser.close();
  await stack?.app.close();
}

/**
 * A fresh browser context and page for each test of the enclosing describe block, closed after it. A test fails when its
 * page threw an uncaught error, even if every assertion passed. Returns the current test's page.
 */
export function usePage(browser: () => Browser, contextOptions?: BrowserContextOptions): () => Page {
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeEach(async () => {
    context = await browser().newContext(contextOptions);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  return () => page;
}

/** Fills in and sends the sign-in form; what comes next (a second step, the home page) is the test's to await. */
export async function signIn(page: Page, baseUrl: string, email: string, password = PASSWORD) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  // Wait for the answer: a test that navigates at once would otherwise race the session cookie.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}
