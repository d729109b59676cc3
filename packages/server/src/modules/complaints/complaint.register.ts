import { MAX_LOGGED_LATE_DAYS, slaLimitsFor, zonedDate, type Complaint, type MessageKey, type RegisterComplaintBody } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { appendAudit } from '../audit';
import { canSee as canSeeCustomer } from '../customers';
import { insertNotifications, type NewNotification } from '../notifications';
import { actorRef, userIdOf, type ComplaintCore } from './complaint.core';
import { caseLink, notes } from './complaint.notify';
import { activeUsers, findComplaint, insertStep, nextNumber } from './complaint.repo';
import { deadlines, watchMoment } from './complaint.sla';

export const fieldError = (path: string, message: MessageKey) => new AppError('error.validation', 400, {}, { errors: [{ path, message }] });

/** A letter or a walk-in may be logged later, never ahead of the clock (a minute of skew between machines is allowed). */
const FUTURE_SKEW_MS = 60_000;

/** People named on a case: active users; the assignee must be able to handle complaints. */
export async function checkPeople(
  trx: Db,
  people: { path: string; id: string | null; handles?: boolean }[],
): Promise<Map<string, { name: string; handles: boolean }>> {
  const ids = people.map((p) => p.id).filter((id): id is string => Boolean(id));
  const found = await activeUsers(trx, [...new Set(ids)]);
  for (const p of people) {
    if (!p.id) continue;
    const user = found.get(p.id);
    if (!user) throw fieldError(p.path, 'complaint.unknown_user');
    if (p.handles && !user.handles) throw fieldError(p.path, 'complaint.assignee_cannot_handle');
  }
  return found;
}

export async function checkDepartment(trx: Db, departmentId: string | null, path = 'departmentId'): Promise<string | null> {
  if (!departmentId) return null;
  const row = await trx.selectFrom('departments').select('name').where('id', '=', departmentId).executeTakeFirst();
  if (!row) throw fieldError(path, 'complaint.unknown_department');
  return row.name;
}

/** Registration (登记): the top half of the form of seed 003 附件二, a number to read on the phone, both deadlines. */
export function createRegister(core: ComplaintCore) {
  const { db } = core;

  async function checkCustomer(trx: Db, ctx: Ctx, customerId: string | null) {
    if (!customerId) return;
    const c = await trx.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', customerId).executeTakeFirst();
    // linking a customer one may not see would show its name on the case: the same answer as "no such customer"
    if (!c || c.merged_into || !canSeeCustomer(ctx.actor, c)) throw fieldError('customerId', 'complaint.unknown_customer');
  }

  async function register(ctx: Ctx, input: RegisterComplaintBody): Promise<Complaint> {
    const e = await core.env();
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > e.now.getTime() + FUTURE_SKEW_MS) {
      throw new AppError('complaint.received_in_future', 400, {}, { errors: [{ path: 'receivedAt', message: 'complaint.received_in_future' }] });
    }
    if (receivedAt.getTime() < e.now.getTime() - MAX_LOGGED_LATE_DAYS * 86_400_000) {
      const params = { days: MAX_LOGGED_LATE_DAYS };
      throw new AppError('complaint.received_too_early', 400, params, { errors: [{ path: 'receivedAt', message: 'complaint.received_too_early', params }] });
    }
    if (input.assigneeId && !ctx.actor.permissions.has('complaint:handle')) throw forbidden();
    const limits = slaLimitsFor(e.settings, input.category, input.severity);
    const due = deadlines(e.cal, receivedAt, limits, [], e.now);
    const receiverId = input.receiverId ?? userIdOf(ctx);
    let told: NewNotification[] = [];
    const row = await db.transaction().execute(async (trx) => {
      await checkCustomer(trx, ctx, input.customerId);
      await checkDepartment(trx, input.departmentId);
      await checkPeople(trx, [
        { path: 'receiverId', id: receiverId },
        { path: 'assigneeId', id: input.assigneeId, handles: true },
      ]);
      // the day of registration in the department's zone: the number is what people say on the phone today
      const number = await nextNumber(trx, zonedDate(e.now, e.cal.config.timeZone));
      const facts = { receivedAt, ...limits, ...due, respondedAt: null, resolvedAt: null, pausedSince: null, closed: false, alerted: [] };
      const inserted = await trx
        .insertInto('complaints')
        .values({
          number,
          received_at: receivedAt,
          channel: input.channel,
          complainant_name: input.complainantName,
          complainant_phone: input.complainantPhone,
          customer_id: input.customerId,
          content: input.content,
          category: input.category,
          severity: input.severity,
          major: input.major,
          department_id: input.departmentId,
          receiver_id: receiverId,
          assignee_id: input.assigneeId,
          response_hours: limits.responseHours,
          resolve_days: limits.resolveDays,
          response_due_at: due.responseDueAt,
          resolve_due_at: due.resolveDueAt,
          current_due_at: due.responseDueAt,
          watch_at: watchMoment(e.cal, facts, [], e.settings.atRiskFraction),
          created_by: userIdOf(ctx),
          created_at: e.now,
          updated_at: e.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = (await findComplaint(trx, inserted.id))!;
      const data = {
        channel: row.channel,
        category: row.category,
        severity: row.severity,
        major: row.major,
        limits,
        responseDueAt: due.responseDueAt.toISOString(),
        resolveDueAt: due.resolveDueAt.toISOString(),
      };
      await insertStep(trx, { complaintId: row.id, action: 'register', from: null, to: 'registered', at: e.now, actor: actorRef(ctx), data });
      await appendAudit(trx, ctx, {
        action: 'complaint.register',
        entityType: 'complaint',
        entityId: row.id,
        detail: { number, category: row.category, severity: row.severity },
      });
      await core.onTimeline(trx, ctx, row, 'registered', { category: row.category, severity: row.severity, channel: row.channel }, e.now);
      told = notes(
        [row.assignee_id],
        'assigned',
        `${row.id}:1`,
        { number, complainant: row.complainant_name, by: ctx.actor.name },
        caseLink(row.id),
        userIdOf(ctx),
      );
      return row;
    });
    await insertNotifications(db, told, e.now);
    return core.presentOne(ctx, row, 'full', e);
  }

  return { register };
}
