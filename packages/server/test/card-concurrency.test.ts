import { expect, it } from 'vitest';
import { createCardType, issueCard, key, move } from './card-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/**
 * Money under concurrency (issue 6): on PostgreSQL these requests really race over a pool of 10
 * connections; on PGlite the one session serialises them. Both must give the same answers.
 */
describeEachDb('member cards under concurrency', (env) => {
  let officer: Client;
  let typeId: string;
  const setup = async () => {
    const manager = await userClient(env(), ['manager']);
    officer ??= await userClient(env(), ['membership']);
    typeId ??= (await createCardType(manager)).id;
  };
  const ledger = async (cardId: string) => {
    const rows = await env().handle.db.selectFrom('card_entries').select(['amount', 'kind']).where('card_id', '=', cardId).execute();
    return { count: rows.length, sum: rows.reduce((s, r) => s + Number(r.amount), 0) };
  };
  const balance = async (cardId: string) =>
    Number((await env().handle.db.selectFrom('cards').select('balance').where('id', '=', cardId).executeTakeFirstOrThrow()).balance);

  it('100 simultaneous spends on one card: exactly floor(balance / amount) succeed, the rest 409, balance = sum of entries', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    await move(officer, card.id, 'top_up', 1_000);
    const results = await Promise.all(Array.from({ length: 100 }, () => move(officer, card.id, 'spend', 30)));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(33);
    expect(refused).toHaveLength(67);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('card.insufficient_balance');
      expect(r.body.title).toMatch(/^余额不足/);
    }
    expect(await balance(card.id)).toBe(10);
    expect(await ledger(card.id)).toEqual({ count: 34, sum: 10 });
    // every success saw a different balance: no two spends read the same one
    expect(new Set(ok.map((r) => r.body.entry.balanceAfter)).size).toBe(33);
  });

  it('the same Idempotency-Key sent 10 times at once: one entry, ten identical answers', async () => {
    await setup();
    const card = await issueCard(officer, typeId);
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => move(officer, card.id, 'top_up', 700, k)));
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(new Set(results.map((r) => r.body.entry.id)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await ledger(card.id)).toEqual({ count: 1, sum: 700 });
    expect(await balance(card.id)).toBe(700);
  });

  it('opposite transfers between two cards at once neither deadlock nor lose a fen', async () => {
    await setup();
    const a = await issueCard(officer, typeId);
    const b = await issueCard(officer, typeId);
    await move(officer, a.id, 'top_up', 500);
    await move(officer, b.id, 'top_up', 500);
    const send = (from: string, to: string) => officer.post(`/api/v1/cards/${from}/transfer`, { toCardId: to, amount: 40 }, { 'idempotency-key': key() });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? send(a.id, b.id) : send(b.id, a.id))));
    for (const r of results) expect([201, 409]).toContain(r.status);
    const [la, lb] = [await ledger(a.id), await ledger(b.id)];
    expect(la.sum + lb.sum).toBe(1_000);
    expect(await balance(a.id)).toBe(la.sum);
    expect(await balance(b.id)).toBe(lb.sum);
  });
});
