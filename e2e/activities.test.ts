import type { Activity } from '@kefu/shared/activity';
import type { CardType } from '@kefu/shared/card';
import type { CustomerListItem } from '@kefu/shared/customer';
import { describe, expect, it } from 'vitest';
import { apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('member activities in the browser: invite, check in, record an opinion, read the summary', () => {
  const suite = browserSuite(3886);

  it('the membership officer checks a member in and records their opinion; the summary and chart show it', async () => {
    const page = await suite.signedIn('membership');
    // the data the flow starts from: an activity that has begun, three demo members invited
    const now = Date.now();
    const activity = await apiAs<Activity>(page, 'POST', '/api/v1/activities', {
      title: '会员品酒会',
      startsAt: new Date(now - 30 * 60_000).toISOString(),
      endsAt: new Date(now + 2 * 3_600_000).toISOString(),
      place: '会所二楼',
      capacity: 20,
      description: '品鉴三款红酒，活动后请会员填写意见',
    });
    const demo = await apiAs<{ items: CustomerListItem[] }>(page, 'GET', '/api/v1/customers?limit=3');
    await apiAs(page, 'POST', `/api/v1/activities/${activity.id}/invitations`, { customerIds: demo.items.map((c) => c.id) });
    const member = demo.items[0]!;

    await page.goto(`${suite.url}/activities`);
    await page.getByTestId('activities').getByText('会员品酒会').first().click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    // a loaded machine (2 cores for everyone) may take a while to list them
    await page.getByTestId('invitations').getByText(member.name).waitFor({ timeout: 60_000 });
    await page.getByTestId(`check-in-${member.name}`).click();
    await page.getByTestId(`opinion-${member.name}`).click();
    // four stars of five, and what they said
    await page.locator('.ant-modal .ant-rate-star').nth(3).click();
    await page.getByTestId('field-opinion').fill('酒品很好，希望下次安排周末');
    await page.getByTestId('opinion-submit').click();
    await page.getByTestId('invitations').getByText('酒品很好，希望下次安排周末').waitFor();
    await expect.poll(() => page.getByTestId('activity-summary').innerText()).toMatch(/出席\s*1/);
    await expect.poll(() => page.getByTestId('activity-summary').innerText()).toMatch(/平均评分\s*4/);
    await screenshot(page, 'activity-page');

    const timeline = await apiAs<{ items: { summary: string }[] }>(page, 'GET', `/api/v1/customers/${member.id}/timeline?limit=20`);
    expect(timeline.items.map((e) => e.summary)).toContain('对会员活动“会员品酒会”的评价：4 星');
  });

  it('the manager edits a card type on the settings page: name and low-balance line, kind and prefix kept', async () => {
    const page = await suite.signedIn('manager');
    await page.goto(`${suite.url}/card-settings`);
    const type = await apiAs<CardType>(page, 'POST', '/api/v1/card-types', {
      code: 'e2e_lessons',
      name: '私教课时卡',
      kind: 'lessons',
      prefix: 'SJ',
      lowBalanceThreshold: 2,
    });
    await page.reload();
    await page.getByTestId(`type-edit-${type.code}`).click();
    expect(await page.getByTestId('field-type-prefix').isDisabled()).toBe(true);
    await page.getByTestId('field-type-name').fill('私教课时卡（20节）');
    await page.getByTestId('field-type-low').fill('3');
    await page.getByTestId('type-submit').click();
    await page.getByTestId('card-types').getByText('私教课时卡（20节）').waitFor();
    await screenshot(page, 'card-type-edited');
    const types = await apiAs<{ items: CardType[] }>(page, 'GET', '/api/v1/card-types');
    expect(types.items.find((t) => t.id === type.id)).toMatchObject({ name: '私教课时卡（20节）', lowBalanceThreshold: 3, prefix: 'SJ', version: 2 });
  });

  it('the referrals list shows the demo department’s referrals, two with their reward due', async () => {
    const page = await suite.signedIn('membership');
    await page.goto(`${suite.url}/referrals`);
    const table = page.getByTestId('referrals');
    await table.getByText('待发奖励').first().waitFor({ timeout: 60_000 });
    expect(await table.getByText('待发奖励').count()).toBe(2);
    expect(await table.getByText('待转化').count()).toBe(3);
    await screenshot(page, 'referrals');
    // the referrer's page says whom they brought (the cards tab)
    await table.getByRole('link').first().click();
    await page.getByTestId('tab-cards').click();
    await page.getByTestId('customer-referrals').getByText('介绍的客户').waitFor();
    await screenshot(page, 'customer-referrals');
  });
});
