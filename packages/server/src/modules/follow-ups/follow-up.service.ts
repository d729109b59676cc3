import { addDays, maskPhone, translate, zonedDate, zonedInstant, type FollowUpTask, type FollowUpTaskDetail, type KpiGroup, type Lang } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { readCursor, page } from '../../lib/pagination';
import { appendAudit } from '../audit';
import type { ComplaintService } from '../complaints';
import { buildKpiWorkbook, buildReportWorkbook } from './follow-up.sheet';
import { createFollowUpKpis } from './follow-up.kpis';
import { toAttempt, toRecord, toTask } from './follow-up.mapper';
import { canSeeTask, canWorkTask, seesNumber, supervises } from './follow-up.policy';
import { agentsWithLoad, findTask, selectAttempts, selectRecord, selectTasks } from './follow-up.repo';
import { createFollowUpSettings } from './follow-up.settings';
import { createFollowUpSupervision } from './follow-up.supervise';
import { createFollowUpWork, taskNotFound } from './follow-up.work';

export interface TaskListQuery {
  status: 'open' | 'closed';
  due: 'today' | 'all';
  overdue?: boolean | undefined;
  assigneeId?: string | undefined;
  campaignId?: string | undefined;
  customerId?: string | undefined;
  /** 抽查: reached tasks whose record nobody has checked yet */
  toCheck?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Follow-up work (回访, SPEC §4): the agent's day, the task screen, outcomes and the record form
 * (follow-up.work.ts), the supervisor's tools (follow-up.supervise.ts), KPIs and the campaign summary
 * report (follow-up.kpis.ts). Tasks are made here (by hand, campaigns, callbacks) and by the rules.
 */
export function createFollowUpService(deps: { db: Db; clock: Clock; timeZone: () => Promise<string>; complaints: ComplaintService }) {
  const { db, clock } = deps;
  const settings = createFollowUpSettings(deps);
  const work = createFollowUpWork(deps);
  const supervision = createFollowUpSupervision({ ...deps, settings });
  const reports = createFollowUpKpis({ ...deps, settings, supervision });

  /** The call list: ordered by due time, then priority (1 high first). Agents see only their own tasks. */
  async function list(ctx: Ctx, q: TaskListQuery): Promise<{ items: FollowUpTask[]; nextCursor: string | null }> {
    const now = clock.now();
    const after = readCursor(q.cursor, ['time', 'int', 'uuid']);
    let query = selectTasks(db)
      .orderBy('t.due_at')
      .orderBy('t.priority')
      .orderBy('t.id')
      .limit(q.limit + 1);
    if (!supervises(ctx.actor)) query = query.where('t.assignee_id', '=', ctx.actor.id);
    else if (q.assigneeId) query = query.where('t.assignee_id', '=', q.assigneeId);
    query = q.status === 'open' ? query.where('t.status', '=', 'open') : query.where('t.status', '<>', 'open');
    if (q.due === 'today') {
      const tz = await deps.timeZone();
      const endOfToday = new Date(zonedInstant(addDays(zonedDate(now, tz), 1), 0, tz));
      query = query.where('t.due_at', '<', endOfToday);
    }
    if (q.overdue) query = query.where('t.status', '=', 'open').where('t.due_at', '<', now);
    if (q.campaignId) query = query.where('t.campaign_id', '=', q.campaignId);
    if (q.customerId) query = query.where('t.customer_id', '=', q.customerId);
    if (q.toCheck) {
      query = query
        .where('t.status', '=', 'done')
        .where((eb) =>
          eb.exists(eb.selectFrom('follow_up_records as r').select('r.task_id').whereRef('r.task_id', '=', 't.id').where('r.checked_at', 'is', null)),
        );
    }
    if (after) {
      const [at, prio, id] = [new Date(String(after[0])), Number(after[1]), String(after[2])];
      query = query.where((eb) =>
        eb.or([
          eb('t.due_at', '>', at),
          eb.and([eb('t.due_at', '=', at), eb('t.priority', '>', prio)]),
          eb.and([eb('t.due_at', '=', at), eb('t.priority', '=', prio), eb('t.id', '>', id)]),
        ]),
      );
    }
    const rows = await query.execute();
    const p = page(rows, q.limit, (r) => [r.due_at.toISOString(), r.priority, r.id]);
    return { items: p.items.map((r) => toTask(r, ctx.lang, now)), nextCursor: p.nextCursor };
  }

  async function get(ctx: Ctx, id: string): Promise<FollowUpTaskDetail> {
    const now = clock.now();
    const row = await findTask(db, id);
    if (!row || !canSeeTask(ctx.actor, row)) throw taskNotFound();
    const c = await db
      .selectFrom('customers as c')
      .leftJoin('users as o', 'o.id', 'c.owner_id')
      .select([
        'c.id',
        'c.name',
        'c.title',
        'c.gender',
        'c.mobile',
        'c.tier_code',
        'c.lifecycle',
        'c.last_contact_at',
        'c.owner_id',
        'o.display_name as owner_name',
      ])
      .where('c.id', '=', row.customer_id)
      .executeTakeFirstOrThrow();
    const record = await selectRecord(db).where('r.task_id', '=', id).executeTakeFirst();
    const attempts = await selectAttempts(db).where('x.task_id', '=', id).orderBy('x.at').orderBy('x.id').execute();
    const earlier = await selectTasks(db)
      .leftJoin('follow_up_records as r', 'r.task_id', 't.id')
      .select(['r.satisfaction'])
      .select((eb) =>
        eb
          .selectFrom('follow_up_attempts as y')
          .whereRef('y.task_id', '=', 't.id')
          .orderBy('y.at', 'desc')
          .orderBy('y.id', 'desc')
          .limit(1)
          .select('y.outcome')
          .as('last_outcome'),
      )
      .where('t.customer_id', '=', row.customer_id)
      .where('t.id', '<>', id)
      .orderBy('t.due_at', 'desc')
      .limit(10)
      .execute();
    const lang: Lang = ctx.lang;
    return {
      task: toTask(row, lang, now),
      customer: {
        id: c.id,
        name: c.name,
        title: c.title,
        gender: c.gender,
        mobile: c.mobile ? (seesNumber(ctx.actor, row) ? c.mobile : maskPhone(c.mobile)) : null,
        tier: c.tier_code,
        lifecycle: c.lifecycle,
        lastContactAt: c.last_contact_at?.toISOString() ?? null,
        owner: c.owner_id ? { id: c.owner_id, name: c.owner_name ?? '' } : null,
      },
      record: record ? toRecord(record) : null,
      attempts: attempts.map(toAttempt),
      history: earlier.map((r) => ({ ...toTask(r, lang, now), lastOutcome: r.last_outcome ?? null, satisfaction: r.satisfaction ?? null })),
      abilities: {
        work: canWorkTask(ctx.actor, row) && row.status === 'open',
        supervise: supervises(ctx.actor),
        complaint: ctx.actor.permissions.has('complaint:register'),
        transfer: ctx.actor.permissions.has('complaint:register') && ctx.actor.permissions.has('complaint:handle'),
      },
    };
  }

  function stamp(at: Date, tz: string): string {
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  }

  /** The 回访总结报告 as xlsx; the export is audited as every export is. */
  async function reportFile(ctx: Ctx, campaignId: string) {
    const r = await reports.report(campaignId, ctx.lang);
    const buffer = await buildReportWorkbook(r, ctx.lang, ctx.actor.name, stamp(clock.now(), await deps.timeZone()));
    await appendAudit(db, ctx, {
      action: 'follow_up.report_export',
      entityType: 'follow_up_campaign',
      entityId: campaignId,
      detail: { name: r.campaign.name },
    });
    return { buffer, name: `${translate('follow_up.sheet.report', ctx.lang)}-${r.campaign.name}.xlsx` };
  }

  async function kpiFile(ctx: Ctx, q: { by: KpiGroup; from: string; to: string }) {
    const k = await reports.kpis(q, ctx.lang);
    const buffer = await buildKpiWorkbook(k, ctx.lang, ctx.actor.name, stamp(clock.now(), await deps.timeZone()));
    await appendAudit(db, ctx, { action: 'follow_up.kpi_export', entityType: 'follow_up_kpis', entityId: `${q.by}:${q.from}:${q.to}`, detail: { ...q } });
    return { buffer, name: `${translate('follow_up.sheet.kpis', ctx.lang)}-${q.from}-${q.to}.xlsx` };
  }

  return {
    list,
    reportFile,
    kpiFile,
    get,
    attempt: work.attempt,
    saveRecord: work.saveRecord,
    raiseIssue: work.raiseIssue,
    /** other areas: `followUps.onClosed((trx, e) => …)` runs inside the transaction that closes a task */
    onClosed: work.onClosed,
    agents: (ids: string[] | null = null) => agentsWithLoad(db, ids),
    ...supervision,
    kpis: reports.kpis,
    report: reports.report,
    settings: settings.read,
    saveSettings: settings.save,
  };
}
export type FollowUpService = ReturnType<typeof createFollowUpService>;
