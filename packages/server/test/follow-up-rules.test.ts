import { festivalDate, ruleParams, sampleSize, weekStart } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { customer, runRule, shanghai, tasksOf, timeline } from './follow-up-rules-fixtures';
import { createUser, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describe('the lost-deal sample size', () => {
  it.each([
    [0, 15, 0],
    [1, 15, 1],
    [20, 15, 3],
    [21, 15, 4],
    [100, 15, 15],
    [7, 50, 4],
  ])('%i lost deals, %i per cent: %i calls', (count, percent, size) => {
    expect(sampleSize(count, percent)).toBe(size);
    expect(size / Math.max(count, 1)).toBeGreaterThanOrEqual(count ? percent / 100 : 0);
  });
});

describe('rule params and periods', () => {
  it('fills the defaults and keeps what the manager set; a stored value that no longer fits falls back to its default', () => {
    expect(ruleParams('birthday', {})).toEqual({ daysAhead: 3, tiers: [] });
    expect(ruleParams('birthday', { daysAhead: 7 })).toEqual({ daysAhead: 7, tiers: [] });
    expect(ruleParams('birthday', { daysAhead: -2, tiers: ['vip'] })).toEqual({ daysAhead: 3, tiers: ['vip'] });
    expect(ruleParams('lost_deal_sample', { percent: 5 })).toEqual({ percent: 15 });
    expect(ruleParams('holiday', null).festivals).toEqual(['new_year', 'spring_festival', 'labour_day', 'mid_autumn', 'national_day']);
  });
  it.each([
    ['2026-10-09', '2026-10-05'], // Friday
    ['2026-10-05', '2026-10-05'], // Monday
    ['2026-10-11', '2026-10-05'], // Sunday ends the week
    ['2027-01-01', '2026-12-28'], // across the year
  ])('the week of %s starts on %s', (day, monday) => expect(weekStart(day)).toBe(monday));
});

describeEachDb('follow-up rules: the customer archive', (env) => {
  let manager: Client;
  let owner: { id: string };
  const setup = async () => {
    manager ??= await userClient(env(), ['manager'], '张经理');
    owner ??= await createUser(env(), ['agent'], '客服小王');
    env().clock.set('2026-10-09T02:00:00Z'); // Friday 10:00 in Shanghai
  };
  const days = (n: number) => new Date(Date.parse('2026-10-09T02:00:00Z') - n * 86_400_000);

  it('first contact: assigned customers not contacted since, due 7 days after the assignment; not self-created ones', async () => {
    await setup();
    const given = await customer(env(), { owner_id: owner.id, created_at: days(2) });
    const selfMade = await customer(env(), { owner_id: owner.id, created_by: owner.id, created_at: days(2) });
    const contacted = await customer(env(), { owner_id: owner.id, created_at: days(3), last_contact_at: days(1) });
    const reassigned = await customer(env(), { owner_id: owner.id, created_at: days(30) });
    await timeline(env(), reassigned, 'customer.assigned', days(1).toISOString());
    const old = await customer(env(), { owner_id: owner.id, created_at: days(30) });
    const ids = [given, selfMade, contacted, reassigned, old];
    await runRule(manager, 'first_contact', { days: 7 });
    const tasks = await tasksOf(env(), ids);
    expect(tasks.map((t) => t.customer_id).sort()).toEqual([given, reassigned].sort());
    const first = tasks.find((t) => t.customer_id === given)!;
    expect(first).toMatchObject({
      rule: 'first_contact',
      reason: 'follow_up_rule.reason.first_contact',
      assignee_id: owner.id,
      status: 'open',
      ref_type: 'customer',
    });
    expect(first.due_at.toISOString()).toBe(new Date(days(2).getTime() + 7 * 86_400_000).toISOString());
    expect(first.reason_params).toEqual({ days: 7, assignedOn: '2026-10-07' });
    expect(await runRule(manager, 'first_contact', { days: 7 })).toBe(0);
    expect(await tasksOf(env(), ids)).toHaveLength(2);
  });

  it('monthly coverage: one task per customer per month unless contacted or reached this month; not merged, closed or lost', async () => {
    await setup();
    const never = await customer(env(), { owner_id: owner.id });
    const september = await customer(env(), { last_contact_at: new Date('2026-09-20T02:00:00Z') });
    const october = await customer(env(), { last_contact_at: new Date('2026-10-02T02:00:00Z') });
    const closed = await customer(env(), { lifecycle: 'closed' });
    const merged = await customer(env(), { merged_into: never });
    const lost = await customer(env(), { lifecycle: 'lost' });
    const reached = await customer(env());
    await env()
      .handle.db.insertInto('follow_up_tasks')
      .values({
        customer_id: reached,
        reason: 'follow_up_rule.reason.monthly_coverage',
        reason_params: '{}',
        dedupe_key: `test:${reached}`,
        due_at: new Date('2026-10-05T02:00:00Z'),
        status: 'done',
        closed_at: new Date('2026-10-05T03:00:00Z'),
      })
      .execute();
    const ids = [never, september, october, closed, merged, lost, reached];
    const made = await runRule(manager, 'monthly_coverage');
    const tasks = (await tasksOf(env(), ids)).filter((t) => t.rule === 'monthly_coverage');
    expect(tasks.map((t) => t.customer_id).sort()).toEqual([never, september].sort());
    expect(tasks.find((t) => t.customer_id === never)).toMatchObject({ dedupe_key: `monthly:2026-10:${never}`, assignee_id: owner.id, priority: 3 });
    expect(tasks[0]!.due_at.toISOString()).toBe('2026-10-31T16:00:00.000Z'); // the month ends at midnight in Shanghai
    expect(made).toBeGreaterThanOrEqual(2);
    expect(await runRule(manager, 'monthly_coverage')).toBe(0);
    // November is another month: the same customer gets November's task
    env().clock.set('2026-11-01T01:00:00Z');
    await runRule(await userClient(env(), ['manager']), 'monthly_coverage');
    expect((await tasksOf(env(), [never])).map((t) => t.dedupe_key)).toEqual([`monthly:2026-10:${never}`, `monthly:2026-11:${never}`]);
  });

  it('important customers: a call every week for the chosen tiers, unless contacted this week', async () => {
    await setup();
    const vip = await customer(env(), { tier_code: 'vip', owner_id: owner.id });
    const vipCalled = await customer(env(), { tier_code: 'vip', last_contact_at: new Date('2026-10-06T02:00:00Z') });
    const gold = await customer(env(), { tier_code: 'gold' });
    const plain = await customer(env(), { tier_code: 'normal' });
    await runRule(manager, 'important_weekly', { tiers: ['vip', 'gold'] });
    const tasks = await tasksOf(env(), [vip, vipCalled, gold, plain]);
    expect(tasks.map((t) => t.dedupe_key).sort()).toEqual([`weekly:2026-10-05:${gold}`, `weekly:2026-10-05:${vip}`].sort());
    expect(tasks[0]!.due_at.toISOString()).toBe('2026-10-11T16:00:00.000Z'); // Monday 00:00 in Shanghai
    expect(await runRule(manager, 'important_weekly', { tiers: ['vip', 'gold'] })).toBe(0);
  });

  it('birthdays 3 days ahead, solar and lunar, each on its solar date this year', async () => {
    await setup();
    const solar = await customer(env(), { birthday: '1990-10-11', birthday_md: '10-11' });
    const solarLater = await customer(env(), { birthday: '1990-10-20', birthday_md: '10-20' });
    // 农历九月初二 is 11 October 2026; 八月三十 falls on 八月廿九 (9 October): the eighth month has 29 days in 2026
    const lunar = await customer(env(), { birthday: '1975-09-02', birthday_md: '09-02', birthday_lunar: true });
    const lunar30 = await customer(env(), { birthday: '1980-08-30', birthday_md: '08-30', birthday_lunar: true });
    // 农历十月初十 is 18 November 2026, although "10-10" read as a solar date would be tomorrow
    const lunarLater = await customer(env(), { birthday: '1985-10-10', birthday_md: '10-10', birthday_lunar: true });
    await runRule(manager, 'birthday', { daysAhead: 3 });
    const tasks = await tasksOf(env(), [solar, solarLater, lunar, lunar30, lunarLater]);
    const byCustomer = new Map(tasks.map((t) => [t.customer_id, t]));
    expect([...byCustomer.keys()].sort()).toEqual([solar, lunar, lunar30].sort());
    expect(byCustomer.get(solar)).toMatchObject({ reason: 'follow_up_rule.reason.birthday', reason_params: { date: '2026-10-11' } });
    expect(byCustomer.get(lunar)).toMatchObject({ reason: 'follow_up_rule.reason.birthday_lunar', reason_params: { date: '2026-10-11' } });
    expect(byCustomer.get(lunar30)!.reason_params).toEqual({ date: '2026-10-09' });
    expect(byCustomer.get(solar)!.due_at.toISOString()).toBe(shanghai('2026-10-11T18:00:00'));
    expect(await runRule(manager, 'birthday', { daysAhead: 3 })).toBe(0);
  });

  it('holiday greetings: 春节 2027 (6 February, lunar new year) 5 days ahead, for customers who consented', async () => {
    await setup();
    expect(festivalDate('spring_festival', 2027)).toBe('2027-02-06');
    const consented = await customer(env(), { consent_marketing: true, owner_id: owner.id });
    const silent = await customer(env(), { consent_marketing: false });
    env().clock.set('2027-01-30T02:00:00Z'); // 7 days before: not yet
    const later = await userClient(env(), ['manager']); // signed in on that day
    await runRule(later, 'holiday', { daysBefore: 5, festivals: ['spring_festival'] });
    expect(await tasksOf(env(), [consented, silent])).toHaveLength(0);
    env().clock.set('2027-02-01T02:00:00Z');
    const eve = await userClient(env(), ['manager']);
    await runRule(eve, 'holiday', { daysBefore: 5, festivals: ['spring_festival'] });
    const tasks = await tasksOf(env(), [consented, silent]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      customer_id: consented,
      reason: 'follow_up_rule.reason.holiday.spring_festival',
      reason_params: { date: '2027-02-06' },
      dedupe_key: `holiday:spring_festival:2027-02-06:${consented}`,
      assignee_id: owner.id,
    });
    expect(tasks[0]!.due_at.toISOString()).toBe('2027-02-05T16:00:00.000Z');
    expect(await runRule(eve, 'holiday', { daysBefore: 5, festivals: ['spring_festival'] })).toBe(0);
  });

  it('lost-customer recall: lost for 30 days, once per loss', async () => {
    await setup();
    const longLost = await customer(env(), { lifecycle: 'lost', owner_id: owner.id });
    await timeline(env(), longLost, 'customer.lifecycle', '2026-09-01T02:00:00Z', { from: 'active', to: 'lost' });
    const recent = await customer(env(), { lifecycle: 'lost' });
    await timeline(env(), recent, 'customer.lifecycle', '2026-10-01T02:00:00Z', { from: 'active', to: 'lost' });
    await runRule(manager, 'lost_recall', { days: 30 });
    const tasks = await tasksOf(env(), [longLost, recent]);
    expect(tasks.map((t) => t.customer_id)).toEqual([longLost]);
    expect(tasks[0]!.reason_params).toEqual({ days: 30, lostOn: '2026-09-01' });
    expect(await runRule(manager, 'lost_recall', { days: 30 })).toBe(0);
  });

  it('lost deals: at least 15% of last month’s, rounded up, the same sample on every run', async () => {
    await setup();
    env().clock.set('2027-06-15T02:00:00Z'); // last month: May 2027, which no other test touches
    const june = await userClient(env(), ['manager']);
    const lost: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      const id = await customer(env(), { lifecycle: 'lost' });
      await timeline(env(), id, 'customer.lifecycle', `2027-05-${String(1 + i).padStart(2, '0')}T02:00:00Z`, { from: 'active', to: 'lost' });
      lost.push(id);
    }
    const april = await customer(env(), { lifecycle: 'lost' });
    await timeline(env(), april, 'customer.lifecycle', '2027-04-30T02:00:00Z', { from: 'active', to: 'lost' });
    const made = await runRule(june, 'lost_deal_sample', { percent: 15 });
    expect(made).toBe(4); // ceil(21 × 15%) = ceil(3.15)
    const tasks = await tasksOf(env(), [...lost, april]);
    expect(tasks).toHaveLength(4);
    expect(tasks.every((t) => lost.includes(t.customer_id) && t.dedupe_key.startsWith('lost_deal:2027-05:'))).toBe(true);
    expect(tasks[0]!.reason_params).toEqual({ month: '2027-05', sample: 4, total: 21 });
    expect(await runRule(june, 'lost_deal_sample', { percent: 15 })).toBe(0);
  });

  it('settings: rules listed with defaults; bad params 422 in Chinese; stale version 409; run of a rule that is off 409; others 401/403/404', async () => {
    await setup();
    const agent = await userClient(env(), ['agent'], '客服小李');
    const list = await manager.get('/api/v1/follow-up-rules');
    expect(list.body.items).toHaveLength(13);
    const noVisit = list.body.items.find((r: { code: string }) => r.code === 'no_visit');
    expect(noVisit).toMatchObject({ enabled: false, params: { days: 21 }, defaults: { days: 21 }, cadence: 'daily' });
    expect(list.body.items.find((r: { code: string }) => r.code === 'absentee').enabled).toBe(true);
    const bad = await manager.patch('/api/v1/follow-up-rules/no_visit', { enabled: true, params: { days: -1 }, version: noVisit.version });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ path: 'params.days', message: '天数须为范围内的整数' });
    const unknown = await manager.patch('/api/v1/follow-up-rules/no_visit', { enabled: true, params: { weeks: 3 }, version: noVisit.version });
    expect(unknown.status).toBe(422);
    const off = await manager.post('/api/v1/follow-up-rules/no_visit/run');
    expect(off.status).toBe(409);
    expect(off.body.title).toBe('规则未启用，请先启用再运行');
    const ok = await manager.patch('/api/v1/follow-up-rules/no_visit', { enabled: true, params: { days: 28 }, version: noVisit.version });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ enabled: true, params: { days: 28 }, version: noVisit.version + 1 });
    const stale = await manager.patch('/api/v1/follow-up-rules/no_visit', { enabled: false, params: {}, version: noVisit.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('follow_up_rule.version_conflict');
    const ran = await manager.post('/api/v1/follow-up-rules/no_visit/run');
    expect(ran.status, ran.text).toBe(200);
    const after = (await manager.get('/api/v1/follow-up-rules')).body.items.find((r: { code: string }) => r.code === 'no_visit');
    expect(after).toMatchObject({ lastRunAt: '2026-10-09T02:00:00.000Z', lastRunCreated: ran.body.created });
    const audit = await env().handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'no_visit').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['follow_up_rule.update', 'follow_up_rule.run']));
    expect((await agent.get('/api/v1/follow-up-rules')).status).toBe(403);
    expect((await agent.patch('/api/v1/follow-up-rules/no_visit', { enabled: false, params: {}, version: 2 })).status).toBe(403);
    expect((await manager.post('/api/v1/follow-up-rules/no_such_rule/run')).status).toBe(404);
    expect((await env().app.inject({ method: 'GET', url: '/api/v1/follow-up-rules' })).statusCode).toBe(401);
  });
});
