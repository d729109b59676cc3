import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { namePinyin } from '@kefu/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, browserSkipReason, buildWeb, launchBrowser, screenshot, signIn, startServer, type RunningServer, searchCustomers } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('customer archive in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages/web/dist/index.html')) || process.env.CI === 'true') buildWeb();
    server = await startServer(3870);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    return context.newPage();
  }

  it('an agent signs in, searches "zs", opens a customer, edits it and sees the history', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'agent1');
    await page.goto(`${server.url}/customers`);
    // the list has loaded (and the page will not remount under the typing)
    await page.getByTestId('customer-link').first().waitFor();
    await searchCustomers(page, 'zs');
    // every hit's pinyin initials start with z-s (张三, 赵四, 周淑…): the agent typed initials
    const links = page.getByTestId('customer-link');
    await expect
      .poll(async () => {
        const names = await links.allInnerTexts();
        return names.length > 0 && names.every((n) => namePinyin(n.trim()).initials.startsWith('zs'));
      })
      .toBe(true);
    const first = links.first();

    await first.click();
    await page.getByTestId('customer-name').waitFor();
    // the owner sees the number itself
    expect(await page.getByTestId('profile-mobile').innerText()).toMatch(/^1\d{10}$/);

    await page.getByTestId('edit-button').click();
    const form = page.getByTestId('customer-edit-form');
    await form.waitFor();
    const region = form.locator('#region');
    const oldRegion = await region.inputValue();
    await region.fill('北京市东城区王府井大街 1 号');
    await page.getByTestId('customer-save').click();
    await form.waitFor({ state: 'hidden' });

    await page.getByTestId('tab-history').click();
    const history = page.getByTestId('history');
    await history.getByText('北京市东城区王府井大街 1 号').waitFor();
    if (oldRegion) await history.getByText(oldRegion).first().waitFor();
    await screenshot(page, 'customer-page-history');
  });

  it('a supervisor sees the number masked and shows it with one click', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'supervisor');
    await page.goto(`${server.url}/customers`);
    // the list has loaded (and the page will not remount under the typing)
    await page.getByTestId('customer-link').first().waitFor();
    await searchCustomers(page, '张');
    const links = page.getByTestId('customer-link');
    await expect
      .poll(async () => {
        const names = await links.allInnerTexts();
        return names.length > 0 && names.every((n) => n.includes('张'));
      })
      .toBe(true);
    await links.first().click();
    await page.getByTestId('customer-name').waitFor();
    const masked = await page.getByTestId('profile-mobile').innerText();
    expect(masked).toMatch(/^1\d\d\*{4}\d{4}$/);
    await page.getByTestId('reveal-button').click();
    await expect.poll(() => page.getByTestId('profile-mobile').innerText()).toMatch(/^1\d{10}$/);
    const revealed = await page.getByTestId('profile-mobile').innerText();
    expect(revealed.slice(-4)).toBe(masked.slice(-4));
    await screenshot(page, 'customer-page-revealed');
  });
});
