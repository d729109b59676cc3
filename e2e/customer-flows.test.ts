import type { Customer, CustomerListItem } from '@kefu/shared/customer';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, browserSkipReason, screenshot, searchCustomers, browserSuite } from './harness';

const skip = browserSkipReason();

/** The error antd shows under the form field holding the element with this test id. */
const fieldError = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');
const dialogButton = (page: Page, name: RegExp) => page.getByRole('dialog').getByRole('button', { name });

describe.skipIf(skip)('customer work in the browser: create, conflicts, lifecycle, merge, assignment', () => {
  const suite = browserSuite(3871, { width: 1400, height: 900 });
  const signedIn = (username: string) => suite.signedIn(username);

  async function openCustomer(page: Page, id: string) {
    await page.goto(`${suite.url}/customers/${id}`);
    await page.getByTestId('customer-name').waitFor();
  }

  it('an agent creates a customer: errors beside the fields, the duplicate hint, the normalised mobile', async () => {
    const page = await signedIn('agent1');
    const mine = await apiAs<{ items: CustomerListItem[] }>(page, 'GET', '/api/v1/customers?limit=20');
    const existing = mine.items.find((c) => c.mobile)!;
    const existingMobile = existing.mobile!;

    await page.goto(`${suite.url}/customers`);
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form').waitFor();

    await page.getByTestId('field-mobile').fill('1234');
    await page.getByTestId('customer-save').click();
    await expect.poll(() => fieldError(page, 'field-name').allInnerTexts()).toEqual(['请填写姓名（1-50 个字）']);
    await expect.poll(() => fieldError(page, 'field-mobile').allInnerTexts()).toEqual(['手机号码格式不正确，应为 11 位中国大陆手机号']);
    await screenshot(page, 'flow1-create-errors');

    await page.getByTestId('field-mobile').fill(existingMobile);
    const hint = page.getByTestId('duplicate-hint');
    await hint.waitFor();
    // the number is corrected: its error goes, the name's stays until a name is typed
    expect(await fieldError(page, 'field-mobile').count()).toBe(0);
    expect(await fieldError(page, 'field-name').count()).toBe(1);
    expect(await hint.innerText()).toContain('该手机号可能已有客户档案');
    expect(await hint.innerText()).toContain(existing.name);
    await screenshot(page, 'flow1-create-duplicate');

    await page.getByTestId('field-name').fill('欧阳新建');
    await page.getByTestId('field-mobile').fill('+86 139-1234-5678');
    await hint.waitFor({ state: 'hidden' });
    await page.getByTestId('customer-save').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('customer-name').innerText()).toBe('欧阳新建');
    expect(await page.getByTestId('profile-mobile').innerText()).toBe('13912345678');
    await screenshot(page, 'flow1-created');
  });

  it('two people edit the same customer: the second sees the conflict, loads the latest and keeps their edit', async () => {
    const agent = await signedIn('agent1');
    const supervisor = await signedIn('supervisor');
    const customer = await apiAs<Customer>(agent, 'POST', '/api/v1/customers', { name: '上官冲突', region: '北京市朝阳区' });

    await openCustomer(agent, customer.id);
    await openCustomer(supervisor, customer.id);
    await agent.getByTestId('edit-button').click();
    await supervisor.getByTestId('edit-button').click();
    const agentForm = agent.getByTestId('customer-edit-form');
    const supervisorForm = supervisor.getByTestId('customer-edit-form');
    await agentForm.waitFor();
    await supervisorForm.waitFor();

    await agentForm.locator('#region').fill('上海市浦东新区');
    await agent.getByTestId('customer-save').click();
    await agentForm.waitFor({ state: 'hidden' });

    await supervisorForm.locator('#address').fill('世纪大道 100 号');
    await supervisor.getByTestId('customer-save').click();
    const conflict = supervisor.getByTestId('version-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('该客户档案已被他人修改');
    // the save button is at the bottom of the drawer: the message must come to where the editor looks
    await expect
      .poll(async () => {
        const box = await conflict.boundingBox();
        return !!box && box.y >= 0 && box.y + box.height <= 900;
      })
      .toBe(true);
    await screenshot(supervisor, 'flow2-conflict');

    await supervisor.getByTestId('conflict-load-latest').click();
    await conflict.waitFor({ state: 'hidden' });
    expect(await supervisorForm.locator('#region').inputValue()).toBe('上海市浦东新区');
    expect(await supervisorForm.locator('#address').inputValue()).toBe('世纪大道 100 号');
    await expect.poll(() => supervisor.getByText('他人修改了：地区').count()).toBe(1);
    await screenshot(supervisor, 'flow2-latest-loaded');
    await supervisor.getByTestId('customer-save').click();
    await supervisorForm.waitFor({ state: 'hidden' });

    await supervisor.getByTestId('tab-history').click();
    const history = supervisor.getByTestId('history');
    await history.getByText('上海市浦东新区').waitFor();
    await history.getByText('世纪大道 100 号').waitFor();
    expect(await history.getByText('张晓燕').count()).toBeGreaterThan(0);
    expect(await history.getByText('李主管').count()).toBeGreaterThan(0);
    await screenshot(supervisor, 'flow2-history');
  });

  it('the archivist closes a customer with a reason: 销户, no edit, the state change on the timeline', async () => {
    const page = await signedIn('archivist');
    const customer = await apiAs<Customer>(page, 'POST', '/api/v1/customers', { name: '诸葛销户' });
    await openCustomer(page, customer.id);
    expect(await page.getByTestId('edit-button').count()).toBe(1);

    await page.getByTestId('lifecycle-button').click();
    await page.getByTestId('lifecycle-close').click();
    await page.getByTestId('lifecycle-reason').fill('客户要求注销会籍');
    await dialogButton(page, /^确\s?定$/).click();

    await expect.poll(() => page.getByTestId('lifecycle-tag').innerText()).toBe('销户');
    await page.getByText('该客户已销户或已合并，档案只读').waitFor();
    expect(await page.getByTestId('edit-button').count()).toBe(0);

    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline-event').filter({ hasText: '→ 销户（客户要求注销会籍）' }).waitFor();
    await screenshot(page, 'flow3-closed');
  });

  it('the archivist imports a small xlsx: mapping preview, the row-by-row check, valid rows in, then found by search', async () => {
    const page = await signedIn('archivist');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户名册');
    ws.addRow(['姓名', '手机号码', '性别', '备注']);
    ws.addRow(['欧阳导入', '139 0000 7781', '女', 'WPS 保存的名册']);
    ws.addRow(['上官导入', '+86 139-0000-7782', '男', '']);
    ws.addRow(['号码错', '12345', '男', '这一行手机号不对']);
    await page.goto(`${suite.url}/customer-import`);
    await page.getByTestId('import-upload-input').setInputFiles({
      name: '会员名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await page.getByText('欧阳导入').first().waitFor(); // the preview
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-report-summary').innerText()).toMatch(/3[\s\S]*2[\s\S]*1/);
    await page.getByTestId('import-report').getByText('12345').waitFor();
    await screenshot(page, 'flow7-import-check');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-result').innerText()).toContain('新增 2 位客户，跳过 1 行');
    await screenshot(page, 'flow7-import-done');

    await page.goto(`${suite.url}/customers`);
    await searchCustomers(page, '欧阳导入');
    await page.getByTestId('customer-link').filter({ hasText: '欧阳导入' }).waitFor();
  });

  it('the supervisor merges a duplicate: its timeline moves over and it is gone from search', async () => {
    const page = await signedIn('supervisor');
    const keep = await apiAs<Customer>(page, 'POST', '/api/v1/customers', { name: '司马保留', mobile: '13700001111' });
    // entered again by hand without the mobile (a number is refused when another customer has it)
    const duplicate = await apiAs<Customer>(page, 'POST', '/api/v1/customers', { name: '司马重复', wechat: 'sima_1111' });
    await apiAs(page, 'PATCH', `/api/v1/customers/${duplicate.id}`, { notes: '重复建档', version: duplicate.version });

    await openCustomer(page, keep.id);
    await page.getByTestId('merge-button').click();
    await page.getByTestId('customer-picker').click();
    await page.keyboard.type('司马重复');
    // the open dropdown's option (a closed picker's list may still be in the page), once the search answered
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '司马重复' }).click();
    await page.getByText('“司马重复”的档案将并入“司马保留”', { exact: false }).waitFor();
    await screenshot(page, 'flow4-merge-dialog');
    await dialogButton(page, /确认合并/).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('tab-timeline').click();
    const events = page.getByTestId('timeline-event');
    await events.filter({ hasText: '合并了客户档案“司马重复”' }).waitFor();
    await events.filter({ hasText: '修改了 备注' }).waitFor();
    await expect.poll(() => events.filter({ hasText: '建档' }).count()).toBe(2);
    await screenshot(page, 'flow4-merged-timeline');

    await page.goto(`${suite.url}/customers`);
    // the list has loaded (and the page will not remount under the typing)
    await page.getByTestId('customer-link').first().waitFor();
    await searchCustomers(page, '司马重复');
    await page.getByText('没有找到匹配“司马重复”的客户').waitFor();
    await searchCustomers(page, '司马');
    await expect.poll(() => page.getByTestId('customer-link').allInnerTexts()).toContain('司马保留');
    expect(await page.getByTestId('customer-link').allInnerTexts()).not.toContain('司马重复');
  });

  it('the supervisor spreads selected customers over two agents and sees the result', async () => {
    const page = await signedIn('supervisor');
    const names = ['慕容分甲', '慕容分乙', '慕容分丙', '慕容分丁'];
    for (const name of names) await apiAs(page, 'POST', '/api/v1/customers', { name });

    await page.goto(`${suite.url}/customers`);
    // the list has loaded (and the page will not remount under the typing)
    await page.getByTestId('customer-link').first().waitFor();
    await searchCustomers(page, '慕容分');
    const rows = page.getByTestId('customer-row');
    await expect.poll(() => page.getByTestId('customer-link').allInnerTexts()).toHaveLength(4);
    for (const row of await rows.all()) await row.locator('input[type=checkbox]').check();
    await page.getByText('已选 4 位').waitFor();

    await page.getByTestId('bulk-distribute').click();
    const agents = page.getByTestId('distribute-agents');
    await agents.click();
    for (const agent of ['张晓燕', '刘子豪']) {
      await page.keyboard.type(agent);
      await page.locator('.ant-select-item-option-active', { hasText: agent }).waitFor();
      await page.keyboard.press('Enter');
      await agents.locator('.ant-select-selection-item', { hasText: agent }).waitFor();
    }
    await page.getByRole('dialog').locator('.ant-modal-title').click(); // closes the list of agents
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await dialogButton(page, /按负载平均分配/).click();

    const result = page.getByRole('dialog').locator('.ant-descriptions');
    await result.waitFor();
    const owners = await result.locator('.ant-descriptions-item-label').allInnerTexts();
    const counts = await result.locator('.ant-descriptions-item-content').allInnerTexts();
    expect(owners.map((o) => o.trim()).sort()).toEqual(['刘子豪', '张晓燕']);
    expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(4);
    await screenshot(page, 'flow5-distributed');
    await page.getByTestId('distribute-done').click();

    await expect.poll(async () => (await rows.allInnerTexts()).every((r) => r.includes('张晓燕') || r.includes('刘子豪'))).toBe(true);
    await page.getByTestId('customer-link').first().click();
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline-event').filter({ hasText: '按负载平均分配' }).waitFor();
    await screenshot(page, 'flow5-assigned-timeline');
  });
});
