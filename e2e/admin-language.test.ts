import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, ROOT, browserSkipReason, buildWeb, launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('administration and language in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages/web/dist/index.html')) || process.env.CI === 'true') buildWeb();
    server = await startServer(3872);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username: string, password?: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, username, password);
    return page;
  }

  it('the admin creates an agent, who signs in to an empty archive; the audit log shows both', async () => {
    const admin = await signedIn('admin');
    await clickNav(admin, 'admin.users');
    await admin.getByTestId('user-new').click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('#username').fill('wuxinren');
    await dialog.locator('#displayName').fill('吴新人');
    await dialog.locator('#password').fill('start-pass-1');
    expect(await dialog.locator('.ant-select-selection-item').allInnerTexts()).toEqual(['客服专员']);
    await screenshot(admin, 'flow6-new-user');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('row', { name: /吴新人/ }).waitFor();

    const newcomer = await signedIn('wuxinren', 'start-pass-1');
    // the admin chose the first password: the newcomer must choose their own before anything else
    const forced = newcomer.getByRole('dialog').filter({ hasText: '修改密码' });
    await forced.locator('#currentPassword').waitFor();
    await newcomer.waitForTimeout(400); // the dialog's opening animation, for the screenshot
    await screenshot(newcomer, 'flow6-forced-password');
    await forced.locator('#currentPassword').fill('start-pass-1');
    await forced.locator('#newPassword').fill('my-own-pass-2');
    await forced.locator('#confirmPassword').fill('my-own-pass-2');
    await forced.getByRole('button', { name: /^保\s?存$/ }).click();
    await forced.waitFor({ state: 'hidden' });
    await newcomer.getByText('暂无数据').waitFor();
    expect(await newcomer.getByTestId('customer-link').count()).toBe(0);
    expect(await newcomer.getByTestId('customer-new').count()).toBe(1);
    await screenshot(newcomer, 'flow6-newcomer-list');

    await admin.getByTestId('nav-audit').click();
    const rows = admin.locator('.ant-table-row');
    await rows.filter({ hasText: '吴新人' }).filter({ hasText: '登录' }).first().waitFor();
    await rows.filter({ hasText: '系统管理员' }).filter({ hasText: '新建用户' }).first().waitFor();
    await screenshot(admin, 'flow6-audit-log');
  });

  it('a department handler sees no customer archive', async () => {
    const handler = await signedIn('handler');
    // signed in, not refused: the handler lands on the one area they have, the complaints transferred to their department
    await handler.getByRole('heading', { name: '部门待办' }).waitFor();
    expect(await handler.getByText('您没有查看此页面的权限').count()).toBe(0);
    expect(await handler.getByTestId('nav-customers.all').count()).toBe(0);
    expect(await handler.locator('.ant-layout-sider').getByText('客户档案').count()).toBe(0);
    await screenshot(handler, 'flow6-handler');
  });

  it('switched to English, the list and the form speak English', async () => {
    const page = await signedIn('agent1');
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-link').first().waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('columnheader', { name: 'Name' }).waitFor();
    await page.getByRole('columnheader', { name: 'Mobile' }).waitFor();
    await page.getByRole('tab', { name: 'All customers' }).waitFor();
    await screenshot(page, 'flow7-english-list');

    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-save').click();
    const nameError = page.locator('.ant-form-item', { has: page.getByTestId('field-name') }).locator('.ant-form-item-explain-error');
    await expect.poll(() => nameError.allInnerTexts()).toEqual(['Enter a name (1-50 characters)']);
    await screenshot(page, 'flow7-english-form');
  });
});
