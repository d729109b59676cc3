import { feedTokenCreateSchema, type FeedToken } from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/tokens';
import { appendAudit } from '../audit';
import { canSee } from '../customers';
import { actorId, type BookingCore } from './booking.core';

type Row = {
  id: string;
  prefix: string;
  resource_id: string | null;
  customer_id: string | null;
  label: string;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const present = (r: Row): FeedToken => ({
  id: r.id,
  prefix: r.prefix,
  resourceId: r.resource_id,
  customerId: r.customer_id,
  label: r.label,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/**
 * Calendar subscription links (iCalendar by a secret token in the URL: calendar apps cannot send
 * cookies). The token is shown once and stored as its SHA-256, as API keys are; revoking it ends the
 * feed at once. Whoever may read the resource or the customer may make one; its maker or a manager
 * (resource:manage) revokes it.
 */
export function createFeedTokens(core: BookingCore, feed: { byToken(of: { resourceId?: string; customerId?: string }): Promise<string> }) {
  const { db, clock } = core;

  async function create(ctx: Ctx, raw: { resourceId?: string | undefined; customerId?: string | undefined; label?: string | undefined }) {
    const input = feedTokenCreateSchema.parse(raw);
    if (input.customerId) {
      const c = await db.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', input.customerId).executeTakeFirst();
      if (!c || !canSee(ctx.actor, c)) throw notFound();
    } else {
      const r = await db.selectFrom('resources').select('id').where('id', '=', input.resourceId!).executeTakeFirst();
      if (!r) throw notFound();
    }
    const token = randomToken(24);
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('booking_feed_tokens')
        .values({
          token_hash: sha256(token),
          prefix: token.slice(0, 6),
          resource_id: input.resourceId ?? null,
          customer_id: input.customerId ?? null,
          label: input.label,
          created_by_id: actorId(ctx),
          created_by_name: ctx.actor.name,
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, {
        action: 'booking.feed_token_create',
        entityType: 'booking_feed_token',
        entityId: inserted.id,
        detail: { resourceId: input.resourceId ?? null, customerId: input.customerId ?? null, prefix: inserted.prefix },
      });
      return inserted;
    });
    return { ...present(row), token, path: `/api/v1/bookings/feed/${token}.ics` };
  }

  async function list(ctx: Ctx): Promise<FeedToken[]> {
    let q = db.selectFrom('booking_feed_tokens').selectAll().where('revoked_at', 'is', null);
    if (!ctx.actor.permissions.has('resource:manage')) q = q.where('created_by_id', '=', actorId(ctx));
    return (await q.orderBy('created_at', 'desc').limit(200).execute()).map(present);
  }

  async function revoke(ctx: Ctx, id: string): Promise<FeedToken> {
    return db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('booking_feed_tokens').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row || (row.created_by_id !== actorId(ctx) && !ctx.actor.permissions.has('resource:manage'))) throw new AppError('feed.not_found', 404);
      const now = clock.now();
      const done = await trx
        .updateTable('booking_feed_tokens')
        .set({ revoked_at: row.revoked_at ?? now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'booking.feed_token_revoke', entityType: 'booking_feed_token', entityId: id, detail: { prefix: row.prefix } });
      return present(done);
    });
  }

  /** The feed of a live token; an unknown or revoked one is the same 404. */
  async function read(token: string): Promise<string> {
    const row = await db
      .selectFrom('booking_feed_tokens')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('feed.not_found', 404);
    await db.updateTable('booking_feed_tokens').set({ last_used_at: clock.now() }).where('id', '=', row.id).execute();
    return feed.byToken(row.customer_id ? { customerId: row.customer_id } : { resourceId: row.resource_id! });
  }

  return { create, list, revoke, read };
}
