import {
  COMPLAINT_ACTION_LABELS,
  COMPLAINT_STATE_LABELS,
  COMPLAINT_STEPS,
  allowedComplaintActions,
  complaintStep,
  type Complaint,
  type ComplaintAction,
  type ComplaintStep,
} from '@kefu/shared';
import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { ComplaintsTable } from '../../db/schema-complaints';
import type { Ctx } from '../../lib/context';
import { AppError, conflict, forbidden } from '../../lib/errors';
import { appendAudit } from '../audit';
import { insertNotifications, type NewNotification } from '../notifications';
import { actorRef, type ComplaintCore, type Env } from './complaint.core';
import { abilities, mayTake } from './complaint.policy';
import { findComplaint, insertStep, type ComplaintRowNamed } from './complaint.repo';

/** What one step changes, records and tells; made under the case's row lock, inside the transaction. */
export interface Plan {
  set: Updateable<ComplaintsTable>;
  /** the step's own fields, for the case's step list */
  data: Record<string, unknown>;
  /** the line on the customer's timeline (codes and names only); null: none */
  timeline: Record<string, unknown> | null;
  /** who to tell after the commit */
  tell?: (row: ComplaintRowNamed) => Promise<NewNotification[]> | NewNotification[];
}

export type Planner = (trx: Db, before: ComplaintRowNamed, e: Env) => Promise<Plan> | Plan;

const isStep = (a: ComplaintAction): a is ComplaintStep => (COMPLAINT_STEPS as readonly string[]).includes(a);

/** Past tense of each action, for timeline kinds (`complaint.acknowledged`). */
const DONE: Partial<Record<ComplaintAction, string>> = {
  acknowledge: 'acknowledged',
  verify: 'verified',
  propose: 'proposed',
  approve: 'approved',
  reject: 'rejected',
  resolve: 'resolved',
  recordFeedback: 'feedback',
  close: 'closed',
  reopen: 'reopened',
  pause: 'paused',
  resume: 'resumed',
  assign: 'assigned',
  transfer: 'transferred',
};

/**
 * One step of a case, in ONE transaction: the row locked, its version checked (a stale one is 409 and
 * nothing changes), the workflow's transitions table asked (409 with the reader's allowed actions),
 * then the update guarded by the version, the step row, the audit row and the customer's timeline
 * line. Notifications go out after the commit. Two people moving the same case at once: the second
 * waits for the first's lock, then finds a new version and gets 409.
 */
export function createMover(core: ComplaintCore) {
  const { db } = core;

  async function move(
    ctx: Ctx,
    id: string,
    action: ComplaintAction,
    version: number,
    planner: Planner,
    opts: { unsatisfied?: boolean } = {},
  ): Promise<Complaint> {
    const e = await core.env();
    let told: NewNotification[] = [];
    const { row, view } = await db.transaction().execute(async (trx) => {
      const { row: before, view } = await core.load(ctx, id, trx, true);
      if (view !== 'full') throw forbidden();
      if (before.version !== version) throw conflict('complaint.version_conflict');
      const facts = core.facts(before, e);
      if (action === 'reopen' && before.state === 'closed' && !facts.reopenable) throw conflict('complaint.reopen_expired', { days: e.settings.reopenDays });
      let to = before.state;
      if (isStep(action)) {
        const t = complaintStep(facts, action, opts);
        if (!t.ok) throw invalidTransition(ctx, before, e, core);
        to = t.to;
      } else if (!allowedComplaintActions(facts).includes(action)) {
        throw invalidTransition(ctx, before, e, core);
      }
      if (!mayTake(ctx.actor, action, before)) throw before.proposed_by === ctx.actor.id ? new AppError('complaint.own_proposal', 403) : forbidden();
      const plan = await planner(trx, before, e);
      const set: Updateable<ComplaintsTable> = { ...plan.set, state: to, updated_at: e.now, version: before.version + 1 };
      const after = { ...before, ...set } as ComplaintRowNamed;
      Object.assign(set, await core.timing(trx, after, e));
      const updated = await trx.updateTable('complaints').set(set).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      if (!updated) throw conflict('complaint.version_conflict');
      const row = (await findComplaint(trx, id))!;
      await insertStep(trx, { complaintId: id, action, from: before.state, to: isStep(action) ? to : null, at: e.now, actor: actorRef(ctx), data: plan.data });
      await appendAudit(trx, ctx, {
        action: `complaint.${action}`,
        entityType: 'complaint',
        entityId: id,
        detail: { number: row.number, from: before.state, to, version: row.version },
      });
      if (plan.timeline) await core.onTimeline(trx, ctx, row, DONE[action] ?? action, { from: before.state, to, ...plan.timeline }, e.now);
      told = (await plan.tell?.(row)) ?? [];
      return { row, view };
    });
    await insertNotifications(db, told, e.now);
    return core.presentOne(ctx, row, view, e);
  }

  return { move };
}

function invalidTransition(ctx: Ctx, row: ComplaintRowNamed, e: Env, core: ComplaintCore): AppError {
  const allowed = abilities(ctx.actor, row, core.facts(row, e), 'full');
  const from = COMPLAINT_STATE_LABELS[row.state][ctx.lang];
  const words = allowed.map((a) => COMPLAINT_ACTION_LABELS[a][ctx.lang]).join(ctx.lang === 'en' ? ', ' : '、');
  return conflict('complaint.invalid_transition', { from, allowed: words || '—' }, allowed);
}
