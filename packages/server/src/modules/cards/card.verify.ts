import { renewalReason } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { toCard } from './card.mapper';
import { selectCardRows } from './card.repo';

/**
 * The proof that the balance shown is the ledger's: every card's cached balance against the sum of its
 * entries, in one query (nightly from main.ts, and on demand by the manager). Any mismatch is reported,
 * never repaired silently: a mismatch means a bug or a hand edit, and people must look.
 */
export async function verifyLedger(db: Db, clock: Clock) {
  const rows = await db
    .selectFrom('cards')
    .leftJoin('card_entries as e', 'e.card_id', 'cards.id')
    .select(['cards.id', 'cards.number', 'cards.balance'])
    .select(sql<number>`coalesce(sum(e.amount), 0)::bigint`.as('sum'))
    .groupBy('cards.id')
    .execute();
  const mismatches = rows
    .filter((r) => Number(r.sum) !== Number(r.balance))
    .map((r) => ({ cardId: r.id, number: r.number, balance: Number(r.balance), ledgerSum: Number(r.sum) }));
  return { checkedAt: clock.now().toISOString(), cards: rows.length, mismatches };
}

/**
 * The membership officer's renewals list (seed 004 “卡内余额已经不多了…升班”): active cards at or under
 * their type's low-balance threshold, or expiring within the settings' days; `ownerId` narrows it to one
 * agent's customers (the row scope of card.policy.ts).
 */
export async function renewals(db: Db, clock: Clock, withinDays: number, limit: number, ownerId: string | null) {
  const now = clock.now();
  const until = new Date(now.getTime() + withinDays * 86_400_000);
  const rows = await selectCardRows(db)
    .where('cards.status', '=', 'active')
    .$if(ownerId !== null, (q) => q.where('c.owner_id', '=', ownerId))
    .where((eb) =>
      eb.or([
        eb('cards.balance', '<=', eb.ref('t.low_balance_threshold')),
        eb.and([eb('cards.expires_at', 'is not', null), eb('cards.expires_at', '<=', until)]),
      ]),
    )
    .orderBy('cards.balance')
    .orderBy('cards.number')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    const reason = renewalReason(
      { balance: Number(r.balance), expiresAt: r.expires_at },
      { lowBalanceThreshold: Number(r.low_balance_threshold) },
      now,
      withinDays,
    );
    return reason ? [{ ...toCard(r), reason, threshold: Number(r.low_balance_threshold) }] : [];
  });
}
