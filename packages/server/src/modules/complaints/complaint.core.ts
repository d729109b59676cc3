import { type BusinessCalendar, type Complaint, type ComplaintSettings, type Pause, type WorkflowFacts } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { insertTimeline } from '../customers';
import { slaFactsOf, toComplaint } from './complaint.mapper';
import { abilities, mayNeedDepartment, viewOf, type View } from './complaint.policy';
import { earliestOpenPromise, findComplaint, pausesOf, transferredToDepartment, type ComplaintRowNamed } from './complaint.repo';
import type { ComplaintSettingsStore } from './complaint.settings';
import { currentDue, slaView, watchMoment } from './complaint.sla';

/** The business calendar as it stands now (the calendar module's service; rebuilt when the manager edits it). */
export interface CalendarSource {
  current(): Promise<BusinessCalendar>;
}

export interface ComplaintDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarSource;
}

/** What one request works with: the calendar, the settings and the moment, read once before any transaction. */
export interface Env {
  cal: BusinessCalendar;
  settings: ComplaintSettings;
  now: Date;
}

export const complaintNotFound = () => new AppError('complaint.not_found', 404);
export const actorRef = (ctx: Ctx) => ({ id: ctx.actor.id, name: ctx.actor.name });
/** users (not API keys) in the columns that reference users */
export const userIdOf = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.id !== '00000000-0000-0000-0000-000000000000' ? ctx.actor.id : null);

/** The internals every use case of the area shares: loading in scope, presenting, the case's timing. */
export function createComplaintCore(deps: ComplaintDeps & { settings: ComplaintSettingsStore }) {
  const { db, clock, calendar, settings } = deps;

  async function env(): Promise<Env> {
    return { cal: await calendar.current(), settings: await settings.read(), now: clock.now() };
  }

  /** The case and how this reader sees it; "not found" and "not yours" are one answer (404). */
  async function load(ctx: Ctx, id: string, trx: Db = db, forUpdate = false): Promise<{ row: ComplaintRowNamed; view: View }> {
    const row = await findComplaint(trx, id, forUpdate);
    if (!row) throw complaintNotFound();
    let view = viewOf(ctx.actor, row, false);
    if (!view && mayNeedDepartment(ctx.actor, row)) view = viewOf(ctx.actor, row, await transferredToDepartment(trx, id, ctx.actor.departmentId));
    if (!view) throw complaintNotFound();
    return { row, view };
  }

  function facts(row: ComplaintRowNamed, e: Env): WorkflowFacts {
    const reopenable = row.state === 'closed' && row.closed_at !== null && e.now.getTime() - row.closed_at.getTime() <= e.settings.reopenDays * 86_400_000;
    return { state: row.state, needsApproval: row.needs_approval, paused: row.paused_since !== null, reopenable };
  }

  function present(ctx: Ctx, row: ComplaintRowNamed, view: View, e: Env, pauses: Pause[]): Complaint {
    const sla = slaView(e.cal, slaFactsOf(row), pauses, e.now, e.settings.atRiskFraction);
    return toComplaint(row, view, sla, abilities(ctx.actor, row, facts(row, e), view));
  }

  async function presentOne(ctx: Ctx, row: ComplaintRowNamed, view: View, e: Env, trx: Db = db): Promise<Complaint> {
    return present(ctx, row, view, e, (await pausesOf(trx, [row.id])).get(row.id) ?? []);
  }

  /** The queue's deadline and the watch's next look, for a case as it will be after a change. */
  async function timing(trx: Db, row: ComplaintRowNamed, e: Env): Promise<{ current_due_at: Date | null; watch_at: Date | null }> {
    const f = slaFactsOf(row);
    const pauses = (await pausesOf(trx, [row.id])).get(row.id) ?? [];
    const promise = f.closed || f.pausedSince ? null : await earliestOpenPromise(trx, row.id);
    return { current_due_at: currentDue(f, promise), watch_at: watchMoment(e.cal, f, pauses, e.settings.atRiskFraction) };
  }

  /** The customer's timeline gets a line for the case's step (names and codes only, never a phone number). */
  async function onTimeline(trx: Db, ctx: Ctx | null, row: ComplaintRowNamed, kind: string, data: Record<string, unknown>, at: Date) {
    if (!row.customer_id) return;
    await insertTimeline(trx, [
      {
        customerId: row.customer_id,
        kind: `complaint.${kind}`,
        data: { number: row.number, ...data },
        at,
        actor: ctx ? actorRef(ctx) : null,
        refType: 'complaint',
        refId: row.id,
      },
    ]);
  }

  return { db, clock, env, load, facts, present, presentOne, timing, onTimeline };
}
export type ComplaintCore = ReturnType<typeof createComplaintCore>;
