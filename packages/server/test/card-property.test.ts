import { applyEntry, reversalOf, signedAmount, type CardKind, type EntryKind } from '@kefu/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { readConfig } from '../src/config';
import { fixedClock } from '../src/lib/clock';
import { AppError } from '../src/lib/errors';
import { loadUserActor } from '../src/lib/auth';
import type { Ctx } from '../src/lib/context';
import { verifyLedger } from '../src/modules/cards';
import { createCardType, issueCard } from './card-fixtures';
import { userClient } from './factories';
import { freshDb, type TestEnv } from './helpers';

/**
 * A property test (issue 6): 10,000 seeded random ledger operations, each predicted by the PURE rules
 * (shared/card-ledger.ts) and applied through the service on the database. After every batch: each
 * card's balance is the sum of its entries and the model's, nothing is negative, reversals net to zero,
 * and replays of earlier keys changed nothing. PGlite only: PostgreSQL's races are the concurrency test's.
 */
/** mulberry32, seeded: the same operations on every run */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (max: number) => Math.floor(next() * max), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const OPS = 10_000;
const BATCH = 500;

describe('member card ledger: property [pglite]', () => {
  let current: TestEnv | undefined;
  let drop: (() => Promise<void>) | undefined;
  const env = () => current!;
  beforeAll(async () => {
    const fresh = await freshDb('pglite');
    drop = fresh.drop;
    const clock = fixedClock('2026-10-09T02:00:00Z');
    const app = await buildApp({ db: fresh.handle.db, dbKind: 'pglite', clock, config: { ...readConfig({}), webDist: null } });
    await app.ready();
    current = { kind: 'pglite', app, handle: fresh.handle, clock };
  });
  afterAll(async () => {
    await current?.app.close();
    await drop?.();
  });

  it(`keeps every invariant over ${OPS.toLocaleString('en')} random operations`, async () => {
    const { cards } = env().app.services;
    const manager = await userClient(env(), ['manager']);
    const officer = await userClient(env(), ['membership']);
    const ctxOf = async (userId: string): Promise<Ctx> => ({
      actor: (await loadUserActor(env().handle.db, userId))!,
      ip: null,
      requestId: null,
      lang: 'zh-CN',
    });
    const [asOfficer, asManager] = [await ctxOf(officer.userId), await ctxOf(manager.userId)];

    const types = [
      { kind: 'stored_value' as CardKind, id: (await createCardType(manager)).id },
      { kind: 'lessons' as CardKind, id: (await createCardType(manager, { kind: 'lessons' })).id },
      { kind: 'points' as CardKind, id: (await createCardType(manager, { kind: 'points' })).id },
    ];
    const model: { id: string; typeId: string; kind: CardKind; balance: number }[] = [];
    for (const t of types) for (let i = 0; i < 3; i += 1) model.push({ id: (await issueCard(officer, t.id)).id, typeId: t.id, kind: t.kind, balance: 0 });
    const entries: { id: string; cardId: string; kind: EntryKind; amount: number; reversed: boolean }[] = [];
    const keys: { key: string; route: string; cardId: string; body: { kind: 'top_up' | 'spend'; amount: number } }[] = [];
    let refundsAllowed = false;
    const r = rng(6_2026);
    const outcome = async <T>(p: Promise<T>): Promise<T | string> => {
      try {
        return await p;
      } catch (e) {
        if (e instanceof AppError) return e.code;
        throw e;
      }
    };

    for (let op = 0; op < OPS; op += 1) {
      const card = r.pick(model);
      const roll = r.int(100);
      if (roll < 2) {
        refundsAllowed = !refundsAllowed;
        await cards.types.saveSettings(asManager, { refundsAllowed, renewalWithinDays: 30 });
      } else if (roll < 55) {
        const kind = r.pick(card.kind === 'points' ? (['points_earned', 'points_redeemed'] as const) : (['top_up', 'spend', 'refund'] as const));
        const amount = 1 + r.int(kind === 'top_up' || kind === 'points_earned' ? 300 : 150);
        const expected = applyEntry(card.balance, kind, card.kind, amount, { refundsAllowed });
        const idem = { key: randomUUID(), route: `move ${card.id}` };
        const got = await outcome(cards.move(asOfficer, card.id, { kind, amount }, idem));
        if (!expected.ok) expect(got).toBe(expected.code);
        else {
          if (typeof got === 'string') throw new Error(`op ${op}: ${kind} ${amount} refused with ${got}`);
          expect(got.body.card.balance).toBe(expected.balanceAfter);
          card.balance = expected.balanceAfter;
          entries.push({ id: got.body.entry.id, cardId: card.id, kind, amount: signedAmount(kind, amount), reversed: false });
          if (kind === 'top_up' || kind === 'spend') keys.push({ ...idem, cardId: card.id, body: { kind, amount } });
        }
      } else if (roll < 70) {
        const to = r.pick(model.filter((c) => c.typeId === card.typeId && c.id !== card.id));
        const amount = 1 + r.int(200);
        const got = await outcome(cards.transfer(asOfficer, card.id, { toCardId: to.id, amount }, { key: randomUUID(), route: 'transfer' }));
        if (card.balance < amount) expect(got).toBe('card.insufficient_balance');
        else {
          if (typeof got === 'string') throw new Error(`op ${op}: transfer refused with ${got}`);
          card.balance -= amount;
          to.balance += amount;
        }
      } else if (roll < 80 && entries.length) {
        const entry = r.pick(entries);
        const owner = model.find((c) => c.id === entry.cardId)!;
        const rev = reversalOf(entry);
        const got = await outcome(cards.reverse(asManager, entry.id, '随机冲正', { key: randomUUID(), route: 'reverse' }));
        if (entry.reversed) expect(got).toBe('card.already_reversed');
        else if (!rev.ok) expect(got).toBe(rev.code);
        else if (owner.balance + rev.amount < 0) expect(got).toBe('card.insufficient_balance');
        else {
          if (typeof got === 'string') throw new Error(`op ${op}: reversal refused with ${got}`);
          owner.balance += rev.amount;
          entry.reversed = true;
        }
      } else if (roll < 88) {
        const amount = (1 + r.int(100)) * (r.int(2) ? 1 : -1);
        const asked = await cards.adjustments.request(asOfficer, card.id, { amount, reason: '随机调整' });
        const got = await outcome(cards.adjustments.decide(asManager, asked.id, true, { key: randomUUID(), route: 'decide' }));
        if (card.balance + amount < 0) expect(got).toBe('card.insufficient_balance');
        else {
          if (typeof got === 'string') throw new Error(`op ${op}: adjustment refused with ${got}`);
          card.balance += amount;
        }
      } else if (keys.length) {
        // a retry of an earlier request: the same answer, nothing applied; another body under that key: refused
        const k = r.pick(keys);
        const again = await cards.move(asOfficer, k.cardId, k.body, { key: k.key, route: k.route });
        expect(again.replayed).toBe(true);
        const other = await outcome(cards.move(asOfficer, k.cardId, { ...k.body, amount: k.body.amount + 1 }, { key: k.key, route: k.route }));
        expect(other).toBe('idempotency.key_reused');
      }

      if ((op + 1) % BATCH === 0) {
        const db = env().handle.db;
        const rows = await db
          .selectFrom('cards')
          .select(['id', 'balance'])
          .where(
            'id',
            'in',
            model.map((c) => c.id),
          )
          .execute();
        for (const row of rows) {
          expect(Number(row.balance)).toBeGreaterThanOrEqual(0);
          expect(Number(row.balance), `card ${row.id} after op ${op}`).toBe(model.find((c) => c.id === row.id)!.balance);
        }
        expect((await verifyLedger(db, env().clock)).mismatches).toEqual([]);
        const unbalanced = await db
          .selectFrom('card_entries as rev')
          .innerJoin('card_entries as orig', 'orig.id', 'rev.reverses_id')
          .select(['orig.id'])
          .where((eb) => eb(eb('orig.amount', '+', eb.ref('rev.amount')), '<>', 0))
          .execute();
        expect(unbalanced).toEqual([]);
      }
    }
  }, 600_000);
});
