import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { purgeIdempotencyKeys } from '../../lib/idempotency';
import { verifyLedger } from './card.verify';

interface Log {
  info(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

/**
 * The nightly proof that every card's balance is its ledger's sum (issue 6), and the forgetting of old
 * Idempotency-Keys. main.ts calls tick() every hour; it works once per night, after 02:00 in Beijing
 * (UTC+8, where the department is), when nobody is at the desk. Several instances may each run it: the
 * check only reads, the purge deletes what is already expired.
 */
export function createCardNightly(deps: { db: Db; clock: Clock; log: Log }) {
  let lastNight: string | null = null;
  return async function tick(): Promise<void> {
    const beijing = new Date(deps.clock.now().getTime() + 8 * 3_600_000);
    const night = beijing.toISOString().slice(0, 10);
    if (beijing.getUTCHours() < 2 || night === lastNight) return;
    lastNight = night;
    const result = await verifyLedger(deps.db, deps.clock);
    if (result.mismatches.length) deps.log.error({ mismatches: result.mismatches }, 'card ledger check: balances differ from the sum of their entries');
    else deps.log.info({ cards: result.cards }, 'card ledger check: every balance equals its entries');
    const purged = await purgeIdempotencyKeys(deps.db, deps.clock.now());
    if (purged) deps.log.info({ purged }, 'old idempotency keys forgotten');
  };
}
