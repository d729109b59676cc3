import type { ComplaintTransfer } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { ComplaintTransferRow } from '../../db/schema-complaints';
import type { Ctx } from '../../lib/context';
import { conflict } from '../../lib/errors';
import { page, readCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { insertNotifications, type NewNotification } from '../notifications';
import { actorRef, complaintNotFound, userIdOf, type ComplaintCore } from './complaint.core';
import { createMover } from './complaint.move';
import { caseLink, departmentHandlers, localTime, notes } from './complaint.notify';
import { checkDepartment, fieldError } from './complaint.register';
import { insertStep } from './complaint.repo';

type TransferRowNamed = ComplaintTransferRow & { complaint_number: string; department_name: string; answered_by_name: string | null };

function selectTransfers(db: Db) {
  return db
    .selectFrom('complaint_transfers as t')
    .innerJoin('complaints as c', 'c.id', 't.complaint_id')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .leftJoin('users as u', 'u.id', 't.answered_by')
    .selectAll('t')
    .select(['c.number as complaint_number', 'd.name as department_name', 'u.display_name as answered_by_name']);
}

function toTransfer(r: TransferRowNamed, now: Date): ComplaintTransfer {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    complaintNumber: r.complaint_number,
    department: { id: r.department_id, name: r.department_name },
    request: r.request,
    dueAt: r.due_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
    answer: r.answer,
    answeredAt: r.answered_at?.toISOString() ?? null,
    answeredBy: r.answered_by ? { id: r.answered_by, name: r.answered_by_name ?? '' } : null,
    overdue: !r.answered_at && r.due_at < now,
    remindersSent: r.reminders_sent,
  };
}

/**
 * Transfers to another department (seed 001 客诉专员 "需要转交相关部门…要做到跟进和督促"): the
 * department's handlers see only what was transferred to them, answer in the case, and are reminded
 * daily once the answer is overdue (complaint.watch.ts).
 */
