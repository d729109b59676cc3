import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createResource } from './booking-fixtures';
import { booking, customer, runRule, shanghai, tasksOf } from './follow-up-rules-fixtures';
import { createUser, userClient, type Client } from './factories';
import { describeEachDb, type TestEnv } from './helpers';

async function cardOf(env: TestEnv, customerId: string, o: { balance: number; threshold: number; credited: boolean; expiresAt?: Date | null }) {
  const letters = Array.from(randomBytes(4), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const type = await env.handle.db
    .insertInto('card_types')
    .values({
      code: `t-${randomBytes(3).toString('hex')}`,
      name: '储值卡',
      kind: 'stored_value',
      prefix: letters,
      course: null,
      validity_days: null,
      low_balance_threshold: o.threshold,
      active: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const card = await env.handle.db
    .insertInto('cards')
    .values({
      number: `${letters}-000001`,
      type_id: type.id,
      customer_id: customerId,
      balance: o.balance,
      expires_at: o.expiresAt ?? null,
      issued_at: new Date('2026-01-01T02:00:00Z'),
      issued_by: null,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  if (o.credited) {
    await env.handle.db
      .insertInto('card_entries')
      .values({ card_id: card.id, kind: 'top_up', amount: 10_000, balance_after: 10_000, actor_name: '会籍李', at: new Date('2026-09-01T02:00:00Z') })
      .execute();
    if (o.balance < 10_000)
      await env.handle.db
        .insertInto('card_entries')
        .values({
          card_id: card.id,
          kind: 'spend',
          amount: o.balance - 10_000,
          balance_after: o.balance,
          actor_name: '会籍李',
          at: new Date('2026-09-02T02:00:00Z'),
        })
        .execute();
  }
  return card;
}

describeEachDb('follow-up rules: bookings, cards, complaints', (env) => {
  let manager: Client;
  let owner: { id: string };
  const setup = async () => {
    manager ??= await userClient(env(), ['manager'], '张经理');
    owner ??= await createUser(env(), ['agent'], '客服小王');
    env().clock.set('2026-10-09T02:00:00Z'); // Friday 10:00 in Shanghai
  };

  it('booking confirmations: every booking from now to the end of the third day ahead that is not cancelled, once', async () => {
    await setup();
    const c = await customer(env(), { owner_id: owner.id });
    const today = await booking(env(), c, shanghai('2026-10-09T14:00:00'));
    const third = await booking(env(), c, shanghai('2026-10-12T20:00:00'));
    const fourth = await booking(env(), c, shanghai('2026-10-13T09:00:00'));
    const cancelled = await booking(env(), c, shanghai('2026-10-10T09:00:00'), 'cancelled');
    const past = await booking(env(), c, shanghai('2026-10-09T08:00:00'));
    await runRule(manager, 'booking_confirm', { daysAhead: 3 });
    const tasks = await tasksOf(env(), [c]);
    expect(tasks.map((t) => t.dedupe_key).sort()).toEqual([`confirm:${today.id}`, `confirm:${third.id}`].sort());
    expect(tasks.map((t) => t.ref_id)).not.toContain(fourth.id);
    expect(tasks.map((t) => t.ref_id)).not.toContain(cancelled.id);
    expect(tasks.map((t) => t.ref_id)).not.toContain(past.id);
    const t3 = tasks.find((t) => t.ref_id === third.id)!;
    expect(t3).toMatchObject({
      ref_type: 'booking',
      assignee_id: owner.id,
      reason: 'follow_up_rule.reason.booking_confirm',
      reason_params: { number: third.number, startsAt: '2026-10-12 20:00' },
    });
    expect(t3.due_at.toISOString()).toBe(shanghai('2026-10-11T20:00:00')); // a day before
    expect(tasks.find((t) => t.ref_id === today.id)!.due_at.toISOString()).toBe('2026-10-09T02:00:00.000Z'); // now
    expect(await runRule(manager, 'booking_confirm', { daysAhead: 3 })).toBe(0);
  });

  it('absentee: marking a no-show makes the same-day call at once (the bookings hook); the sweep adds nothing', async () => {
    await setup();
    const resource = await createResource(manager);
    const c = (await manager.post('/api/v1/customers', { name: '赵缺席', gender: 'female' })).body;
    const taken = await manager.post(
      '/api/v1/bookings',
      { customerId: c.id, resourceId: resource.id, startsAt: shanghai('2026-10-09T14:00:00'), endsAt: shanghai('2026-10-09T15:00:00'), channel: 'phone' },
      { 'idempotency-key': randomBytes(8).toString('hex') },
    );
    expect(taken.status, taken.text).toBe(201);
    env().clock.set(shanghai('2026-10-09T15:10:00'));
    const marked = await manager.post(`/api/v1/bookings/${taken.body.id}/attendance`, { outcome: 'no_show', version: taken.body.version });
    expect(marked.status, marked.text).toBe(200);
    const tasks = (await tasksOf(env(), [c.id])).filter((t) => t.rule === 'absentee');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      dedupe_key: `absentee:${taken.body.id}`,
      priority: 1,
      ref_type: 'booking',
      reason_params: { number: taken.body.number, startsAt: '2026-10-09 14:00' },
    });
    expect(tasks[0]!.due_at.toISOString()).toBe(shanghai('2026-10-09T15:10:00'));
    expect(await runRule(manager, 'absentee')).toBe(0);
  });

  it('after a service: 3 days after an attended booking or a card spend, one call per customer and day', async () => {
    await setup();
    const served = await customer(env(), { owner_id: owner.id });
    const attended = await booking(env(), served, shanghai('2026-10-06T09:00:00'), 'attended');
    const card = await cardOf(env(), served, { balance: 10_000, threshold: 0, credited: true });
    await env()
      .handle.db.insertInto('card_entries')
      .values({ card_id: card.id, kind: 'spend', amount: -500, balance_after: 9_500, actor_name: '前台', at: new Date(shanghai('2026-10-06T09:30:00')) })
      .execute();
    const yesterday = await customer(env());
    await booking(env(), yesterday, shanghai('2026-10-08T09:00:00'), 'attended');
    const absent = await customer(env());
    await booking(env(), absent, shanghai('2026-10-06T09:00:00'), 'no_show');
    await runRule(manager, 'after_service', { days: 3 });
    const tasks = (await tasksOf(env(), [served, yesterday, absent])).filter((t) => t.rule === 'after_service');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      customer_id: served,
      dedupe_key: `after_service:${served}:2026-10-06`,
      ref_type: 'booking',
      ref_id: attended.id,
      reason_params: { days: 3, serviceOn: '2026-10-06' },
    });
    expect(tasks[0]!.due_at.toISOString()).toBe(shanghai('2026-10-09T09:00:00'));
    expect(await runRule(manager, 'after_service', { days: 3 })).toBe(0);
  });

  it('no visit for 3 weeks: customers who came before, nothing attended in 21 days and nothing booked ahead', async () => {
    await setup();
    const gone = await customer(env(), { owner_id: owner.id });
    await booking(env(), gone, shanghai('2026-09-10T10:00:00'), 'attended');
    const comingBack = await customer(env());
    await booking(env(), comingBack, shanghai('2026-09-10T10:00:00'), 'attended');
    await booking(env(), comingBack, shanghai('2026-10-15T10:00:00'));
    const regular = await customer(env());
    await booking(env(), regular, shanghai('2026-09-10T10:00:00'), 'attended');
    await booking(env(), regular, shanghai('2026-10-01T10:00:00'), 'attended');
    const never = await customer(env());
    await runRule(manager, 'no_visit', { days: 21 });
    const tasks = (await tasksOf(env(), [gone, comingBack, regular, never])).filter((t) => t.rule === 'no_visit');
    expect(tasks.map((t) => t.customer_id)).toEqual([gone]);
    expect(tasks[0]!.reason_params).toEqual({ days: 21, lastVisit: '2026-09-10' });
    expect(await runRule(manager, 'no_visit', { days: 21 })).toBe(0);
  });

  it('complaint follow-ups: one task per open follow-up visit, for the complaint officer, due on its date', async () => {
    await setup();
    const officer = await createUser(env(), ['complaints'], '客诉小陈');
    const c = await customer(env(), { owner_id: owner.id });
    const complaint = await env()
      .handle.db.insertInto('complaints')
      .values({
        number: `KS20261009-${String(Math.floor(Math.random() * 90_000) + 10_000)}`,
        received_at: new Date('2026-09-01T02:00:00Z'),
        channel: 'hotline',
        complainant_name: '钱投诉',
        customer_id: c,
        content: '课程临时取消',
        category: 'service_attitude',
        severity: 'normal',
        assignee_id: officer.id,
        response_hours: 4,
        resolve_days: 5,
        response_due_at: new Date('2026-09-01T06:00:00Z'),
        resolve_due_at: new Date('2026-09-08T02:00:00Z'),
      } as never)
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const rows = await env()
      .handle.db.insertInto('complaint_follow_ups')
      .values([
        { complaint_id: complaint.id, kind: 'after_close', days: 3, due_date: '2026-10-12', created_at: new Date('2026-10-09T01:00:00Z') },
        { complaint_id: complaint.id, kind: 'one_month', days: 30, due_date: '2026-11-08', created_at: new Date('2026-10-09T01:00:00Z') },
        {
          complaint_id: complaint.id,
          kind: 'one_month',
          days: 30,
          due_date: '2026-10-01',
          created_at: new Date('2026-09-01T01:00:00Z'),
          done_at: new Date('2026-10-01T02:00:00Z'),
        },
      ] as never)
      .returning(['id', 'kind', 'due_date'])
      .execute();
    await runRule(manager, 'complaint_follow_up');
    const tasks = (await tasksOf(env(), [c])).filter((t) => t.rule === 'complaint_follow_up');
    expect(tasks.map((t) => t.dedupe_key).sort()).toEqual([`complaint:${rows[0]!.id}`, `complaint:${rows[1]!.id}`].sort());
    const first = tasks.find((t) => t.ref_id === rows[0]!.id)!;
    expect(first).toMatchObject({
      ref_type: 'complaint_follow_up',
      assignee_id: officer.id,
      priority: 1,
      reason: 'follow_up_rule.reason.complaint_after_close',
    });
    expect(first.reason_params).toMatchObject({ number: complaint.number, dueDate: '2026-10-12' });
    expect(first.due_at.toISOString()).toBe(shanghai('2026-10-12T18:00:00'));
    expect(await runRule(manager, 'complaint_follow_up')).toBe(0);
  });

  it('card renewal: at or below the low line (once per top-up), or expiring within 30 days; not a card never credited', async () => {
    await setup();
    const c = await customer(env(), { owner_id: owner.id });
    const low = await cardOf(env(), c, { balance: 500, threshold: 1_000, credited: true });
    const fine = await cardOf(env(), c, { balance: 5_000, threshold: 1_000, credited: true });
    const fresh = await cardOf(env(), c, { balance: 0, threshold: 1_000, credited: false });
    const expiring = await cardOf(env(), c, { balance: 5_000, threshold: 0, credited: true, expiresAt: new Date(shanghai('2026-10-20T00:00:00')) });
    const later = await cardOf(env(), c, { balance: 5_000, threshold: 0, credited: true, expiresAt: new Date(shanghai('2026-12-20T00:00:00')) });
    await runRule(manager, 'card_renewal', { expiresWithinDays: 30 });
    const tasks = (await tasksOf(env(), [c])).filter((t) => t.rule === 'card_renewal');
    expect(tasks.map((t) => t.ref_id).sort()).toEqual([low.id, expiring.id].sort());
    for (const id of [fine.id, fresh.id, later.id]) expect(tasks.map((t) => t.ref_id)).not.toContain(id);
    expect(tasks.find((t) => t.ref_id === low.id)).toMatchObject({
      reason: 'follow_up_rule.reason.card_low',
      ref_type: 'card',
      reason_params: { number: low.number, balance: 500 },
    });
    expect(tasks.find((t) => t.ref_id === expiring.id)).toMatchObject({
      reason: 'follow_up_rule.reason.card_expiry',
      reason_params: { number: expiring.number, expiresOn: '2026-10-20' },
    });
    expect(await runRule(manager, 'card_renewal', { expiresWithinDays: 30 })).toBe(0);
  });

  it('runs the frequent rules from the scheduler’s job, and the daily ones at night', async () => {
    await setup();
    const c = await customer(env(), { owner_id: owner.id });
    const soon = await booking(env(), c, shanghai('2026-10-10T10:00:00'));
    await env()
      .handle.db.updateTable('jobs')
      .set({ next_run_at: new Date('2026-10-09T01:00:00Z') })
      .where('name', '=', 'follow_up_rules.frequent')
      .execute();
    const ran = await env().app.services.jobs.tick();
    expect(ran).toContain('follow_up_rules.frequent');
    expect((await tasksOf(env(), [c])).map((t) => t.dedupe_key)).toContain(`confirm:${soon.id}`);
    const job = await env().handle.db.selectFrom('jobs').selectAll().where('name', '=', 'follow_up_rules.frequent').executeTakeFirstOrThrow();
    expect(job.last_ok).toBe(true);
    expect(job.last_result).toHaveProperty('booking_confirm');
  });
});
