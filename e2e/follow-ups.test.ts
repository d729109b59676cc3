import type { FollowUpTask } from '@kefu/shared/follow-up';
import { describe, expect, it } from 'vitest';
import { apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('follow-ups in the browser: the agent works the day’s list (no answer, then reached with the record form)', () => {
  const suite = browserSuite(3880);

  it('an agent opens 我的回访, marks one call 未接通 and closes another as 成功 after the 回访记录表', async () => {
    const page = await suite.signedIn('agent1');
    await page.goto(`${suite.url}/follow-ups`);
    const list = page.getByTestId('my-follow-ups');
    await list.getByTestId('task-link').first().waitFor();
    // the demo gives the agent a day of calls, overdue ones first
    const day = await apiAs<{ items: FollowUpTask[] }>(page, 'GET', '/api/v1/follow-up-tasks?due=today');
    expect(day.items.length).toBeGreaterThanOrEqual(2);
    expect(await list.innerText()).toContain('已逾期');
    await screenshot(page, 'follow-ups-day');

    // the first: no answer; the task stays open with one call of three
    const [first, second] = day.items;
    await page.goto(`${suite.url}/follow-ups/${first!.id}`);
    await page.getByTestId('task-customer').getByText(first!.customer.name).waitFor();
    await page.getByTestId('outcome-no_answer').click();
    await page.getByTestId('task-attempts').getByText('未接通').waitFor();
    const afterFirst = await apiAs<{ task: FollowUpTask }>(page, 'GET', `/api/v1/follow-up-tasks/${first!.id}`);
    expect(afterFirst.task).toMatchObject({ status: 'open', attempts: 1 });

    // the second: 成功 is refused until the record is complete, then closes the task
    await page.getByTestId('back-to-list').click();
    await list.getByText(second!.customer.name).first().click();
    await page.getByTestId('record-form').waitFor();
    await page.getByTestId('outcome-reached').click();
    await page.getByText('请先填写完整的回访记录表').first().waitFor();
    await page.getByTestId('record-form').locator('.ant-rate-star').nth(4).click();
    await page.getByTestId('record-opinions').fill('对私教课很满意，希望增加晚间团课');
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-form').getByText('记录完整').waitFor();
    await page.getByTestId('outcome-reached').click();
    await page.getByTestId('task-closed').waitFor();
    expect(await page.getByTestId('task-closed').innerText()).toContain('已完成');
    const closed = await apiAs<{ task: FollowUpTask; record: { satisfaction: number; complete: boolean } }>(
      page,
      'GET',
      `/api/v1/follow-up-tasks/${second!.id}`,
    );
    expect(closed.task.status).toBe('done');
    expect(closed.record).toMatchObject({ satisfaction: 5, complete: true });
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'follow-ups-task-reached');
  });

  it('the supervisor sees the KPIs with their chart', async () => {
    const page = await suite.signedIn('supervisor');
    await page.goto(`${suite.url}/follow-up-stats`);
    await page.getByTestId('kpi-table').getByText('张晓燕').waitFor();
    await page.getByTestId('kpi-card').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'follow-ups-stats');
  });
});
