import type { FollowUpRule } from '@kefu/shared/follow-up-rules';
import { describe, expect, it } from 'vitest';
import { apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('follow-up rules in the browser: the manager turns a rule on, runs it, tunes another; the jobs beneath', () => {
  const suite = browserSuite(3881);

  it('turns on the monthly rule and runs it (tasks made), adjusts the birthday rule’s days, sees the scheduled jobs', async () => {
    const manager = await suite.signedIn('manager');
    await manager.goto(`${suite.url}/follow-up-rules`);
    const monthly = manager.getByTestId('rule-monthly_coverage');
    await monthly.getByText('每位客户每月至少回访一次').waitFor();
    // off in a new department: run now waits for it to be on
    expect(await manager.getByTestId('run-monthly_coverage').isDisabled()).toBe(true);
    await manager.getByTestId('toggle-monthly_coverage').click();
    await expect.poll(() => manager.getByTestId('toggle-monthly_coverage').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => manager.getByTestId('run-monthly_coverage').isDisabled()).toBe(false);
    await manager.getByTestId('run-monthly_coverage').click();
    await manager.getByText(/已运行：新生成 \d+ 条回访任务/).waitFor();
    const rules = await apiAs<{ items: FollowUpRule[] }>(manager, 'GET', '/api/v1/follow-up-rules');
    const made = rules.items.find((r) => r.code === 'monthly_coverage')!;
    expect(made.lastRunCreated).toBeGreaterThan(0); // the demo's customers, one task each this month
    await expect.poll(() => monthly.innerText()).toContain(made.lastRunCreated!.toLocaleString());

    // the birthday rule: 3 days ahead by default, 5 after the change
    const birthday = manager.getByTestId('rule-birthday');
    expect(await birthday.innerText()).toContain('提前天数：3');
    await manager.getByTestId('edit-birthday').click();
    await manager.getByTestId('param-daysAhead').fill('5');
    await manager.getByRole('button', { name: /确\s*定|OK/ }).click();
    await manager.getByTestId('rule-params').waitFor({ state: 'detached' });
    await expect.poll(() => birthday.innerText()).toContain('提前天数：5');

    // the jobs: the complaint watch has run since the server started
    const jobs = manager.getByTestId('jobs');
    await jobs.getByText('投诉时限监控').waitFor();
    await expect.poll(() => jobs.innerText(), { timeout: 20_000 }).toContain('成功');
    await manager.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(manager, 'follow-up-rules');
  });
});
