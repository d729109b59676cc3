import type { Notification, NotificationPage } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { NotificationRow } from '../../db/schema-complaints';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { page, readCursor } from '../../lib/pagination';
import { renderNotification } from './notification.text';

/** The reader's own notifications: newest first, the unread count for the badge, mark as read. */
export function createNotificationService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function toNotification(row: NotificationRow, ctx: Ctx): Notification {
    const { title, body } = renderNotification(row.kind, (row.params ?? {}) as Record<string, unknown>, ctx.lang);
    return { id: row.id, kind: row.kind, title, body, link: row.link, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null };
  }

  async function unreadCount(userId: string): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async function list(ctx: Ctx, q: { unread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined }): Promise<NotificationPage> {
    let query = db.selectFrom('notifications').selectAll().where('user_id', '=', ctx.actor.id);
    if (q.unread === 'true') query = query.where('read_at', 'is', null);
    const cursor = readCursor(q.cursor, ['time', 'uuid']);
    if (cursor) query = query.where(sql<boolean>`(created_at, id) < (${new Date(String(cursor[0]))}::timestamptz, ${String(cursor[1])}::uuid)`);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const result = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: result.items.map((r) => toNotification(r, ctx)), unread: await unreadCount(ctx.actor.id), nextCursor: result.nextCursor };
  }

  /** Someone else's notification is "not found", like any record outside one's scope. */
  async function markRead(ctx: Ctx, id: string): Promise<Notification> {
    const row = await db
      .updateTable('notifications')
      .set({ read_at: sql`coalesce(read_at, ${clock.now()})` })
      .where('id', '=', id)
      .where('user_id', '=', ctx.actor.id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound();
    return toNotification(row, ctx);
  }

  async function markAllRead(ctx: Ctx): Promise<{ updated: number }> {
    const rows = await db
      .updateTable('notifications')
      .set({ read_at: clock.now() })
      .where('user_id', '=', ctx.actor.id)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    return { updated: rows.length };
  }

  return { list, markRead, markAllRead, unreadCount };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
