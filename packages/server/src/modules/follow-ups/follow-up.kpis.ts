import {
  addDays,
  countKpis,
  isMessageKey,
  ratesOf,
  successTargetOf,
  translate,
  zonedInstant,
  type FollowUpCampaignReport,
  type FollowUpKpiRow,
  type FollowUpKpis,
  type KpiCounts,
  type KpiFact,
  type KpiGroup,
  type Lang,
} from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { FollowUpSettingsStore } from './follow-up.settings';
import type { createFollowUpSupervision } from './follow-up.supervise';

/** The period's instants in the department's zone: [from 00:00, the day after `to` 00:00). */
export function periodOf(from: string, to: string, timeZone: string) {
  return { start: new Date(zonedInstant(from, 0, timeZone)), end: new Date(zonedInstant(addDays(to, 1), 0, timeZone)) };
}

const NONE: Record<Lang, string> = { 'zh-CN': '（未分配）', en: '(unassigned)' };
const MANUAL: Record<Lang, string> = { 'zh-CN': '手工任务', en: 'By hand' };

/**
 * KPIs by agent, rule or campaign for any period (reports read through their own SQL): one row per
 * task and agent with an attempt in the period, counted by the pure rules of shared/follow-up-kpi.ts;
 * the monthly coverage per agent from the customers they own.
 */
