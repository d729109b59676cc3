import { beforeAll, expect, it } from 'vitest';
import { bookingBody, createResource, takeBooking } from './booking-fixtures';
import { call } from './clients';
import { createCardType, issueCard, key, move } from './card-fixtures';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/**
 * 转介绍 (seed 004, issue 6): who brought whom; pending until the new customer buys or attends, then the
 * referrer's reward written once through the ledger (per the setting); the list and its Excel; and a
 * merged customer's cards moving to the kept customer.
 */
describeEachDb('referrals and cards on merge', (env) => {
  let manager: Client;
  let officer: Client;
  let agent: Client;
  let pointsType: string;
  let lessonsType: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    officer = await userClient(env(), ['membership'], '周会籍');
    agent = await userClient(env(), ['agent'], '张专员');
    pointsType = (await createCardType(manager, { kind: 'points', name: '积分卡' })).id;
    lessonsType = (await createCardType(manager, { kind: 'lessons', name: '课时卡' })).id;
  });

  const customer = async (name: string, client = officer) =>
    (await client.post('/api/v1/customers', buildCustomer({ name }))).body as { id: string; version: number };
  const refer = (referrerId: string, referredId: string, client = officer) =>
    client.post('/api/v1/referrals', { referrerId, referredId, note: '老学员带朋友' });

  it('records who brought whom; the first top-up qualifies it and rewards the referrer once through the ledger', async () => {
    expect((await manager.put('/api/v1/referral-settings', { rewardCardTypeId: pointsType, rewardAmount: 200 })).status).toBe(200);
    const points = await issueCard(officer, pointsType, '老会员甲');
    const fresh = await issueCard(officer, lessonsType, '新学员乙');
    const created = await refer(points.customerId, fresh.customerId);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', referrerName: '老会员甲', referredName: '新学员乙', referredOn: '2026-10-09' });
    // a customer has one referrer, also the second time
    const again = await refer(points.customerId, fresh.customerId, manager);
    expect([again.status, again.body.code]).toEqual([409, 'referral.already_referred']);
    expect((await refer(fresh.customerId, fresh.customerId)).status).toBe(400);

    expect((await move(officer, fresh.id, 'top_up', 10)).status).toBe(201);
    const after = (await officer.get(`/api/v1/referrals?customerId=${points.customerId}`)).body.items[0];
    expect(after).toMatchObject({ status: 'rewarded', qualifiedBy: 'top_up', rewardCardNumber: points.number, rewardAmount: 200, rewardUnit: 'point' });
    const card = (await officer.get(`/api/v1/cards/${points.id}`)).body;
    expect(card.balance).toBe(200);
    const entries = (await officer.get(`/api/v1/cards/${points.id}/entries`)).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'points_earned', amount: 200, note: '转介绍奖励：新学员乙' });
    // a second top-up rewards nothing more
    await move(officer, fresh.id, 'top_up', 5);
    expect((await officer.get(`/api/v1/cards/${points.id}`)).body.balance).toBe(200);
    // the customer page: referred by / referred
    const mine = (await officer.get(`/api/v1/customers/${fresh.customerId}/referrals`)).body;
    expect(mine.referredBy.referrerName).toBe('老会员甲');
    const theirs = (await officer.get(`/api/v1/customers/${points.customerId}/referrals`)).body;
    expect(theirs.referred.map((r: { referredName: string }) => r.referredName)).toEqual(['新学员乙']);
    const tl = (await officer.get(`/api/v1/customers/${points.customerId}/timeline?limit=50`)).body.items.map((e: { summary: string }) => e.summary);
    expect(tl).toContain('介绍了新客户“新学员乙”');
    expect(tl).toContain(`获得转介绍奖励（介绍“新学员乙”），记入 ${points.number}`);
  });

  it('attendance qualifies too; without a reward card the referral waits, then is rewarded by hand once (Idempotency-Key)', async () => {
    const teacher = await createResource(manager, { name: `林老师-${Math.random().toString(36).slice(2, 6)}` });
    const referrer = await customer('老会员丙');
    const fresh = await customer('新学员丁');
    const r = (await refer(referrer.id, fresh.id)).body;
    const b = (await takeBooking(officer, bookingBody(fresh.id, teacher.id, '2026-10-09', '14:00', '15:00'))).body;
    env().clock.set('2026-10-09T07:10:00Z');
    try {
      expect((await officer.post(`/api/v1/bookings/${b.id}/attendance`, { outcome: 'attended', version: b.version })).status).toBe(200);
    } finally {
      env().clock.set('2026-10-09T02:00:00Z');
    }
    const waiting = (await officer.get(`/api/v1/referrals?status=qualified`)).body.items.find((x: { id: string }) => x.id === r.id);
    expect(waiting).toMatchObject({ status: 'qualified', qualifiedBy: 'attended', rewardCardNumber: null });
    const noCard = await officer.post(
      `/api/v1/referrals/${r.id}/reward`,
      { version: waiting.version },
      { 'idempotency-key': key(), 'accept-language': 'zh-CN' },
    );
    expect([noCard.status, noCard.body.code]).toEqual([409, 'referral.no_reward_card']);
    const points = (await officer.post('/api/v1/cards', { typeId: pointsType, customerId: referrer.id })).body;
    const k = key();
    const [one, two] = await Promise.all([
      officer.post(`/api/v1/referrals/${r.id}/reward`, { version: waiting.version }, { 'idempotency-key': k }),
      officer.post(`/api/v1/referrals/${r.id}/reward`, { version: waiting.version }, { 'idempotency-key': k }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.body).toMatchObject({ status: 'rewarded', rewardCardNumber: points.number });
    expect((await officer.get(`/api/v1/cards/${points.id}`)).body.balance).toBe(200);
    const third = await officer.post(`/api/v1/referrals/${r.id}/reward`, { version: one.body.version }, { 'idempotency-key': key() });
    expect([third.status, third.body.code]).toEqual([409, 'referral.already_rewarded']);
  });

  it('the list exports to Excel with who exported it; access is 401 / 403 / scoped', async () => {
    expect((await call(env(), { url: '/api/v1/referrals/export.xlsx' })).status).toBe(401);
    expect((await call(env(), { url: '/api/v1/referrals' })).status).toBe(401);
    const archivist = await userClient(env(), ['archivist']);
    expect((await archivist.get('/api/v1/referrals')).status).toBe(403);
    expect((await agent.post('/api/v1/referrals', {})).status).toBe(400);
    expect((await agent.put('/api/v1/referral-settings', { rewardCardTypeId: null, rewardAmount: 1 })).status).toBe(403);
    // the agent sees only referrals touching their own customers
    expect((await agent.get('/api/v1/referrals')).body.items).toEqual([]);
    const x = await officer.get('/api/v1/referrals/export.xlsx');
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(x.headers['content-disposition'])).toContain("filename*=UTF-8''%E8%BD%AC%E4%BB%8B%E7%BB%8D%E6%98%8E%E7%BB%86.xlsx");
  });

  it('merging two customers moves the cards to the kept one (ledger kept, timeline on both, audited)', async () => {
    const supervisor = await userClient(env(), ['supervisor']);
    const keep = await customer('合并保留');
    const other = await customer('合并并入');
    const card = (await officer.post('/api/v1/cards', { typeId: lessonsType, customerId: other.id })).body;
    await move(officer, card.id, 'top_up', 3);
    const merged = await supervisor.post(`/api/v1/customers/${keep.id}/merge`, { otherId: other.id, version: keep.version });
    expect(merged.status, merged.text).toBe(200);
    const moved = (await officer.get(`/api/v1/cards/${card.id}`)).body;
    expect(moved).toMatchObject({ customerId: keep.id, customerName: '合并保留', balance: 3 });
    expect((await officer.get(`/api/v1/cards?customerId=${keep.id}`)).body.items.map((c: { id: string }) => c.id)).toEqual([card.id]);
    expect((await officer.get(`/api/v1/cards/${card.id}/entries`)).body.items).toHaveLength(1);
    const tl = (await officer.get(`/api/v1/customers/${keep.id}/timeline?limit=50`)).body.items.map((e: { summary: string }) => e.summary);
    expect(tl).toContain(`客户合并：${card.number} 从“合并并入”转到本档案`);
    const audit = await env().handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', card.id).execute();
    expect(audit.map((a) => a.action)).toContain('card.merge_move');
  });
});
