import type { ExportStatus } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Typed SQL of export requests; every function takes the database or a transaction first. */
function selectExports(db: Db) {
  return db
    .selectFrom('customer_exports as e')
    .innerJoin('users as r', 'r.id', 'e.requested_by')
    .leftJoin('users as d', 'd.id', 'e.decided_by')
    .selectAll('e')
    .select(['r.display_name as requester_name', 'd.display_name as decider_name']);
}
export type ExportRow = Awaited<ReturnType<ReturnType<typeof selectExports>['executeTakeFirstOrThrow']>>;

export async function insertExport(db: Db, v: { requestedBy: string; reason: string; filter: unknown; at: Date }): Promise<string> {
  const row = await db
    .insertInto('customer_exports')
    .values({ requested_by: v.requestedBy, requested_at: v.at, reason: v.reason, filter: JSON.stringify(v.filter) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findExport(db: Db, id: string, forUpdate = false): Promise<ExportRow | undefined> {
  if (forUpdate) await db.selectFrom('customer_exports').select('id').where('id', '=', id).forUpdate().execute();
  return selectExports(db).where('e.id', '=', id).executeTakeFirst();
}

/** Newest first; keyset on (requested_at, id). */
export async function listExports(db: Db, f: { requestedBy?: string; status?: ExportStatus; limit: number; after?: [Date, string] | null }) {
  let q = selectExports(db);
  if (f.requestedBy) q = q.where('e.requested_by', '=', f.requestedBy);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.after) q = q.where(sql<boolean>`(e.requested_at, e.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return q
    .orderBy('e.requested_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function setDecision(db: Db, id: string, v: { status: ExportStatus; decidedBy: string; at: Date; note: string | null }) {
  await db
    .updateTable('customer_exports')
    .set({ status: v.status, decided_by: v.decidedBy, decided_at: v.at, decision_note: v.note })
    .where('id', '=', id)
    .execute();
}

export async function markDownloaded(db: Db, id: string, v: { at: Date; rowCount: number }) {
  await db.updateTable('customer_exports').set({ status: 'downloaded', downloaded_at: v.at, row_count: v.rowCount }).where('id', '=', id).execute();
}
