import { addDays, zonedDate, zonedInstant } from '@kefu/shared';
import type { Db } from '../../db/client';
import { seededRandom } from './demo';

const ZONE = 'Asia/Shanghai';
const MARK = 'demo_follow_ups';

/** What the agents of 悦动健身 call about (rule reasons of the shared catalog, or a supervisor's words). */
const TODAY: { rule: string | null; reason: string; params: (day: string) => Record<string, unknown>; priority: number }[] = [
  { rule: 'after_service', reason: 'follow_up_rule.reason.after_service', params: (d) => ({ serviceOn: addDays(d, -3), days: 3 }), priority: 1 },
  { rule: 'monthly_coverage', reason: 'follow_up_rule.reason.monthly_coverage', params: (d) => ({ month: d.slice(0, 7) }), priority: 2 },
  { rule: null, reason: 'follow_up.reason.manual', params: () => ({ text: '私教课体验后满意度回访' }), priority: 2 },
  { rule: 'birthday', reason: 'follow_up_rule.reason.birthday', params: (d) => ({ date: addDays(d, 3) }), priority: 3 },
  { rule: 'monthly_coverage', reason: 'follow_up_rule.reason.monthly_coverage', params: (d) => ({ month: d.slice(0, 7) }), priority: 2 },
  { rule: null, reason: 'follow_up.reason.manual', params: () => ({ text: '会员卡即将到期，了解续卡意向' }), priority: 1 },
];
const OPINIONS = ['教练很专业，课程安排合理', '前台服务热情', '希望增加晚间团课', '淋浴间热水不稳定', '对私教课效果满意', '停车不太方便'];
const OUTCOMES = ['reached', 'reached', 'reached', 'reached', 'no_answer', 'busy', 'refused', 'invalid_number'] as const;

/**
 * The demo's follow-ups (回访): a day of calls for each agent (a few overdue from yesterday, most due
 * today, some tomorrow) and three weeks of worked tasks with records and spot checks, so 我的回访 is
 * not empty and 回访统计 has figures. Loaded once (settings row `demo_follow_ups`).
 */
export async function loadDemoFollowUps(db: Db, opts: { log?: (m: string) => void; now?: Date } = {}) {
  if (await db.selectFrom('settings').select('key').where('key', '=', MARK).executeTakeFirst()) return;
  const users = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['agent1', 'agent2', 'supervisor']).execute();
  const id = (u: string) => users.find((x) => x.username === u)?.id ?? null;
  const agents = [id('agent1'), id('agent2')].filter((x): x is string => Boolean(x));
  if (agents.length < 2) return;
  const now = opts.now ?? new Date();
  const today = zonedDate(now, ZONE);
  const at = (day: string, hour: number, minute = 0) => new Date(zonedInstant(day, hour * 60 + minute, ZONE));
  const rnd = seededRandom(511);
  let made = 0;
  await db.transaction().execute(async (trx) => {
    const campaign = await trx
      .insertInto('follow_up_campaigns')
      .values({ name: '会员满意度回访', purpose: 'satisfaction', target_success_rate: 0.95, starts_on: addDays(today, -21), ends_on: addDays(today, 9), created_by: id('supervisor') })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, agent] of agents.entries()) {
      const customers = await trx.selectFrom('customers').select('id').where('owner_id', '=', agent).where('lifecycle', 'in', ['active', 'dormant']).orderBy('id').limit(40).execute();
      // the day's list: two overdue from yesterday, six today, two tomorrow
      const open = [
        ...[0, 1].map((i) => ({ day: addDays(today, -1), hour: 15 + i })),
        ...[0, 1, 2, 3, 4, 5].map((i) => ({ day: today, hour: 9 + i })),
        ...[0, 1].map((i) => ({ day: addDays(today, 1), hour: 10 + i })),
      ].slice(0, n === 0 ? 10 : 7);
      for (const [i, slot] of open.entries()) {
        const c = customers[i];
        if (!c) break;
        const kind = TODAY[i % TODAY.length]!;
        await trx
          .insertInto('follow_up_tasks')
          .values({
            customer_id: c.id,
            rule: kind.rule,
            reason: kind.reason,
            reason_params: JSON.stringify(kind.params(slot.day)),
            dedupe_key: `demo:open:${agent}:${i}`,
            ref_type: 'customer',
            ref_id: c.id,
            due_at: at(slot.day, slot.hour),
            priority: kind.priority,
            assignee_id: agent,
            script_code: kind.rule === 'birthday' ? 'holiday_opening' : null,
            created_at: at(addDays(slot.day, -1), 8),
          })
          .execute();
        made += 1;
      }
      // three weeks of worked tasks, half of them in the satisfaction campaign
      for (let i = 0; i < 18; i += 1) {
        const c = customers[12 + i];
        if (!c) break;
        const day = addDays(today, -(1 + Math.floor(i * 1.1)));
        const outcome = OUTCOMES[Math.floor(rnd() * OUTCOMES.length)]!;
        const status = outcome === 'reached' ? 'done' : outcome === 'refused' ? 'refused' : 'unreachable';
        const calls = outcome === 'no_answer' || outcome === 'busy' ? 3 : 1;
        const closedAt = at(day, 10 + (i % 6), 20);
        const task = await trx
          .insertInto('follow_up_tasks')
          .values({
            customer_id: c.id,
            rule: i % 2 ? 'monthly_coverage' : null,
            campaign_id: i % 2 ? null : campaign.id,
            reason: i % 2 ? 'follow_up_rule.reason.monthly_coverage' : 'follow_up.reason.campaign',
            reason_params: JSON.stringify(i % 2 ? { month: day.slice(0, 7) } : { campaign: '会员满意度回访', text: '了解会员对课程和服务的满意度' }),
            dedupe_key: `demo:done:${agent}:${i}`,
            ref_type: 'customer',
            ref_id: c.id,
            due_at: at(day, 9),
            assignee_id: agent,
            status,
            attempts: calls,
            last_attempt_at: closedAt,
            created_at: at(addDays(day, -1), 8),
            closed_at: closedAt,
            closed_by: agent,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (let k = 0; k < calls; k += 1) {
          await trx
            .insertInto('follow_up_attempts')
            .values({ task_id: task.id, at: new Date(closedAt.getTime() - (calls - 1 - k) * 3_600_000), agent_id: agent, outcome })
            .execute();
        }
        if (outcome === 'reached') {
          const checked = i % 4 === 0;
          await trx
            .insertInto('follow_up_records')
            .values({
              task_id: task.id,
              satisfaction: 3 + Math.floor(rnd() * 3),
              opinions: OPINIONS[Math.floor(rnd() * OPINIONS.length)]!,
              has_issue: false,
              complete: true,
              invited: i % 3 === 0 ? rnd() < 0.5 : null,
              recorded_by: agent,
              recorded_at: closedAt,
              checked_by: checked ? id('supervisor') : null,
              checked_at: checked ? new Date(closedAt.getTime() + 86_400_000) : null,
              check_ok: checked ? i % 8 !== 0 : null,
              check_note: checked && i % 8 === 0 ? '未确认下次到店时间' : null,
            })
            .execute();
          await trx.updateTable('customers').set({ last_contact_at: closedAt }).where('id', '=', c.id).execute();
        }
        made += 1;
      }
    }
    await trx
      .insertInto('settings')
      .values({ key: MARK, value: JSON.stringify({ at: now.toISOString() }) })
      .execute();
  });
  opts.log?.(`demo follow-ups: ${made} tasks`);
}