export function createFollowUpKpis(deps: {
  db: Db;
  timeZone: () => Promise<string>;
  settings: FollowUpSettingsStore;
  supervision: ReturnType<typeof createFollowUpSupervision>;
}) {
  const { db, settings } = deps;

  async function facts(start: Date, end: Date, campaignId?: string) {
    let q = db
      .selectFrom('follow_up_attempts as x')
      .innerJoin('follow_up_tasks as t', 't.id', 'x.task_id')
      .leftJoin('users as u', 'u.id', 'x.agent_id')
      .leftJoin('follow_up_campaigns as g', 'g.id', 't.campaign_id')
      .leftJoin('follow_up_records as r', 'r.task_id', 't.id')
      .select([
        'x.task_id',
        'x.agent_id',
        'u.display_name',
        't.rule',
        't.campaign_id',
        'g.name as campaign_name',
        'g.purpose',
        'g.target_success_rate',
        't.status',
        'r.complete',
        'r.check_ok',
        'r.invited',
      ])
      .select(sql<boolean>`bool_or(x.outcome = 'reached')`.as('reached'))
      .where('x.at', '>=', start)
      .where('x.at', '<', end)
      .groupBy([
        'x.task_id',
        'x.agent_id',
        'u.display_name',
        't.rule',
        't.campaign_id',
        'g.name',
        'g.purpose',
        'g.target_success_rate',
        't.status',
        'r.complete',
        'r.check_ok',
        'r.invited',
      ]);
    if (campaignId) q = q.where('t.campaign_id', '=', campaignId);
    const rows = await q.execute();
    const list: KpiFact[] = rows.map((r) => ({
      taskId: r.task_id,
      agentId: r.agent_id,
      agentName: r.display_name,
      rule: r.rule,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      status: r.status,
      reached: Boolean(r.reached),
      complete: r.complete,
      checkOk: r.check_ok,
      invited: r.invited,
    }));
    const campaigns = new Map(rows.filter((r) => r.campaign_id).map((r) => [r.campaign_id!, { purpose: r.purpose, target: r.target_success_rate }]));
    return { list, campaigns };
  }

  /** Customers each agent owns and how many of them were reached in the period. */
  async function coverage(start: Date, end: Date): Promise<Map<string, { owned: number; covered: number }>> {
    const rows = await sql<{ owner_id: string; owned: string; covered: string }>`
      SELECT c.owner_id, count(*) AS owned,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM follow_up_tasks t JOIN follow_up_attempts x ON x.task_id = t.id
               WHERE t.customer_id = c.id AND x.outcome = 'reached' AND x.at >= ${start} AND x.at < ${end})) AS covered
      FROM customers c
      WHERE c.owner_id IS NOT NULL AND c.merged_into IS NULL AND c.lifecycle <> 'closed'
      GROUP BY c.owner_id`.execute(db);
    return new Map(rows.rows.map((r) => [r.owner_id, { owned: Number(r.owned), covered: Number(r.covered) }]));
  }

  function row(key: string, label: string, c: KpiCounts, successTarget: number, cov: { owned: number; covered: number } | null): FollowUpKpiRow {
    const r = ratesOf(c);
    return {
      key,
      label,
      ...c,
      ...r,
      successTarget,
      owned: cov?.owned ?? null,
      covered: cov?.covered ?? null,
      coverageRate: cov ? (cov.owned > 0 ? Math.round((cov.covered / cov.owned) * 10000) / 10000 : null) : null,
    };
  }

  function labelOf(by: KpiGroup, key: string, list: KpiFact[], lang: Lang): string {
    const f = list.find((x) => (by === 'agent' ? (x.agentId ?? 'none') : by === 'rule' ? (x.rule ?? 'manual') : (x.campaignId ?? 'none')) === key);
    if (by === 'agent') return f?.agentName ?? NONE[lang];
    if (by === 'rule') {
      if (key === 'manual') return MANUAL[lang];
      const k = `follow_up_rule.name.${key}`;
      return isMessageKey(k) ? translate(k, lang) : key;
    }
    return f?.campaignName ?? (lang === 'zh-CN' ? '（不属于活动）' : '(no campaign)');
  }

  async function kpis(q: { by: KpiGroup; from: string; to: string }, lang: Lang): Promise<FollowUpKpis> {
    const s = await settings.read();
    const { start, end } = periodOf(q.from, q.to, await deps.timeZone());
    const { list, campaigns } = await facts(start, end);
    const { groups, total } = countKpis(list, q.by);
    const cov = q.by === 'agent' ? await coverage(start, end) : null;
    const rows = [...groups.entries()].map(([key, c]) => {
      const campaign = q.by === 'campaign' ? campaigns.get(key) : undefined;
      const target = campaign ? (campaign.target !== null ? Number(campaign.target) : successTargetOf(campaign.purpose, s)) : s.targets.satisfactionSuccess;
      return row(key, labelOf(q.by, key, list, lang), c, target, cov ? (cov.get(key) ?? { owned: 0, covered: 0 }) : null);
    });
    rows.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
    let totalCov: { owned: number; covered: number } | null = null;
    if (cov) totalCov = [...cov.values()].reduce((a, b) => ({ owned: a.owned + b.owned, covered: a.covered + b.covered }), { owned: 0, covered: 0 });
    const totalLabel = lang === 'zh-CN' ? '合计' : 'Total';
    return { by: q.by, from: q.from, to: q.to, rows, total: row('total', totalLabel, total, s.targets.satisfactionSuccess, totalCov), targets: s.targets };
  }

  /** 回访总结报告: the campaign's figures over its whole life, by agent, beside the supervisor's summary. */
  async function report(campaignId: string, lang: Lang): Promise<FollowUpCampaignReport> {
    const s = await settings.read();
    const campaign = await deps.supervision.campaign(campaignId);
    const all = { start: new Date('2000-01-01T00:00:00Z'), end: new Date('2100-01-01T00:00:00Z') };
    const { list } = await facts(all.start, all.end, campaignId);
    const { groups, total } = countKpis(list, 'agent');
    const target = campaign.targetSuccessRate ?? successTargetOf(campaign.purpose, s);
    const byAgent = [...groups.entries()].map(([key, c]) => row(key, labelOf('agent', key, list, lang), c, target, null));
    byAgent.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    const statuses = await db
      .selectFrom('follow_up_tasks')
      .select(['status'])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('campaign_id', '=', campaignId)
      .groupBy('status')
      .execute();
    const outcomes = await db
      .selectFrom('follow_up_attempts as x')
      .innerJoin('follow_up_tasks as t', 't.id', 'x.task_id')
      .select(['x.outcome'])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('t.campaign_id', '=', campaignId)
      .groupBy('x.outcome')
      .execute();
    const rec = await db
      .selectFrom('follow_up_records as r')
      .innerJoin('follow_up_tasks as t', 't.id', 'r.task_id')
      .select([
        sql<string | null>`avg(r.satisfaction)`.as('avg'),
        sql<string>`count(*) FILTER (WHERE r.has_issue)`.as('issues'),
        sql<string>`count(r.complaint_id)`.as('complaints'),
      ])
      .where('t.campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return {
      campaign,
      statuses: Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)])),
      outcomes: Object.fromEntries(outcomes.map((r) => [r.outcome, Number(r.n)])),
      averageSatisfaction: rec.avg === null ? null : Math.round(Number(rec.avg) * 100) / 100,
      issues: Number(rec.issues),
      complaints: Number(rec.complaints),
      total: row('total', lang === 'zh-CN' ? '合计' : 'Total', total, target, null),
      byAgent,
    };
  }

  return { kpis, report };
}
