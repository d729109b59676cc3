import type { Complaint, ComplaintSettings, ComplaintTransfer } from '@kefu/shared/complaint';
import type { CustomerListItem } from '@kefu/shared/customer';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickNav, apiAs, browserSkipReason, screenshot, browserSuite } from './harness';

const skip = browserSkipReason();

/** A complaint taken on the phone, as the API is given it when a flow only needs one to exist. */
const phoned = (content: string) => ({
  receivedAt: new Date().toISOString(),
  channel: 'hotline',
  complainantName: '上官来电',
  complainantPhone: '13900007788',
  content,
  category: 'service_attitude',
  severity: 'normal',
});
const inOneDay = () => new Date(Date.now() + 24 * 3600_000).toISOString();

describe.skipIf(skip)('complaints in the browser: register by phone, work the case to closed, department inbox, approval', () => {
  const suite = browserSuite(3873);
  const signedIn = (username: string) => suite.signedIn(username);

  /** The "done" toasts have gone: a screenshot shows the page, not the messages over it. */
  const settled = (page: Page) => page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });

  const state = (page: Page) => page.getByTestId('complaint-state').first().innerText();

  /** Click an action the case offers, fill its small form, confirm, and wait for the state it leads to. */
  async function act(page: Page, action: string, fill: () => Promise<void>, expected: string) {
    await page.getByTestId(`action-${action}`).click();
    const form = page.getByTestId('action-form');
    await form.waitFor();
    await fill();
    await page.getByTestId('action-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => state(page)).toBe(expected);
  }

  it('the complaint officer registers a phone complaint for a demo customer and works it to 已结案 through the buttons', async () => {
    const page = await signedIn('complaints');
    const demo = await apiAs<{ items: CustomerListItem[] }>(page, 'GET', '/api/v1/customers?limit=20');
    const customer = demo.items[3]!;

    await page.goto(`${suite.url}/complaints`);
    await page.getByTestId('complaint-new').click();
    await page.getByTestId('complaint-form').waitFor();
    // hotline and now are already filled in: a phone call needs only who, what and which kind
    await page.getByTestId('field-customer').click();
    await page.keyboard.type(customer.name);
    await page.locator('.ant-select-item-option', { hasText: customer.name }).first().click();
    expect(await page.getByTestId('field-complainantName').inputValue()).toBe(customer.name);
    await page.getByTestId('field-content').fill('前台接待态度冷淡，办理续卡时等了四十分钟无人理会。');
    await page.getByTestId('complaint-save').click();
    // the category is missing: said beside the field, nothing sent
    await page
      .locator('.ant-form-item', { has: page.getByTestId('field-category') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await screenshot(page, 'complaints-register-errors');
    await page.getByTestId('field-category').getByText('服务态度').click();
    await page.getByTestId('complaint-save').click();

    const banner = page.getByTestId('registered-banner');
    await banner.waitFor();
    const number = (await page.getByTestId('complaint-number').innerText()).trim();
    expect(number).toMatch(/^KS\d{8}-\d{4}$/);
    expect(await banner.innerText()).toContain(number);
    expect(await state(page)).toBe('已登记');
    const caseUrl = page.url();
    const id = caseUrl.split('/').pop()!;

    await page.goto(`${suite.url}/complaints`);
    const link = page.getByTestId('complaint-link').filter({ hasText: number });
    await link.waitFor();
    const row = page.getByTestId('complaint-row').filter({ hasText: number });
    expect(await row.getByTestId('sla-countdown').innerText()).toMatch(/剩余|已超时/);
    await screenshot(page, 'complaints-queue');
    await link.click();
    await page.getByTestId('record-sheet').waitFor();

    await act(page, 'acknowledge', async () => undefined, '已受理');
    await act(page, 'verify', () => page.getByTestId('action-findings').fill('核实属实：当班前台在处理团购核销，未安排他人接待。'), '已核实');
    await act(
      page,
      'propose',
      async () => {
        await page.getByTestId('action-proposal').fill('向客户致歉，赠送一次私教体验课，并对前台进行服务培训。');
        await page.getByTestId('action-compensationYuan').fill('50');
      },
      '已提处理意见',
    );
    // 50 元 is under the manager's threshold: no approval step, resolve is offered right away
    expect(await page.getByTestId('action-approve').count()).toBe(0);
    await act(page, 'resolve', () => page.getByTestId('action-result').fill('已电话致歉，体验课已预约在周六上午。'), '已处理');
    await act(
      page,
      'recordFeedback',
      async () => {
        // 满意 is the default for both; the officer only types what the customer suggests
        expect(await page.getByTestId('action-satisfactionResult').getByRole('radio', { name: '满意', exact: true }).isChecked()).toBe(true);
        await page.getByTestId('action-suggestion').fill('希望高峰时段多安排一名前台。');
      },
      '已回访反馈',
    );
    await act(page, 'close', async () => undefined, '已结案');

    // the 附件二 sections are filled in, and every step is on record with who did it
    expect(await page.getByTestId('sheet-verification').innerText()).toContain('核实属实');
    expect(await page.getByTestId('sheet-satisfactionResult').innerText()).toBe('满意');
    expect(await page.getByTestId('sheet-suggestion').innerText()).toContain('多安排一名前台');
    const steps = page.getByTestId('step-entry');
    await expect.poll(() => steps.count()).toBe(7);
    const history = (await steps.allInnerTexts()).join('\n');
    for (const text of ['登记客诉', '受理（已答复客户）', '情况核实', '提出处理意见', '50.00 元', '登记处理结果', '记录客户反馈', '结案', '赵客诉'])
      expect(history).toContain(text);
    expect(await page.getByTestId('action-close').count()).toBe(0);
    await page.getByTestId('case-follow-ups').waitFor();
    await settled(page);
    await screenshot(page, 'complaints-case-closed');

    // the printable record form (附件二) answers as a PDF to the same signed-in person
    const href = await page.getByTestId('record-pdf').getAttribute('href');
    expect(href).toBe(`/api/v1/complaints/${id}/record.pdf`);
    const pdf = await page.request.get(`${suite.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });

  it('from a customer’s page: 登记客诉 opens the form with the customer linked, and the case is listed on that page', async () => {
    const page = await signedIn('complaints');
    const demo = await apiAs<{ items: CustomerListItem[] }>(page, 'GET', '/api/v1/customers?limit=20');
    const customer = demo.items[7]!;
    await page.goto(`${suite.url}/customers/${customer.id}`);
    await page.getByTestId('customer-register-complaint').click();
    await page.getByTestId('complaint-form').waitFor();
    expect(await page.getByTestId('field-complainantName').inputValue()).toBe(customer.name);
    expect(await page.getByTestId('field-customer').innerText()).toContain(customer.name);
    await page.getByTestId('field-content').fill('淋浴间热水时有时无。');
    await page.getByTestId('field-category').getByText('环境卫生').click();
    await page.getByTestId('complaint-save').click();
    await page.getByTestId('registered-banner').waitFor();
    const number = (await page.getByTestId('complaint-number').innerText()).trim();
    expect(await page.getByTestId('case-customer-link').getAttribute('href')).toBe(`/customers/${customer.id}`);

    await page.getByTestId('case-customer-link').click();
    await page.getByTestId('tab-complaints').click();
    await page.getByTestId('customer-complaints').getByTestId('complaint-link').filter({ hasText: number }).waitFor();
  });

  it('someone else moved the case first: the action is refused with a clear message and the case shows its new state', async () => {
    const page = await signedIn('complaints');
    const c = await apiAs<Complaint>(page, 'POST', '/api/v1/complaints', phoned('更衣室柜子坏了一周没人修。'));
    await page.goto(`${suite.url}/complaints/${c.id}`);
    await page.getByTestId('action-acknowledge').waitFor();
    // a colleague acknowledges it meanwhile
    await apiAs(page, 'POST', `/api/v1/complaints/${c.id}/acknowledge`, { version: c.version, note: null });

    await page.getByTestId('action-acknowledge').click();
    await page.getByTestId('action-submit').click();
    const conflict = page.getByTestId('case-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('该客诉刚被他人处理过');
    await expect.poll(() => state(page)).toBe('已受理');
    await page.getByTestId('action-verify').waitFor();
  });

  it('the department handler sees what was transferred to the front desk and answers it in place', async () => {
    const officer = await signedIn('complaints');
    const { items: departments } = await apiAs<{ items: { id: string; name: string }[] }>(officer, 'GET', '/api/v1/departments');
    const frontDesk = departments.find((d) => d.name === '前台')!;
    const c = await apiAs<Complaint>(officer, 'POST', '/api/v1/complaints', phoned('前台把我的储值卡余额说错了。'));
    await apiAs<ComplaintTransfer>(officer, 'POST', `/api/v1/complaints/${c.id}/transfers`, {
      version: c.version,
      departmentId: frontDesk.id,
      request: '请核对该客户储值卡的消费记录，并说明当日前台的解释。',
      dueAt: inOneDay(),
    });

    const page = await signedIn('handler');
    await page.goto(`${suite.url}/complaint-transfers`);
    const item = page.getByTestId('inbox-item').filter({ hasText: c.number });
    await item.waitFor();
    expect(await item.innerText()).toContain('请核对该客户储值卡的消费记录');
    await screenshot(page, 'complaints-inbox');
    await item.getByTestId('inbox-submit').click();
    await item.getByText('必填').waitFor();
    await item.getByTestId('inbox-answer').fill('已核对：余额 1,280 元无误，当日前台看错了卡号，已向客户致歉。');
    await item.getByTestId('inbox-submit').click();
    await item.waitFor({ state: 'detached' });
    await page.getByTestId('inbox-tab-all').click();
    await page.getByTestId('inbox-item').filter({ hasText: c.number }).getByText('已向客户致歉').waitFor();

    // the officer reads the answer on the case
    await officer.goto(`${suite.url}/complaints/${c.id}`);
    await officer.getByTestId('transfer-answer').filter({ hasText: '看错了卡号' }).waitFor();
  });

  it('the manager approves a proposal above the threshold from the approval list', async () => {
    const officer = await signedIn('complaints');
    let c = await apiAs<Complaint>(officer, 'POST', '/api/v1/complaints', phoned('私教课连续三次被临时取消。'));
    c = await apiAs<Complaint>(officer, 'POST', `/api/v1/complaints/${c.id}/acknowledge`, { version: c.version });
    c = await apiAs<Complaint>(officer, 'POST', `/api/v1/complaints/${c.id}/verify`, {
      version: c.version,
      investigatorId: c.assignee!.id,
      findings: '教练排班冲突属实。',
    });
    c = await apiAs<Complaint>(officer, 'POST', `/api/v1/complaints/${c.id}/propose`, {
      version: c.version,
      proposal: '退还三节私教课费用。',
      responsibleId: c.assignee!.id,
      compensationFen: 90_000,
    });
    expect(c.proposal?.needsApproval).toBe(true);

    const page = await signedIn('manager');
    // the bell tells the manager (polled every 30 s; a fresh page asks at once) and leads to the case
    await page.goto(`${suite.url}/customers`);
    await expect.poll(() => page.getByTestId('notification-bell').locator('xpath=..').locator('.ant-badge-count').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('notification-bell').click();
    const note = page.getByTestId('notification-item').filter({ hasText: c.number });
    expect(await note.innerText()).toContain('处理意见待批准');
    await screenshot(page, 'complaints-notifications');
    await note.click();
    await page.waitForURL(`${suite.url}/complaints/${c.id}`);
    await page.getByTestId('action-approve').waitFor();

    await page.goto(`${suite.url}/complaint-approvals`);
    const item = page.getByTestId('approval-item').filter({ hasText: c.number });
    await item.waitFor();
    expect(await item.getByTestId('approval-compensation').innerText()).toBe('900.00 元');
    await screenshot(page, 'complaints-approvals');
    await item.getByTestId('approval-note').fill('同意，下月排班需提前确认。');
    await item.getByTestId('approval-approve').click();
    await item.waitFor({ state: 'detached' });

    await page.goto(`${suite.url}/complaints/${c.id}`);
    await expect.poll(() => state(page)).toBe('已批准');
    expect(await page.getByTestId('sheet-approver').innerText()).toBe('王经理');
  });

  it('the manager raises the approval threshold to 800 元 and adds a rule for 收费/退费; a share of 150% is refused beside its field', async () => {
    const page = await signedIn('manager');
    await page.goto(`${suite.url}/customers`);
    await clickNav(page, 'settings.complaints');
    const form = page.getByTestId('complaint-settings-form');
    await form.waitFor();
    const fieldOf = (testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).last();
    const pick = (option: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).click();

    await page.getByTestId('approval-threshold').fill('800');
    await fieldOf('approval-threshold').getByText('超过 800 元的补偿需经理批准').waitFor();
    // the shipped rules are 紧急 and 严重; the new one goes below them
    expect(await page.getByTestId('rules-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-2-category').click();
    await pick('收费/退费');
    expect(await page.getByTestId('rule-2-severity').innerText()).toBe('任意');
    await page.getByTestId('rule-2-hours').fill('1');
    await page.getByTestId('rule-2-days').fill('2');
    // the preview reads the rules as typed: a 一般 billing complaint now takes the third rule
    await page.getByTestId('preview-category').click();
    await pick('收费/退费');
    const preview = page.getByTestId('preview-result');
    await expect.poll(() => preview.innerText()).toContain('1 个工作小时内');
    expect(await preview.innerText()).toContain('2 个工作日内');
    expect(await preview.innerText()).toContain('第 3 条规则');
    expect(await page.getByTestId('follow-ups-summary').innerText()).toContain('结案当天、结案后 30 天');

    await page.getByTestId('at-risk').fill('150');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => fieldOf('at-risk').locator('.ant-form-item-explain-error').innerText()).toBe('预警比例为 10%-99%');
    expect((await apiAs<ComplaintSettings>(page, 'GET', '/api/v1/complaint-settings')).approvalThresholdFen).toBe(50_000);
    await screenshot(page, 'complaint-settings-error');

    await page.getByTestId('at-risk').fill('80');
    // the old message goes as soon as the value is corrected
    await expect.poll(() => fieldOf('at-risk').locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByTestId('settings-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();

    await page.reload();
    await form.waitFor();
    expect(await page.getByTestId('approval-threshold').inputValue()).toBe('800');
    expect(await page.getByTestId('rule-2-category').innerText()).toBe('收费/退费');
    expect(await page.getByTestId('rule-2-hours').inputValue()).toBe('1');
    expect(await page.getByTestId('rule-2-days').inputValue()).toBe('2');
    const saved = await apiAs<ComplaintSettings>(page, 'GET', '/api/v1/complaint-settings');
    expect(saved).toMatchObject({ approvalThresholdFen: 80_000, atRiskFraction: 0.8 });
    expect(saved.rules[2]).toEqual({ category: 'billing_refund', severity: null, responseHours: 1, resolveDays: 2 });
    await screenshot(page, 'complaint-settings-saved');

    // back to the shipped settings, through the screen, so the other flows see the usual threshold
    await page.getByTestId('settings-defaults').click();
    await page.getByTestId('settings-save').click();
    await expect.poll(async () => (await apiAs<ComplaintSettings>(page, 'GET', '/api/v1/complaint-settings')).approvalThresholdFen).toBe(50_000);
  });
});
