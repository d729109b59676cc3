import { addDays, zonedDate, zonedInstant } from '@kefu/shared';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client';

/** The moment a rule runs at, in the department's time zone: every period a rule keys its tasks by comes from here. */
export interface RuleEnv {
  now: Date;
  timeZone: string;
  /** YYYY-MM-DD in the department's zone */
  today: string;
}

export function ruleEnv(now: Date, timeZone: string): RuleEnv {
  return { now, timeZone, today: zonedDate(now, timeZone) };
}

/** The instant the department's clocks read `date` at `minutes` after midnight. */
export function at(env: RuleEnv, date: string, minutes = 0): Date {
  return new Date(zonedInstant(date, minutes, env.timeZone));
}

export function monthOf(env: RuleEnv): { month: string; start: Date; end: Date } {
  const month = env.today.slice(0, 7);
  const next = addDays(`${month}-28`, 7).slice(0, 7);
  return { month, start: at(env, `${month}-01`), end: at(env, `${next}-01`) };
}

export function previousMonthOf(env: RuleEnv): { month: string; start: Date; end: Date } {
  const thisMonth = `${env.today.slice(0, 7)}-01`;
  const month = addDays(thisMonth, -1).slice(0, 7);
  return { month, start: at(env, `${month}-01`), end: at(env, thisMonth) };
}

/** An instant's local date and time in SQL (reason params the agent reads, e.g. '2026-10-12 14:00'). */
export const localText = (env: RuleEnv, expr: RawBuilder<unknown>, withTime = false) =>
  sql<string>`to_char(${expr} AT TIME ZONE ${env.timeZone}, ${withTime ? 'YYYY-MM-DD HH24:MI' : 'YYYY-MM-DD'})`;

/** Customers that may still be called: not merged into another, not closed (销户). */
export const live = (alias: string) => sql.raw(`${alias}.merged_into IS NULL AND ${alias}.lifecycle <> 'closed'`);

/**
 * The one way a rule writes tasks: INSERT ... SELECT with the columns in this order, and a dedupe key
 * that names the rule's period; a task that exists already is skipped (ON CONFLICT DO NOTHING), so a
 * re-run, a second instance or the no-show hook and its sweep never make a duplicate.
 * The SELECT gives: customer_id, reason, reason_params (jsonb), dedupe_key, ref_type, ref_id, due_at,
 * priority, assignee_id.
 */
export async function insertTasks(db: Db, rule: string, env: RuleEnv, select: RawBuilder<unknown>): Promise<number> {
  const r =
    await sql`INSERT INTO follow_up_tasks (customer_id, reason, reason_params, dedupe_key, ref_type, ref_id, due_at, priority, assignee_id, rule, created_at)
    SELECT s.*, ${rule}, ${env.now}::timestamptz FROM (${select}) s
    ON CONFLICT (dedupe_key) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
