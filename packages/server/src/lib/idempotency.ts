import type { Db } from '../db/client';
import { AppError } from './errors';
import { sha256 } from './tokens';

/**
 * Idempotency-Key for requests that move balances or send messages (API.md "Writes"). The key row is
 * inserted FIRST in the request's own transaction, under a unique (actor, key): a second request with the
 * same key waits on that row until the first commits, then finds it and answers the stored result; the
 * work is never applied twice, on one instance or many. If the first request fails, its transaction (and
 * its key row) rolls back, and a retry with the same key runs afresh. Same key, different body: refused.
 */
export interface IdempotentRequest {
  key: string | undefined;
  actorId: string;
  /** the route and its params, e.g. `POST /api/v1/cards/:id/entries ab12…`: a key is bound to one request */
  route: string;
  body: unknown;
  now: Date;
}
export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` header, checked: required on every balance-moving request. */
export function idempotencyKey(header: unknown): string {
  if (typeof header !== 'string' || !KEY.test(header)) throw new AppError('idempotency.key_required', 400);
  return header;
}

/** A stable JSON (sorted keys) so that the same body in another key order is the same request. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export async function idempotent<T>(db: Db, req: IdempotentRequest, work: (trx: Db) => Promise<{ status: number; body: T }>): Promise<IdempotentResult<T>> {
  const key = idempotencyKey(req.key);
  const hash = sha256(`${req.route}\n${canonical(req.body)}`);
  return db.transaction().execute(async (trx) => {
    const mine = await trx
      .insertInto('idempotency_keys')
      .values({ actor_id: req.actorId, key, route: req.route, request_hash: hash, status: null, body: null, created_at: req.now })
      .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!mine) {
      // the first request has committed (we waited on its row): answer what it answered
      const first = await trx.selectFrom('idempotency_keys').selectAll().where('actor_id', '=', req.actorId).where('key', '=', key).executeTakeFirstOrThrow();
      if (first.request_hash !== hash || first.status === null) throw new AppError('idempotency.key_reused', 422);
      return { status: first.status, body: first.body as T, replayed: true };
    }
    const out = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status: out.status, body: JSON.stringify(out.body) })
      .where('actor_id', '=', req.actorId)
      .where('key', '=', key)
      .execute();
    return { ...out, replayed: false };
  });
}

/** Keys older than this are forgotten by the nightly sweep: retries come within minutes, not days. */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const res = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
