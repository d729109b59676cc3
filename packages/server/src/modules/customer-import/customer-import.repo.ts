import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { NewCustomer } from '../../db/schema';
import type { ImportLookups } from './customer-import.rows';

/** Typed SQL of the import; every function takes the database or a transaction first. */
export interface StoredRows {
  lines: number[];
  cells: string[][];
}

export async function insertImport(db: Db, v: { createdBy: string; fileName: string; headers: string[]; rows: StoredRows; at: Date }) {
  const row = await db
    .insertInto('customer_imports')
    .values({
      created_by: v.createdBy,
      created_at: v.at,
      file_name: v.fileName,
      headers: JSON.stringify(v.headers),
      rows: JSON.stringify(v.rows),
      total: v.rows.lines.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An import is its creator's: anyone else gets "not found". The rows are read only by loadRows. */
export async function findImport(db: Db, id: string, userId: string) {
  return db
    .selectFrom('customer_imports')
    .select([
      'id',
      'created_by',
      'created_at',
      'file_name',
      'status',
      'headers',
      'mapping',
      'mode',
      'total',
      'processed',
      'imported',
      'report',
      'finished_at',
      'claimed_at',
    ])
    .where('id', '=', id)
    .where('created_by', '=', userId)
    .executeTakeFirst();
}
export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export async function loadRows(db: Db, id: string): Promise<StoredRows> {
  const row = await db.selectFrom('customer_imports').select('rows').where('id', '=', id).executeTakeFirstOrThrow();
  return row.rows as StoredRows;
}

/**
 * Only one run at a time: the row moves from uploaded to running once. A run claimed more than
 * STALE_RUN_MS ago and still "running" belonged to a process that died (a run takes about a minute at
 * 100,000 rows, and its one transaction left nothing behind): it may be claimed again.
 */
export const STALE_RUN_MS = 15 * 60_000;

export async function claimForRun(db: Db, id: string, mapping: unknown, mode: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('customer_imports')
    .set({ status: 'running', mapping: JSON.stringify(mapping), mode, processed: 0, imported: 0, claimed_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('status', '=', 'uploaded'), eb.and([eb('status', '=', 'running'), eb('claimed_at', '<', new Date(now.getTime() - STALE_RUN_MS))])]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Uploads never run are dropped after a week: they hold whole customer books. */
export async function dropOldUploads(db: Db, now: Date) {
  await db
    .deleteFrom('customer_imports')
    .where('status', '=', 'uploaded')
    .where('created_at', '<', new Date(now.getTime() - 7 * 86_400_000))
    .execute();
}

export async function releaseRun(db: Db, id: string, report: unknown) {
  await db
    .updateTable('customer_imports')
    .set({ status: 'uploaded', processed: 0, imported: 0, report: JSON.stringify(report) })
    .where('id', '=', id)
    .execute();
}

/** Done: the counts and the report stay, the rows themselves are dropped (the archive has them now). */
export async function finishImport(db: Db, id: string, v: { imported: number; total: number; report: unknown; at: Date }) {
  await db
    .updateTable('customer_imports')
    .set({
      status: 'done',
      processed: v.total,
      imported: v.imported,
      report: JSON.stringify(v.report),
      rows: JSON.stringify({ lines: [], cells: [] }),
      finished_at: v.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function loadLookups(db: Db): Promise<ImportLookups> {
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('active', '=', true).execute();
  const owners = new Map<string, string | null>();
  for (const u of users) {
    const key = u.display_name.trim().toLowerCase();
    owners.set(key, owners.has(key) && owners.get(key) !== u.id ? null : u.id);
  }
  for (const u of users) owners.set(u.username.toLowerCase(), u.id);
  const cats = await db.selectFrom('customer_categories').select(['kind', 'code', 'label_zh', 'label_en']).where('active', '=', true).execute();
  const classes = new Map<string, string>();
  const tiers = new Map<string, string>();
  for (const c of cats) {
    const m = c.kind === 'class' ? classes : tiers;
    for (const k of [c.code, c.label_zh, c.label_en]) m.set(k.trim().toLowerCase(), c.code);
  }
  return { owners, classes, tiers };
}

/** Which of these mobiles a live customer already has. */
export async function existingMobiles(db: Db, mobiles: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < mobiles.length; i += 20_000) {
    const chunk = mobiles.slice(i, i + 20_000);
    const rows = await db
      .selectFrom('customers')
      .select('mobile')
      .where(sql<boolean>`mobile = any(${chunk}::text[])`)
      .where('merged_into', 'is', null)
      .execute();
    for (const r of rows) if (r.mobile) found.add(r.mobile);
  }
  return found;
}

/**
 * One multi-row insert of customers and, in the same statement, their 'customer.created' timeline
 * events: no round trip for the new ids.
 */
export async function insertCustomerBatch(
  trx: Db,
  batch: NewCustomer[],
  event: { at: Date; actorId: string; actorName: string; data: Record<string, unknown> },
) {
  await trx
    .with('ins', (db) => db.insertInto('customers').values(batch).returning('id'))
    .insertInto('timeline_events')
    .columns(['customer_id', 'kind', 'at', 'actor_id', 'actor_name', 'data'])
    .expression(
      sql`select ins.id, 'customer.created', ${event.at}::timestamptz, ${event.actorId}::uuid, ${event.actorName}, ${JSON.stringify(event.data)}::jsonb from ins` as never,
    )
    .execute();
}

/** What the PGlite bulk path needs of PGlite: a query that reads COPY data from a blob. */
export interface BlobCopier {
  query(sql: string, params: unknown[], opts: { blob: Blob }): Promise<unknown>;
}

/** One value in PostgreSQL's COPY text format; arrays as array literals, then escaped like any text. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return copyValue(`{${v.map((x) => `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  return String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/**
 * PGlite only: the batch by COPY (measured: about half the CPU of a multi-row INSERT, the indexes
 * being the other half), with ids made here so the timeline events follow in one INSERT … SELECT.
 * Runs on the same single PGlite session, inside the caller's open transaction.
 */
export async function copyCustomerBatch(
  pglite: BlobCopier,
  trx: Db,
  batch: NewCustomer[],
  event: { at: Date; actorId: string; actorName: string; data: Record<string, unknown> },
) {
  const rows = batch.map((b) => ({ ...b, id: randomUUID() }));
  const columns = Object.keys(rows[0]!) as (keyof (typeof rows)[number])[];
  const text = rows.map((r) => columns.map((c) => copyValue(r[c])).join('\t')).join('\n') + '\n';
  await pglite.query(`copy customers (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
  await sql`insert into timeline_events (customer_id, kind, at, actor_id, actor_name, data)
    select id, 'customer.created', ${event.at}::timestamptz, ${event.actorId}::uuid, ${event.actorName}, ${JSON.stringify(event.data)}::jsonb
    from unnest(${rows.map((r) => r.id)}::uuid[]) as id`.execute(trx);
}
