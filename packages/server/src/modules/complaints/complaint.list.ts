import type { ComplaintListItem, ComplaintListQuery, ComplaintStepRecord } from '@kefu/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { badCursor, page, readCursor } from '../../lib/pagination';
import type { ComplaintCore } from './complaint.core';
import { slaFactsOf, toListItem } from './complaint.mapper';
import { personalScope } from './complaint.policy';
import { pausesOf, selectComplaints, type ComplaintQuery, type ComplaintRowNamed } from './complaint.repo';
import { slaView } from './complaint.sla';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The complaint officer's queue and the other lists. "time_left" orders open cases by the deadline
 * that applies now (current_due_at), most overdue first, paused ones last: one range scan of the
 * partial index (current_due_at, id) for the cases with a deadline, then one for those without, with
 * keyset cursors across both, so a page costs the same at 100,000 open cases.
 */
export function createLister(core: ComplaintCore) {
  const { db } = core;

  function filtered(ctx: Ctx, p: ComplaintListQuery): ComplaintQuery {
    const me = ctx.actor.id;
    let q = selectComplaints(db);
    if (personalScope(ctx.actor) === 'personal') {
      q = q.where((eb) => eb.or([eb('complaints.receiver_id', '=', me), eb('complaints.assignee_id', '=', me), eb('complaints.created_by', '=', me)]));
    }
    if (p.view === 'open') q = q.where('complaints.state', '<>', 'closed');
    if (p.view === 'closed') q = q.where('complaints.state', '=', 'closed');
    if (p.view === 'mine')
      q = q.where('complaints.state', '<>', 'closed').where((eb) => eb.or([eb('complaints.assignee_id', '=', me), eb('complaints.receiver_id', '=', me)]));
    if (p.view === 'approvals') q = q.where('complaints.state', '=', 'proposed').where('complaints.needs_approval', '=', true);
    if (p.state) q = q.where('complaints.state', '=', p.state);
    if (p.category) q = q.where('complaints.category', '=', p.category);
    if (p.severity) q = q.where('complaints.severity', '=', p.severity);
    if (p.departmentId) q = q.where('complaints.department_id', '=', p.departmentId);
    if (p.assigneeId) q = q.where('complaints.assignee_id', '=', p.assigneeId);
    if (p.customerId) q = q.where('complaints.customer_id', '=', p.customerId);
    if (p.q) {
      const like = `%${likeEscape(p.q)}%`;
      q = q.where((eb) =>
        eb.or([eb('complaints.number', 'ilike', like), eb('complaints.complainant_name', 'ilike', like), eb('complaints.content', 'ilike', like)]),
      );
    }
    return q;
  }

  async function byTimeLeft(
    q: ComplaintQuery,
    limit: number,
    cursorRaw: string | undefined,
  ): Promise<{ rows: ComplaintRowNamed[]; nextCursor: string | null }> {
    const cursor = readCursor(cursorRaw, ['text', 'uuid']);
    const dueCursor = cursor && cursor[0] !== '' ? new Date(String(cursor[0])) : null;
    if (dueCursor && Number.isNaN(dueCursor.getTime())) throw badCursor();
    let rows: ComplaintRowNamed[] = [];
    // phase 1: cases with a deadline, soonest (most overdue) first
    if (!cursor || dueCursor) {
      let q1 = q.where('complaints.current_due_at', 'is not', null);
      if (dueCursor) q1 = q1.where(sql<boolean>`(complaints.current_due_at, complaints.id) > (${dueCursor}::timestamptz, ${String(cursor![1])}::uuid)`);
      rows = await q1
        .orderBy('complaints.current_due_at')
        .orderBy('complaints.id')
        .limit(limit + 1)
        .execute();
    }
    // phase 2: paused cases and cases with no deadline left, after all the others
    if (rows.length <= limit) {
      let q2 = q.where('complaints.current_due_at', 'is', null);
      if (cursor && !dueCursor) q2 = q2.where('complaints.id', '>', String(cursor[1]));
      rows = rows.concat(
        await q2
          .orderBy('complaints.current_due_at')
          .orderBy('complaints.id')
          .limit(limit + 1 - rows.length)
          .execute(),
      );
    }
    return toPage(rows, limit, (r) => [r.current_due_at?.toISOString() ?? '', r.id]);
  }

  async function byNewest(q: ComplaintQuery, limit: number, cursorRaw: string | undefined) {
    const cursor = readCursor(cursorRaw, ['time', 'uuid']);
    if (cursor) q = q.where(sql<boolean>`(complaints.received_at, complaints.id) < (${new Date(String(cursor[0]))}::timestamptz, ${String(cursor[1])}::uuid)`);
    const rows = await q
      .orderBy('complaints.received_at', 'desc')
      .orderBy('complaints.id', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(rows, limit, (r) => [r.received_at.toISOString(), r.id]);
  }

  function toPage(rows: ComplaintRowNamed[], limit: number, key: (r: ComplaintRowNamed) => (string | number)[]) {
    const result = page(rows, limit, key);
    return { rows: result.items, nextCursor: result.nextCursor };
  }

  async function list(ctx: Ctx, p: ComplaintListQuery): Promise<{ items: ComplaintListItem[]; nextCursor: string | null }> {
    if (p.view === 'approvals' && !ctx.actor.permissions.has('complaint:approve')) throw forbidden();
    const e = await core.env();
    const q = filtered(ctx, p);
    // closed cases have no deadline left: their list is newest first whatever the sort
    const { rows, nextCursor } = p.sort === 'time_left' && p.view !== 'closed' ? await byTimeLeft(q, p.limit, p.cursor) : await byNewest(q, p.limit, p.cursor);
    const pauses = await pausesOf(
      db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => toListItem(r, slaView(e.cal, slaFactsOf(r), pauses.get(r.id) ?? [], e.now, e.settings.atRiskFraction)));
    return { items, nextCursor };
  }

  /** Every step of the case; a department handler sees the registration and their department's transfers. */
  async function steps(ctx: Ctx, id: string): Promise<ComplaintStepRecord[]> {
    const { view } = await core.load(ctx, id);
    const rows = await db.selectFrom('complaint_steps').selectAll().where('complaint_id', '=', id).orderBy('at').orderBy('id').execute();
    let visible = rows;
    if (view === 'department') {
      const mine = new Set(
        (
          await db.selectFrom('complaint_transfers').select('id').where('complaint_id', '=', id).where('department_id', '=', ctx.actor.departmentId!).execute()
        ).map((t) => t.id),
      );
      visible = rows.filter((s) => s.action === 'register' || mine.has(String((s.data as { transferId?: string }).transferId)));
    }
    return visible.map((s) => ({
      id: String(s.id),
      action: s.action,
      fromState: s.from_state,
      toState: s.to_state,
      at: s.at.toISOString(),
      actor: s.actor_id ? { id: s.actor_id, name: s.actor_name ?? '' } : s.actor_name ? { id: '', name: s.actor_name } : null,
      data: (s.data ?? {}) as Record<string, unknown>,
    }));
  }

  return { list, steps };
}
