import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildWebNow, startDemoServer, type RunningServer } from './server';

export type { RunningServer } from './server';

/**
 * Browser tests drive Debian's chromium (never a downloaded browser) against a real Kefu server
 * started the way `npm run demo` starts it: built web UI, embedded database, demo department.
 */
export const ROOT = join(import.meta.dirname, '..');
export const OUTPUT = join(ROOT, 'test-output');
export const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo12345';

/** Why the browser tests cannot run here, or null. Under CI=true they must run. */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `no chromium at ${CHROMIUM} (Debian package "chromium"; .ci/run installs it)`;
  if (process.env.CI === 'true') throw new Error(`CI=true needs the browser tests: ${reason}`);
  console.warn(`\n[kefu tests] SKIPPING the browser tests: ${reason}\n`);
  return reason;
}

/** Builds the web UI, unless this run's global setup built it already (once per run under CI=true). */
export function buildWeb() {
  if (inject('webBuilt')) return;
  buildWebNow();
}

/**
 * `main.ts --demo` on a fresh data folder and a free port; resolves when it listens. The folder starts as a
 * copy of the run's demo template (global setup) when there is one: reopening a seeded database takes
 * seconds, seeding the demo department again took ~20 s per file.
 */
export async function startServer(port: number): Promise<RunningServer> {
  return startDemoServer(port, { template: inject('demoTemplate') });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}

export async function signIn(page: Page, base: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Clicks a navigation entry by its key, opening its group first when the group is closed (one group is
 * open at a time: the current page's).
 */
/** A booking taken as the data a flow starts from (the form is its own tests' subject), with its own Idempotency-Key. */
export function bookAs<T>(page: Page, body: Record<string, unknown>): Promise<T> {
  return apiAs<T>(page, 'POST', '/api/v1/bookings', body, { 'Idempotency-Key': crypto.randomUUID() });
}

export async function clickNav(page: Page, key: string) {
  const item = page.getByTestId(`nav-${key}`);
  if (!(await item.isVisible()) && key.includes('.')) {
    await page
      .getByTestId(`nav-group-${key.split('.')[0]}`)
      .locator('.ant-menu-submenu-title')
      .click();
  }
  await item.click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
  return file;
}

/**
 * The API as the page's signed-in user (its session cookie and CSRF token): for the data a flow starts
 * from, never for the steps the flow is about.
 */
export async function apiAs<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const base = new URL(page.url()).origin;
  const me = await page.request.get(`${base}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(`${base}${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrfToken, ...headers },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Types into the customer search box and makes sure the text stayed there (typing while the page is
 * still settling can be lost to a re-render; a person would simply see it and type again).
 */
export async function searchCustomers(page: Page, q: string) {
  const box = page.getByTestId('customer-search');
  for (let i = 0; i < 5; i += 1) {
    await box.fill(q);
    await page.waitForTimeout(300);
    if ((await box.inputValue()) === q) return;
  }
  throw new Error(`the search box did not keep "${q}"`);
}

/**
 * One demo server and one browser for a whole test file, and one signed-in page per person (signing in
 * costs seconds): every flow starts by navigating and builds its own data. Call inside `describe`.
 */
export function browserSuite(port: number, viewport = { width: 1440, height: 900 }) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions = new Map<string, Promise<Page>>();
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages/web/dist/index.html')) || process.env.CI === 'true') buildWeb();
    server = await startServer(port);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
    signedIn(username: string): Promise<Page> {
      let page = sessions.get(username);
      if (!page) {
        page = (async () => {
          const context = await browser!.newContext({ locale: 'zh-CN', viewport });
          const p = await context.newPage();
          await signIn(p, server!.url, username);
          return p;
        })();
        sessions.set(username, page);
      }
      return page;
    },
  };
}
