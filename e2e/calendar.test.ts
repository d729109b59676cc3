import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, ROOT, browserSkipReason, buildWeb, launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('business calendar in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages/web/dist/index.html')) || process.env.CI === 'true') buildWeb();
    server = await startServer(3874);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function showYear(page: Page, year: number) {
    const title = page.getByTestId('year-title');
    for (let i = 0; i < 20; i += 1) {
      const shown = Number.parseInt(await title.innerText(), 10);
      if (shown === year) return;
      await page.getByTestId(shown < year ? 'year-next' : 'year-prev').click();
      await expect.poll(async () => Number.parseInt(await title.innerText(), 10)).not.toBe(shown);
    }
    throw new Error(`could not show ${year}`);
  }

  it('the manager sees 2026’s 国庆 and 调休, enters 2027’s 元旦 and marks 2027 complete', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'manager');
    await clickNav(page, 'settings.calendar');
    await page.getByTestId('year-view').waitFor();

    // 2027's notice is not out while this year is 2026 (the server's real clock): the page says so
    const thisYear = Number.parseInt(await page.getByTestId('year-title').innerText(), 10);
    if (thisYear === 2026 || thisYear === 2027) await expect.poll(() => page.getByTestId('missing-2027').isVisible()).toBe(true);

    await showYear(page, 2026);
    const national = page.getByTestId('day-2026-10-01');
    await expect.poll(() => national.getAttribute('data-look')).toBe('holiday');
    expect(await national.innerText()).toContain('国庆');
    expect(await national.getAttribute('aria-label')).toContain('国庆节');
    const adjusted = page.getByTestId('day-2026-10-10');
    expect(await adjusted.getAttribute('data-look')).toBe('workday');
    expect(await adjusted.innerText()).toContain('班');
    expect(await adjusted.getAttribute('aria-label')).toContain('国庆节调休');
    expect(await page.getByTestId('day-2026-10-11').getAttribute('data-look')).toBe('off');

    // a time range that ends before it starts is refused beside the field, in Chinese
    const mondayEnd = page.getByLabel('周一 end');
    await mondayEnd.fill('08:00');
    await page.getByTestId('work-week-save').click();
    await expect.poll(() => page.getByTestId('work-week-form').innerText()).toContain('结束时间必须晚于开始时间');
    await mondayEnd.fill('18:00');

    await showYear(page, 2027);
    await expect.poll(() => page.getByTestId('year-status').innerText()).toBe('未录入');
    const newYear = page.getByTestId('day-2027-01-01');
    expect(await newYear.getAttribute('data-look')).toBe('working');
    await newYear.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('day-name').fill('元旦');
    await dialog.getByTestId('day-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => newYear.getAttribute('data-look')).toBe('holiday');
    expect(await newYear.innerText()).toContain('元旦');
    await screenshot(page, 'calendar-2027-entered');

    await page.getByTestId('year-mark').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: '确 定' })
      .or(page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }))
      .click();
    await expect.poll(() => page.getByTestId('year-status').innerText()).toBe('已标记完成');
    await expect.poll(() => page.getByTestId('missing-2027').count()).toBe(0);
    await screenshot(page, 'calendar-2027-complete');

    await showYear(page, 2026);
    await expect.poll(() => page.getByTestId('day-2026-10-01').getAttribute('data-look')).toBe('holiday');
    await screenshot(page, 'calendar-2026');
    await context.close();
  });
});
