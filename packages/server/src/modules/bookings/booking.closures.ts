import {
  closureRequestSchema,
  isLateClosure,
  suggestQuieterSlots,
  zonedDate,
  type AffectedBooking,
  type ClosureDetail,
  type ClosureRequest,
  type Resource,
  type SuggestedSlot,
} from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { canSee } from '../customers';
import { claim, emit, localTime, onTimeline, type BookingCore } from './booking.core';
import { busyBetween, closuresOverlapping, findBooking, releaseSlot, selectBookings } from './booking.repo';
import type { BookingSteps } from './booking.steps';

const DAY = 86_400_000;
const closureNotFound = () => new AppError('closure.not_found', 404);

/**
 * Closures (维护停用, SPEC §6 "affected customers notified at least 3 days ahead and offered other
 * times"): a closure over booked times lists each booking with the nearest free alternatives; one that
 * starts fewer than the notice days ahead needs a manager's confirmation (booking:approve) and is marked
 * late. Each affected customer gets a task on the follow-up call list (dedupe key
 * closure:<closure>:<booking>), an email where they have an address, and a "notified" tick; each
 * booking is then moved to an alternative or cancelled without charge, recorded.
 */
export function createBookingClosures(
  core: BookingCore,
  steps: BookingSteps,
  orSlotFull: <T>(r: Resource, w: { startsAt: Date; endsAt: Date; places: number }, work: () => Promise<T>) => Promise<T>,
) {
  const { db, clock } = core;

  /** Free times of the same length on the same resource, nearest first, outside the closure. */
  async function alternatives(
    resource: Resource,
    b: { starts_at: Date; ends_at: Date; places: number },
    extra: { startsAt: Date; endsAt: Date }[],
    tz: string,
  ): Promise<SuggestedSlot[]> {
    const now = clock.now();
    const from = new Date(Math.max(now.getTime(), b.starts_at.getTime() - 7 * DAY));
    const to = new Date(from.getTime() + 15 * DAY);
    const [busy, closures] = await Promise.all([busyBetween(db, resource.id, from, to), closuresOverlapping(db, resource.id, from, to)]);
    const found = suggestQuieterSlots({
      wanted: { startsAt: b.starts_at, endsAt: b.ends_at },
      places: b.places,
      capacity: resource.capacity,
      hours: resource.openingHours,
      closures: [...closures.map((c) => ({ startsAt: c.starts_at, endsAt: c.ends_at })), ...extra],
      busy: busy.map((x) => ({ startsAt: x.starts_at, endsAt: x.ends_at, places: x.places })),
      timeZone: tz,
      now,
      limit: 200,
    });
    const at = b.starts_at.getTime();
    return found
      .sort((x, y) => Math.abs(x.startsAt.getTime() - at) - Math.abs(y.startsAt.getTime() - at))
      .slice(0, 3)
      .map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), free: s.free }));
  }

  async function bookedInside(q: Db, resourceId: string, startsAt: Date, endsAt: Date) {
    return selectBookings(q)
      .where('bookings.resource_id', '=', resourceId)
      .where('bookings.status', '=', 'booked')
      .where('bookings.starts_at', '<', endsAt)
      .where('bookings.ends_at', '>', startsAt)
      .orderBy('bookings.starts_at')
      .execute();
  }

  /** What a closure would touch, before it is made: the screen shows it with the late warning. */
  async function preview(ctx: Ctx, resourceId: string, raw: ClosureRequest): Promise<ClosureDetail> {
    const input = closureRequestSchema.parse(raw);
    const resource = await core.resources.get(resourceId);
    const tz = await core.timeZone();
    const { closureNoticeDays } = await core.extras.read();
    const span = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    const rows = await bookedInside(db, resourceId, span.startsAt, span.endsAt);
    const affected: AffectedBooking[] = [];
    for (const r of rows) {
      affected.push({
        bookingId: r.id,
        number: r.number,
        customerId: r.customer_id,
        customerName: canSee(ctx.actor, { owner_id: r.customer_owner_id, lifecycle: r.customer_lifecycle, merged_into: r.customer_merged_into })
          ? r.customer_name
          : null,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        places: r.places,
        emailStatus: 'pending',
        notifiedAt: null,
        notifiedBy: null,
        outcome: 'pending',
        movedTo: null,
        alternatives: await alternatives(resource, r, [span], tz),
      });
    }
    return {
      id: null,
      resourceId,
      resourceName: resource.name,
      startsAt: span.startsAt.toISOString(),
      endsAt: span.endsAt.toISOString(),
      reason: input.reason,
      late: isLateClosure(span.startsAt, clock.now(), closureNoticeDays),
      noticeDays: closureNoticeDays,
      confirmedBy: null,
      createdBy: null,
      affected,
    };
  }

  async function create(ctx: Ctx, resourceId: string, raw: ClosureRequest): Promise<ClosureDetail> {
    const input = closureRequestSchema.parse(raw);
    const now = clock.now();
    const tz = await core.timeZone();
    const { closureNoticeDays } = await core.extras.read();
    const resource = await core.resources.get(resourceId);
    const span = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    const late = isLateClosure(span.startsAt, now, closureNoticeDays);
    if (late && !input.confirmLate) throw conflict('closure.late_needs_confirmation', { days: closureNoticeDays });
    if (late && !ctx.actor.permissions.has('booking:approve')) throw new AppError('closure.late_needs_approver', 403, { days: closureNoticeDays });
    const when = (d: Date) => `${zonedDate(d, tz)} ${localTime(d, tz)}`;
    const { id, mails } = await db.transaction().execute(async (trx) => {
      const closure = await trx
        .insertInto('resource_closures')
        .values({
          resource_id: resourceId,
          starts_at: span.startsAt,
          ends_at: span.endsAt,
          reason: input.reason,
          created_by_name: ctx.actor.name,
          created_at: now,
          late,
          confirmed_by_name: late ? ctx.actor.name : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = await bookedInside(trx, resourceId, span.startsAt, span.endsAt);
      const mails: { bookingId: string; to: string; text: string; subject: string }[] = [];
      for (const r of rows) {
        const c = await trx.selectFrom('customers').select(['email', 'owner_id', 'title', 'name']).where('id', '=', r.customer_id).executeTakeFirstOrThrow();
        await trx
          .insertInto('closure_affected_bookings')
          .values({ closure_id: closure.id, booking_id: r.id, customer_id: r.customer_id, email_status: c.email ? 'pending' : 'no_email' })
          .execute();
        await onTimeline(trx, ctx, r, 'closure_notice', now, tz, { reason: input.reason });
        // a call on the follow-up list: the customer is told and offered another time (seed 003; migration 011)
        await trx
          .insertInto('follow_up_tasks')
          .values({
            customer_id: r.customer_id,
            reason: 'followup.reason.booking_closure',
            reason_params: JSON.stringify({ resource: resource.name, number: r.number, when: when(r.starts_at) }),
            dedupe_key: `closure:${closure.id}:${r.id}`,
            ref_type: 'booking',
            ref_id: r.id,
            due_at: now,
            priority: late ? 1 : 2,
            assignee_id: r.taken_by_id ?? c.owner_id,
            created_at: now,
            created_by: ctx.actor.id === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.id,
          })
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .execute();
        if (c.email)
          mails.push({
            bookingId: r.id,
            to: c.email,
            subject: `预约变更通知：${resource.name} ${when(r.starts_at)} 场地维护`,
            text: `${c.name}${c.title === 'ms' ? '女士' : c.title === 'mr' ? '先生' : ''}，您好：\n\n您预约的 ${resource.name}（${when(r.starts_at)}，预约号 ${r.number}）因${input.reason}暂停使用。我们会尽快致电为您改约其他时间，或为您取消且不扣课时。\n\n客服部`,
          });
      }
      await appendAudit(trx, ctx, {
        action: 'resource.closure',
        entityType: 'resource',
        entityId: resourceId,
        detail: { closureId: closure.id, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason, late, affected: rows.length },
      });
      return { id: closure.id, mails };
    });
    // emails after the commit, outside any transaction; each outcome recorded on its row
    const configured = (await core.mailer.status()).configured;
    for (const m of mails) {
      let status: 'sent' | 'failed' | 'not_configured' = 'not_configured';
      if (configured) {
        try {
          await core.mailer.send({ to: m.to, subject: m.subject, text: m.text });
          status = 'sent';
        } catch {
          status = 'failed';
        }
      }
      await db
        .updateTable('closure_affected_bookings')
        .set({ email_status: status, ...(status === 'sent' ? { notified_at: clock.now(), notified_by_name: 'email' } : {}) })
        .where('closure_id', '=', id)
        .where('booking_id', '=', m.bookingId)
        .execute();
    }
    return detail(ctx, id);
  }

  async function detail(ctx: Ctx, id: string): Promise<ClosureDetail> {
    const c = await db.selectFrom('resource_closures').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw closureNotFound();
    const resource = await core.resources.get(c.resource_id);
    const tz = await core.timeZone();
    const { closureNoticeDays } = await core.extras.read();
    const rows = await db
      .selectFrom('closure_affected_bookings as a')
      .innerJoin('bookings as b', 'b.id', 'a.booking_id')
      .innerJoin('customers as c', 'c.id', 'a.customer_id')
      .selectAll('a')
      .select(['b.number', 'b.starts_at', 'b.ends_at', 'b.places', 'c.name', 'c.owner_id', 'c.lifecycle', 'c.merged_into'])
      .where('a.closure_id', '=', id)
      .orderBy('b.starts_at')
      .execute();
    const affected: AffectedBooking[] = [];
    for (const r of rows) {
      affected.push({
        bookingId: r.booking_id,
        number: r.number,
        customerId: r.customer_id,
        customerName: canSee(ctx.actor, { owner_id: r.owner_id, lifecycle: r.lifecycle, merged_into: r.merged_into }) ? r.name : null,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        places: r.places,
        emailStatus: r.email_status,
        notifiedAt: r.notified_at?.toISOString() ?? null,
        notifiedBy: r.notified_by_name,
        outcome: r.outcome,
        movedTo: r.moved_to?.toISOString() ?? null,
        alternatives: r.outcome === 'pending' ? await alternatives(resource, r, [], tz) : [],
      });
    }
    return {
      id: c.id,
      resourceId: c.resource_id,
      resourceName: resource.name,
      startsAt: c.starts_at.toISOString(),
      endsAt: c.ends_at.toISOString(),
      reason: c.reason,
      late: c.late,
      noticeDays: closureNoticeDays,
      confirmedBy: c.confirmed_by_name,
      createdBy: c.created_by_name,
      affected,
    };
  }

  /** The agent phoned the customer: ticked, by whom and when. */
  async function markNotified(ctx: Ctx, id: string, bookingId: string): Promise<ClosureDetail> {
    const done = await db
      .updateTable('closure_affected_bookings')
      .set({ notified_at: clock.now(), notified_by_name: ctx.actor.name })
      .where('closure_id', '=', id)
      .where('booking_id', '=', bookingId)
      .returning('booking_id')
      .executeTakeFirst();
    if (!done) throw closureNotFound();
    return detail(ctx, id);
  }

  /**
   * The affected booking moves to a chosen free time (no change window: the department moved it, not
   * the customer) or is cancelled without charge (the `waived` hooks give a held credit back).
   */
  async function resolve(
    ctx: Ctx,
    id: string,
    bookingId: string,
    input: { action: 'move'; startsAt: string; endsAt: string } | { action: 'cancel' },
  ): Promise<ClosureDetail> {
    const now = clock.now();
    const tz = await core.timeZone();
    const first = await findBooking(db, bookingId);
    if (!first) throw closureNotFound();
    const resource = await core.resources.get(first.resource_id);
    const work = () =>
      db.transaction().execute(async (trx) => {
        const a = await trx
          .selectFrom('closure_affected_bookings')
          .selectAll()
          .where('closure_id', '=', id)
          .where('booking_id', '=', bookingId)
          .forUpdate()
          .executeTakeFirst();
        if (!a) throw closureNotFound();
        if (a.outcome !== 'pending') throw conflict('closure.already_resolved');
        const row = await steps.load(trx, ctx, bookingId, input.action === 'move' ? 'move' : 'cancel');
        if (row.slot_starts_at) await releaseSlot(trx, row.resource_id, row.slot_starts_at, row.places);
        if (input.action === 'move') {
          const w = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), places: row.places };
          await claim(core, trx, resource, w, { timeZone: tz });
          await trx
            .updateTable('bookings')
            .set({
              starts_at: w.startsAt,
              ends_at: w.endsAt,
              slot_starts_at: row.slot_starts_at ? w.startsAt : null,
              updated_at: now,
              version: row.version + 1,
            })
            .where('id', '=', bookingId)
            .execute();
          await onTimeline(trx, ctx, { ...row, starts_at: w.startsAt }, 'moved', now, tz, { via: 'phone', from: row.starts_at.toISOString() });
        } else {
          await trx
            .updateTable('bookings')
            .set({ status: 'cancelled', cancelled_at: now, cancel_reason: '场地维护', charge_waived: true, updated_at: now, version: row.version + 1 })
            .where('id', '=', bookingId)
            .execute();
          await onTimeline(trx, ctx, row, 'closure_cancelled', now, tz);
          await emit(core, trx, ctx, 'waived', row, now);
        }
        await trx
          .updateTable('closure_affected_bookings')
          .set({
            outcome: input.action === 'move' ? 'moved' : 'cancelled',
            moved_to: input.action === 'move' ? new Date(input.startsAt) : null,
            resolved_at: now,
            resolved_by_name: ctx.actor.name,
          })
          .where('closure_id', '=', id)
          .where('booking_id', '=', bookingId)
          .execute();
        await appendAudit(trx, ctx, {
          action: `booking.closure_${input.action}`,
          entityType: 'booking',
          entityId: bookingId,
          detail: { closureId: id, number: row.number },
        });
        // the time given up is inside the closure: nobody waits for it (no waiting-list offer)
      });
    if (input.action === 'move') await orSlotFull(resource, { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), places: first.places }, work);
    else await work();
    return detail(ctx, id);
  }

  return { preview, create, detail, markNotified, resolve };
}