export function createTransfers(core: ComplaintCore) {
  const { db, clock } = core;
  const { move } = createMover(core);

  async function transfer(ctx: Ctx, id: string, b: { version: number; departmentId: string; request: string; dueAt: string }): Promise<ComplaintTransfer> {
    let transferId = '';
    await move(ctx, id, 'transfer', b.version, async (trx, row, e) => {
      const dueAt = new Date(b.dueAt);
      if (dueAt <= e.now) throw fieldError('dueAt', 'complaint.in_past');
      const department = (await checkDepartment(trx, b.departmentId))!;
      const inserted = await trx
        .insertInto('complaint_transfers')
        .values({
          complaint_id: row.id,
          department_id: b.departmentId,
          request: b.request,
          due_at: dueAt,
          created_at: e.now,
          created_by: userIdOf(ctx),
          created_by_name: ctx.actor.name,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      transferId = inserted.id;
      const due = localTime(dueAt, e.cal.config.timeZone);
      return {
        set: {},
        data: { transferId, department, request: b.request, dueAt: dueAt.toISOString() },
        timeline: { department },
        tell: async () =>
          notes(
            await departmentHandlers(trx, b.departmentId),
            'transferred',
            transferId,
            { number: row.number, department, due },
            caseLink(row.id),
            userIdOf(ctx),
          ),
      };
    });
    const row = await selectTransfers(db).where('t.id', '=', transferId).executeTakeFirstOrThrow();
    return toTransfer(row, clock.now());
  }

  /** The department's answer, in the case; an officer may record it for them (a phone call). */
  async function answer(ctx: Ctx, transferId: string, text: string): Promise<ComplaintTransfer> {
    const e = await core.env();
    let told: NewNotification[] = [];
    await db.transaction().execute(async (trx) => {
      const t = await trx.selectFrom('complaint_transfers').selectAll().where('id', '=', transferId).forUpdate().executeTakeFirst();
      if (!t) throw complaintNotFound();
      const { row, view } = await core.load(ctx, t.complaint_id, trx);
      const handles = view === 'full' && ctx.actor.permissions.has('complaint:handle');
      if (!handles && t.department_id !== ctx.actor.departmentId) throw complaintNotFound();
      if (t.answered_at) throw conflict('complaint.transfer_answered');
      await trx
        .updateTable('complaint_transfers')
        .set({ answer: text, answered_at: e.now, answered_by: userIdOf(ctx) })
        .where('id', '=', transferId)
        .execute();
      const department = (await checkDepartment(trx, t.department_id))!;
      await insertStep(trx, {
        complaintId: row.id,
        action: 'transfer_answer',
        from: null,
        to: null,
        at: e.now,
        actor: actorRef(ctx),
        data: { transferId, department, answer: text, late: e.now > t.due_at },
      });
      await appendAudit(trx, ctx, {
        action: 'complaint.transfer_answer',
        entityType: 'complaint',
        entityId: row.id,
        detail: { number: row.number, transferId, department },
      });
      await core.onTimeline(trx, ctx, row, 'transfer_answered', { department }, e.now);
      const short = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      told = notes(
        [row.assignee_id, t.created_by],
        'transfer_answered',
        transferId,
        { number: row.number, department, answer: short },
        caseLink(row.id),
        userIdOf(ctx),
      );
    });
    await insertNotifications(db, told, e.now);
    return toTransfer(await selectTransfers(db).where('t.id', '=', transferId).executeTakeFirstOrThrow(), e.now);
  }

  async function listForCase(ctx: Ctx, id: string): Promise<ComplaintTransfer[]> {
    const { view } = await core.load(ctx, id);
    let q = selectTransfers(db).where('t.complaint_id', '=', id);
    if (view === 'department') q = q.where('t.department_id', '=', ctx.actor.departmentId!);
    const now = clock.now();
    return (await q.orderBy('t.created_at').orderBy('t.id').execute()).map((r) => toTransfer(r, now));
  }

  /**
   * The inbox: a department handler sees their department's transfers; officers (read_all) all of them;
   * anyone else those of the cases in their own scope. Open ones by due time, else newest first.
   */
  async function inbox(ctx: Ctx, p: { open?: boolean; limit: number; cursor?: string | undefined }) {
    const a = ctx.actor;
    let q = selectTransfers(db);
    if (!a.permissions.has('complaint:read_all')) {
      const dept = a.permissions.has('complaint:respond') ? a.departmentId : null;
      const personal = a.permissions.has('complaint:read') ? a.id : null;
      q = q.where((eb) =>
        eb.or([
          ...(dept ? [eb('t.department_id', '=', dept)] : []),
          ...(personal ? [eb.or([eb('c.receiver_id', '=', personal), eb('c.assignee_id', '=', personal), eb('c.created_by', '=', personal)])] : []),
          eb.val(false),
        ]),
      );
    }
    const now = clock.now();
    if (p.open) {
      q = q.where('t.answered_at', 'is', null);
      const cursor = readCursor(p.cursor, ['time', 'uuid']);
      if (cursor) q = q.where(sql<boolean>`(t.due_at, t.id) > (${new Date(String(cursor[0]))}::timestamptz, ${String(cursor[1])}::uuid)`);
      const rows = await q
        .orderBy('t.due_at')
        .orderBy('t.id')
        .limit(p.limit + 1)
        .execute();
      const result = page(rows, p.limit, (r) => [r.due_at.toISOString(), r.id]);
      return { items: result.items.map((r) => toTransfer(r, now)), nextCursor: result.nextCursor };
    }
    const cursor = readCursor(p.cursor, ['time', 'uuid']);
    if (cursor) q = q.where(sql<boolean>`(t.created_at, t.id) < (${new Date(String(cursor[0]))}::timestamptz, ${String(cursor[1])}::uuid)`);
    const rows = await q
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(p.limit + 1)
      .execute();
    const result = page(rows, p.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: result.items.map((r) => toTransfer(r, now)), nextCursor: result.nextCursor };
  }

  return { transfer, answer, listForCase, inbox };
}
