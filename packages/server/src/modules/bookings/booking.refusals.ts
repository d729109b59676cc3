import { isRefusalFlagged, type RefusalFlag } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * Seed 004 引导合理排课 "不能让某个会员连续两次都约不上课": every request refused because the time was full
 * is recorded, and each customer's run of refusals since their last successful booking counted; two in a
 * row flag the customer for the supervisor to offer priority. A successful booking ends the run.
 */
export async function recordRefusal(
  db: Db,
  r: { customerId: string; resourceId: string; startsAt: Date; endsAt: Date; takenByName: string },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('booking_refusals')
      .values({ customer_id: r.customerId, resource_id: r.resourceId, starts_at: r.startsAt, ends_at: r.endsAt, refused_at: now, taken_by_name: r.takenByName })
      .execute();
    const run = await trx
      .insertInto('booking_refusal_runs')
      .values({ customer_id: r.customerId, refused_in_row: 1, last_refused_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet({ refused_in_row: sql`booking_refusal_runs.refused_in_row + 1`, last_refused_at: now, updated_at: now }),
      )
      .returning('refused_in_row')
      .executeTakeFirstOrThrow();
    return run.refused_in_row;
  });
}

/** In the successful booking's own transaction. */
export async function resetRefusals(trx: Db, customerId: string, now: Date): Promise<void> {
  await trx
    .updateTable('booking_refusal_runs')
    .set({ refused_in_row: 0, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('refused_in_row', '>', 0)
    .execute();
}

export async function refusalFlag(db: Db, customerId: string): Promise<RefusalFlag> {
  const run = await db.selectFrom('booking_refusal_runs').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  const n = run?.refused_in_row ?? 0;
  return { customerId, refusedInRow: n, flagged: isRefusalFlagged(n), lastRefusedAt: run?.last_refused_at?.toISOString() ?? null };
}

/** The flagged customers (the supervisor's list), most recently refused first. */
export async function flaggedCustomers(db: Db) {
  return db
    .selectFrom('booking_refusal_runs as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['r.customer_id', 'r.refused_in_row', 'r.last_refused_at', 'c.name', 'c.owner_id', 'c.lifecycle', 'c.merged_into'])
    .where('r.refused_in_row', '>=', 2)
    .orderBy('r.last_refused_at', 'desc')
    .limit(200)
    .execute();
}
