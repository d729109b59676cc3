import { bookingsToIcs } from '@kefu/shared';
import { systemCtx, type Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { canSee } from '../customers';
import type { BookingCore } from './booking.core';
import { customerFacts } from './booking.mapper';
import { selectBookings, type BookingRow } from './booking.repo';

const DAY = 86_400_000;

/**
 * Calendar export (issue 6): a resource's or a customer's bookings from 30 days back to 180 ahead as
 * iCalendar. Cancelled ones stay in the feed as CANCELLED so a subscribed calendar removes them.
 */
export function createBookingFeed(core: BookingCore) {
  const { db, clock } = core;

  async function feed(ctx: Ctx, of: { resourceId?: string; customerId?: string }): Promise<string> {
    return render(ctx, of, (r) => canSee(ctx.actor, customerFacts(r)));
  }

  /**
   * A feed read by its secret token (calendar apps send no cookie): a customer's own feed names the
   * resource; a resource's feed never names customers, since a calendar URL is easily passed on.
   */
  async function byToken(of: { resourceId?: string; customerId?: string }): Promise<string> {
    return render(systemCtx(['customer:read', 'customer:read_all']), of, () => false);
  }

  async function render(ctx: Ctx, of: { resourceId?: string; customerId?: string }, names: (r: BookingRow) => boolean): Promise<string> {
    const now = clock.now();
    const zh = ctx.lang === 'zh-CN';
    let name: string;
    let q = selectBookings(db)
      .where('bookings.starts_at', '>=', new Date(now.getTime() - 30 * DAY))
      .where('bookings.starts_at', '<', new Date(now.getTime() + 180 * DAY));
    if (of.customerId) {
      const c = await db.selectFrom('customers').select(['name', 'owner_id', 'lifecycle', 'merged_into']).where('id', '=', of.customerId).executeTakeFirst();
      if (!c || !canSee(ctx.actor, c)) throw notFound();
      name = zh ? `${c.name}的预约` : `Bookings of ${c.name}`;
      q = q.where('bookings.customer_id', '=', of.customerId);
    } else {
      const r = await db.selectFrom('resources').select('name').where('id', '=', of.resourceId!).executeTakeFirst();
      if (!r) throw notFound();
      name = zh ? `${r.name}的预约` : `Bookings of ${r.name}`;
      q = q.where('bookings.resource_id', '=', of.resourceId!);
    }
    const rows = await q.orderBy('bookings.starts_at').execute();
    const events = rows.map((r) => {
      // on a resource's calendar: who comes, when the reader may see that customer; else only that it is taken
      const who = names(r) ? r.customer_name : zh ? '已预约' : 'Booked';
      const places = r.places > 1 ? (zh ? `（${r.places}人）` : ` (${r.places} places)`) : '';
      return {
        uid: `${r.id}@kefu`,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        summary: of.customerId ? `${r.resource_name}${places}` : `${who}${places}`,
        description: [r.number, r.notes].filter(Boolean).join('\n'),
        cancelled: r.status === 'cancelled',
        sequence: r.version - 1,
        updatedAt: r.updated_at,
      };
    });
    return bookingsToIcs(name, events, now);
  }

  return { feed, byToken };
}
