import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/lib/clock';
import { createCardNightly, verifyLedger } from '../src/modules/cards';
import { createCardType, issueCard, key, move } from './card-fixtures';
import { buildCustomer, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('member cards', (env) => {
  let manager: Client;
  let officer: Client;
  let typeId: string;
  const setup = async () => {
    manager ??= await userClient(env(), ['manager'], '张经理');
    officer ??= await userClient(env(), ['membership'], '会籍李');
    typeId ??= (await createCardType(manager, { name: '游泳储值卡' })).id;
  };

  it('issues a card with a readable number under its type prefix, empty, on the customer timeline', async () => {
    await setup();
    const type = await createCardType(manager, { kind: 'lessons', name: '钢琴课时卡', course: '钢琴', validityDays: 365 });
    const card = await issueCard(officer, type.id, '陈小明');
    expect(card.number).toMatch(new RegExp(`^${type.prefix}-\\d{6}$`));
    expect(card).toMatchObject({
      balance: 0,
      status: 'active',
      kind: 'lessons',
      unit: 'lesson',
      customerName: '陈小明',
      expiresAt: '2027-10-09T02:00:00.000Z',
    });
    const second = await issueCard(officer, type.id);
    expect(Number(second.number.slice(-6))).toBe(Number(card.number.slice(-6)) + 1);
    const timeline = await officer.get(`/api/v1/customers/${card.customerId}/timeline`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toContain('card.issued');
  });

  it('tops up and spends with an Idempotency-Key; a replay answers the first result and applies nothing twice', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const k = key();
    const first = await move(officer, card.id, 'top_up', 50_000, k);
    expect(first.status, first.text).toBe(201);
    expect(first.body.card.balance).toBe(50_000);
    const again = await move(officer, card.id, 'top_up', 50_000, k);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const spent = await move(officer, card.id, 'spend', 12_345);
    expect(spent.body.entry).toMatchObject({ kind: 'spend', amount: -12_345, balanceAfter: 37_655, actorName: '会籍李' });
    expect((await officer.get(`/api/v1/cards/${card.id}`)).body.balance).toBe(37_655);
    const entries = await officer.get(`/api/v1/cards/${card.id}/entries`);
    expect(entries.body.items.map((e: { amount: number }) => e.amount)).toEqual([-12_345, 50_000]);
  });

  it('refuses a reused key with another body (422), a missing key (400), and a spend beyond the balance (409) in Chinese', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const k = key();
    await move(officer, card.id, 'top_up', 1_000, k);
    const reused = await move(officer, card.id, 'top_up', 2_000, k);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
    expect(reused.body.title).toContain('Idempotency-Key');
    const missing = await officer.post(`/api/v1/cards/${card.id}/entries`, { kind: 'spend', amount: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('idempotency.key_required');
    const over = await move(officer, card.id, 'spend', 1_001);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('card.insufficient_balance');
    expect(over.body.title).toBe('余额不足：当前余额 ¥10.00，本次需要 ¥10.01');
    const en = await move(officer, card.id, 'spend', 1_001, key(), { 'accept-language': 'en' });
    expect(en.body.title).toBe('Insufficient balance: ¥10.00 left, ¥10.01 needed');
    expect((await officer.get(`/api/v1/cards/${card.id}`)).body.balance).toBe(1_000);
  });

  it('remembers only successes: a key whose spend was refused is free again, and the retry after a top-up goes through', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const k = key();
    expect((await move(officer, card.id, 'spend', 500, k)).status).toBe(409);
    await move(officer, card.id, 'top_up', 500);
    const retry = await move(officer, card.id, 'spend', 500, k);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    // the same key on another card is another request: refused, not replayed
    const elsewhere = await move(officer, (await issueCard(officer, typeId)).id, 'spend', 500, k);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('idempotency.key_reused');
  });

  it('refuses refunds under the 不退费 policy, and allows them once the manager changes it', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    await move(officer, card.id, 'top_up', 5_000);
    const refused = await move(officer, card.id, 'refund', 1_000);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('card.refund_not_allowed');
    expect(refused.body.title).toContain('不退费');
    expect((await officer.put('/api/v1/card-settings', { refundsAllowed: true, renewalWithinDays: 30 })).status).toBe(403);
    expect((await manager.put('/api/v1/card-settings', { refundsAllowed: true, renewalWithinDays: 30 })).status).toBe(200);
    const refunded = await move(officer, card.id, 'refund', 1_000);
    expect(refunded.status, refunded.text).toBe(201);
    expect(refunded.body.card.balance).toBe(4_000);
    await manager.put('/api/v1/card-settings', { refundsAllowed: false, renewalWithinDays: 30 });
  });

  it('transfers between cards of the same type in one transaction, and refuses another type or too much', async () => {
    await setup();
    const a = await issueCard(officer, typeId);
    const b = await issueCard(officer, typeId);
    const other = await issueCard(officer, (await createCardType(manager)).id);
    await move(officer, a.id, 'top_up', 3_000);
    const ok = await officer.post(`/api/v1/cards/${a.id}/transfer`, { toCardId: b.id, amount: 1_200 }, { 'idempotency-key': key() });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.card.balance).toBe(1_800);
    expect((await officer.get(`/api/v1/cards/${b.id}`)).body.balance).toBe(1_200);
    const mismatch = await officer.post(`/api/v1/cards/${a.id}/transfer`, { toCardId: other.id, amount: 100 }, { 'idempotency-key': key() });
    expect(mismatch.body.code).toBe('card.transfer_type_mismatch');
    const tooMuch = await officer.post(`/api/v1/cards/${a.id}/transfer`, { toCardId: b.id, amount: 1_801 }, { 'idempotency-key': key() });
    expect(tooMuch.status).toBe(409);
    // neither half of the refused transfer was written
    expect((await officer.get(`/api/v1/cards/${b.id}/entries`)).body.items).toHaveLength(1);
    expect((await officer.get(`/api/v1/cards/${a.id}`)).body.balance).toBe(1_800);
  });

  it('corrects with a reversing entry referencing the original, once; the manager reverses, the officer may not', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    await move(officer, card.id, 'top_up', 2_000);
    const spend = (await move(officer, card.id, 'spend', 500)).body.entry;
    expect((await officer.post(`/api/v1/card-entries/${spend.id}/reverse`, { reason: '重复刷卡' }, { 'idempotency-key': key() })).status).toBe(403);
    const rev = await manager.post(`/api/v1/card-entries/${spend.id}/reverse`, { reason: '重复刷卡' }, { 'idempotency-key': key() });
    expect(rev.status, rev.text).toBe(201);
    expect(rev.body.entry).toMatchObject({ kind: 'reversal', amount: 500, reversesId: spend.id, balanceAfter: 2_000 });
    const twice = await manager.post(`/api/v1/card-entries/${spend.id}/reverse`, { reason: '再来一次' }, { 'idempotency-key': key() });
    expect(twice.body.code).toBe('card.already_reversed');
    const ofReversal = await manager.post(`/api/v1/card-entries/${rev.body.entry.id}/reverse`, { reason: 'x' }, { 'idempotency-key': key() });
    expect(ofReversal.body.code).toBe('card.not_reversible');
    const listed = (await officer.get(`/api/v1/cards/${card.id}/entries`)).body.items;
    expect(listed.find((e: { id: string }) => e.id === spend.id).reversedBy).toBe(rev.body.entry.id);
  });

  it('writes an adjustment only when a second person approves it', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const asked = await officer.post(`/api/v1/cards/${card.id}/adjustments`, { amount: 800, reason: '系统迁移少计' });
    expect(asked.status, asked.text).toBe(201);
    expect((await officer.get(`/api/v1/cards/${card.id}`)).body.balance).toBe(0);
    const pending = await manager.get('/api/v1/card-adjustments');
    expect(pending.body.items.map((a: { id: string }) => a.id)).toContain(asked.body.id);
    expect((await officer.get('/api/v1/card-adjustments')).status).toBe(403);
    // a manager who asks cannot approve their own request
    const own = await manager.post(`/api/v1/cards/${card.id}/adjustments`, { amount: -100, reason: '多计' });
    const self = await manager.post(`/api/v1/card-adjustments/${own.body.id}/decide`, { approve: true }, { 'idempotency-key': key() });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('card.adjustment_self_approval');
    const ok = await manager.post(`/api/v1/card-adjustments/${asked.body.id}/decide`, { approve: true }, { 'idempotency-key': key() });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ state: 'approved', decidedByName: '张经理' });
    expect((await officer.get(`/api/v1/cards/${card.id}`)).body.balance).toBe(800);
    const again = await manager.post(`/api/v1/card-adjustments/${asked.body.id}/decide`, { approve: false }, { 'idempotency-key': key() });
    expect(again.body.code).toBe('card.adjustment_decided');
  });

  it('prints a receipt with the customer name and no phone number; lists renewals; verifies the ledger', async () => {
    await setup();
    const low = await createCardType(manager, { lowBalanceThreshold: 10_000 });
    const card = await issueCard(officer, low.id, '赵收据');
    const entry = (await move(officer, card.id, 'top_up', 9_000)).body.entry;
    const receipt = await officer.get(`/api/v1/card-entries/${entry.id}/receipt`);
    expect(receipt.body).toMatchObject({ cardNumber: card.number, customerName: '赵收据', amount: 9_000, balanceAfter: 9_000, actorName: '会籍李' });
    expect(receipt.text).not.toMatch(/1[3-9]\d{9}/);
    const renewals = await officer.get('/api/v1/cards/renewals');
    expect(renewals.body.items.find((c: { id: string }) => c.id === card.id)).toMatchObject({ reason: 'low_balance', threshold: 10_000 });
    const file = await officer.get('/api/v1/cards/renewals.xlsx');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(file.headers['content-disposition'])).toContain('renewals.xlsx');
    expect((await officer.post('/api/v1/cards/verify')).status).toBe(403);
    const verified = await manager.post('/api/v1/cards/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.mismatches).toEqual([]);
    expect(verified.body.cards).toBeGreaterThan(0);
    // a hand edit of the cached balance is caught
    await env().handle.db.updateTable('cards').set({ balance: 1 }).where('id', '=', card.id).execute();
    const caught = await verifyLedger(env().handle.db, env().clock);
    expect(caught.mismatches).toEqual([{ cardId: card.id, number: card.number, balance: 1, ledgerSum: 9_000 }]);
    await env().handle.db.updateTable('cards').set({ balance: 9_000 }).where('id', '=', card.id).execute();
  });

  it('checks the ledger once a night after 02:00 in Beijing and forgets week-old idempotency keys', async () => {
    await setup();
    const db = env().handle.db;
    const clock = fixedClock('2026-10-09T17:30:00Z'); // 01:30 on the 10th in Beijing: not yet
    const logs: string[] = [];
    const log = { info: (_o: object, m: string) => logs.push(`info ${m}`), error: (_o: object, m: string) => logs.push(`error ${m}`) };
    const tick = createCardNightly({ db, clock, log });
    const card = await issueCard(officer, typeId);
    await move(officer, card.id, 'top_up', 100, 'old-key-1');
    await db
      .updateTable('idempotency_keys')
      .set({ created_at: new Date('2026-10-01T00:00:00Z') })
      .where('key', '=', 'old-key-1')
      .execute();
    await tick();
    expect(logs).toEqual([]);
    clock.set('2026-10-09T18:30:00Z'); // 02:30
    await tick();
    expect(logs).toEqual(['info card ledger check: every balance equals its entries', 'info old idempotency keys forgotten']);
    expect(await db.selectFrom('idempotency_keys').select('key').where('key', '=', 'old-key-1').execute()).toEqual([]);
    clock.set('2026-10-09T22:00:00Z'); // the same night: done already
    await tick();
    expect(logs).toHaveLength(2);
    await db.updateTable('cards').set({ balance: 99 }).where('id', '=', card.id).execute();
    clock.set('2026-10-10T18:10:00Z'); // the next night finds the hand edit
    await tick();
    expect(logs[2]).toBe('error card ledger check: balances differ from the sum of their entries');
    await db.updateTable('cards').set({ balance: 100 }).where('id', '=', card.id).execute();
  });

  it('freezes (only corrections pass), closes only an empty card for good, and refuses an expired card at the desk', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const spend = (await move(officer, card.id, 'top_up', 300)).body;
    const frozen = await officer.post(`/api/v1/cards/${card.id}/status`, { status: 'frozen', version: spend.card.version });
    expect(frozen.status, frozen.text).toBe(200);
    expect((await move(officer, card.id, 'spend', 1)).body.code).toBe('card.inactive');
    const stale = await officer.post(`/api/v1/cards/${card.id}/status`, { status: 'active', version: spend.card.version });
    expect(stale.body.code).toBe('card.version_conflict');
    const closing = await officer.post(`/api/v1/cards/${card.id}/status`, { status: 'closed', version: frozen.body.version });
    expect(closing.body.code).toBe('card.close_with_balance');
    const active = await officer.post(`/api/v1/cards/${card.id}/status`, { status: 'active', version: frozen.body.version });
    expect(active.body.status).toBe('active');
    const spent = (await move(officer, card.id, 'spend', 300)).body;
    const closed = await officer.post(`/api/v1/cards/${card.id}/status`, { status: 'closed', version: spent.card.version });
    expect(closed.body.status).toBe('closed');
    expect((await officer.post(`/api/v1/cards/${card.id}/status`, { status: 'active', version: closed.body.version })).body.code).toBe('card.closed_final');
    const timeline = await officer.get(`/api/v1/customers/${card.customerId}/timeline`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toContain('card.status');

    const monthly = await createCardType(manager, { kind: 'lessons', validityDays: 30 });
    const lessons = await issueCard(officer, monthly.id);
    await move(officer, lessons.id, 'top_up', 10);
    env().clock.set('2026-11-08T02:00:01Z'); // 30 days and a second later
    try {
      const again = await signIn(env(), officer.username); // the old session has expired meanwhile
      const late = await move(again, lessons.id, 'spend', 1);
      expect(late.status).toBe(409);
      expect(late.body.title).toBe('会员卡已于 2026-11-08 过期');
    } finally {
      env().clock.set('2026-10-09T02:00:00Z');
    }
  });

  it('keeps the ledger append-only in the database', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const entry = (await move(officer, card.id, 'top_up', 100)).body.entry;
    await expect(env().handle.db.updateTable('card_entries').set({ note: 'x' }).where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(env().handle.db.deleteFrom('card_entries').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
  });

  describe('permissions', () => {
    const ID = '00000000-0000-4000-8000-000000000000';
    // every route of the area: [method, url, the permission it needs (null: card:read)]
    const ROUTES: ['GET' | 'POST' | 'PATCH' | 'PUT', string][] = [
      ['GET', '/api/v1/card-types'],
      ['POST', '/api/v1/card-types'],
      ['PATCH', `/api/v1/card-types/${ID}`],
      ['GET', '/api/v1/card-settings'],
      ['PUT', '/api/v1/card-settings'],
      ['GET', '/api/v1/cards'],
      ['POST', '/api/v1/cards'],
      ['GET', '/api/v1/cards/renewals'],
      ['GET', '/api/v1/cards/renewals.xlsx'],
      ['POST', '/api/v1/cards/verify'],
      ['GET', `/api/v1/cards/${ID}`],
      ['GET', `/api/v1/cards/${ID}/entries`],
      ['POST', `/api/v1/cards/${ID}/status`],
      ['POST', `/api/v1/cards/${ID}/entries`],
      ['POST', `/api/v1/cards/${ID}/transfer`],
      ['POST', `/api/v1/card-entries/${ID}/reverse`],
      ['GET', `/api/v1/card-entries/${ID}/receipt`],
      ['POST', `/api/v1/cards/${ID}/adjustments`],
      ['GET', '/api/v1/card-adjustments'],
      ['POST', `/api/v1/card-adjustments/${ID}/decide`],
    ];

    it('lists every registered route of the area here', () => {
      const printed = env().app.printRoutes({ commonPrefix: false });
      const mine = ROUTES.map(([m, u]) => `${m} ${u.replace(ID, ':id')}`).sort();
      const registered = [...printed.matchAll(/(\/api\/v1\/card[^ ]*) \(([A-Z, ]+)\)/g)].flatMap((m) =>
        m[2]!
          .split(', ')
          .filter((x) => x !== 'HEAD')
          .map((x) => `${x} ${m[1]}`),
      );
      expect(registered.length).toBeGreaterThan(0);
      for (const r of registered) expect(mine).toContain(r);
    });

    it("an agent sees and charges only the cards of their own customers; others' are 404 everywhere", async () => {
      await setup();
      const agent = await userClient(env(), ['agent'], '专员王');
      const mine = (await agent.post('/api/v1/customers', buildCustomer({ name: '专员的客户' }))).body;
      const low = await createCardType(manager, { lowBalanceThreshold: 1_000 });
      const own = (await officer.post('/api/v1/cards', { typeId: low.id, customerId: mine.id })).body;
      const other = await issueCard(officer, low.id, '别人的会员');
      await move(officer, own.id, 'top_up', 500);
      const otherEntry = (await move(officer, other.id, 'top_up', 500)).body.entry;
      expect((await agent.get(`/api/v1/cards/${own.id}`)).status).toBe(200);
      expect((await move(agent, own.id, 'spend', 100)).status).toBe(201);
      const list = await agent.get('/api/v1/cards');
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
      const renewals = await agent.get('/api/v1/cards/renewals');
      expect(renewals.body.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
      for (const url of [`/api/v1/cards/${other.id}`, `/api/v1/cards/${other.id}/entries`, `/api/v1/card-entries/${otherEntry.id}/receipt`]) {
        expect((await agent.get(url)).status, url).toBe(404);
      }
      expect((await move(agent, other.id, 'spend', 1)).status).toBe(404);
      expect((await officer.get(`/api/v1/cards/${other.id}`)).status).toBe(200);
    });

    it('401 without a session and 403 without a card permission, on every route', async () => {
      await setup();
      const handler = await userClient(env(), ['handler']);
      for (const [method, url] of ROUTES) {
        const anon = await env().app.inject({ method, url, payload: {} });
        expect(anon.statusCode, `${method} ${url}`).toBe(401);
        const res = method === 'GET' ? await handler.get(url) : await handler[method === 'POST' ? 'post' : method === 'PUT' ? 'put' : 'patch'](url, {});
        expect(res.status, `${method} ${url}`).toBe(403);
      }
    });

    it('answers 401, 403 and 404 per route', async () => {
      await setup();
      const agent = await userClient(env(), ['agent']);
      const handler = await userClient(env(), ['handler']);
      const card = await issueCard(officer, typeId);
      await move(officer, card.id, 'top_up', 1_000);
      expect((await handler.get(`/api/v1/cards/${card.id}`)).status).toBe(403);
      expect((await handler.get('/api/v1/card-types')).status).toBe(403);
      expect((await agent.get(`/api/v1/cards/${card.id}`)).status).toBe(404); // not the agent's customer
      expect((await agent.post('/api/v1/cards', { typeId, customerId: card.customerId })).status).toBe(403);
      expect((await move(agent, card.id, 'top_up', 100)).status).toBe(403);
      expect((await move(agent, card.id, 'spend', 100)).status).toBe(404);
      expect((await agent.post(`/api/v1/cards/${card.id}/adjustments`, { amount: 1, reason: 'x' })).status).toBe(403);
      expect((await officer.post('/api/v1/card-types', { code: 'nope', name: 'x', kind: 'points', prefix: 'NOPE' })).status).toBe(403);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await officer.get(`/api/v1/cards/${unknown}`)).status).toBe(404);
      expect((await move(officer, unknown, 'top_up', 1)).status).toBe(404);
      expect((await officer.get(`/api/v1/card-entries/${unknown}/receipt`)).status).toBe(404);
      expect((await env().app.inject({ method: 'GET', url: `/api/v1/cards/${card.id}` })).statusCode).toBe(401);
    });
  });
});
