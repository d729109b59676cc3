import { addDays, birthdayBetween, birthdayKeysForRange, festivalDate, weekStart, type FollowUpRuleParams } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { at, insertTasks, live, localText, monthOf, previousMonthOf, type RuleEnv } from './rule.env';

/**
 * Rules about the customer archive. Each is one set-based INSERT ... SELECT (birthdays: candidates by
 * an indexed key, the lunar calendar checked in code); see rule.env.ts#insertTasks for the columns.
 */

/**
 * A customer given to an owner (assigned, or created by someone for them) and not contacted since gets
 * a first call due `days` after the assignment. A customer the owner created themselves was on the
 * phone with them already. Another owner later means another first call (the key names the owner).
 */
export function firstContact(db: Db, env: RuleEnv, p: FollowUpRuleParams['first_contact']) {
  const since = new Date(env.now.getTime() - p.days * 86_400_000);
  return insertTasks(
    db,
    'first_contact',
    env,
    sql`WITH recent AS (
          -- two indexed lookups (new customers, recent assignments) rather than a scan of the archive
          SELECT id FROM customers WHERE created_at > ${since}
          UNION SELECT customer_id FROM timeline_events WHERE kind = 'customer.assigned' AND at > ${since}
        ), assigned AS (
          SELECT c.id, c.owner_id, c.last_contact_at,
                 coalesce((SELECT max(t.at) FROM timeline_events t WHERE t.customer_id = c.id AND t.kind = 'customer.assigned'),
                          CASE WHEN c.created_by IS DISTINCT FROM c.owner_id THEN c.created_at END) AS at
          FROM recent r JOIN customers c ON c.id = r.id
          WHERE c.owner_id IS NOT NULL AND ${live('c')}
        )
        SELECT a.id, 'follow_up_rule.reason.first_contact', jsonb_build_object('days', ${p.days}::int, 'assignedOn', ${localText(env, sql`a.at`)}),
               'first_contact:' || a.id || ':' || a.owner_id, 'customer', a.id::text, a.at + make_interval(days => ${p.days}::int), 2, a.owner_id
        FROM assigned a
        WHERE a.at > ${since} AND (a.last_contact_at IS NULL OR a.last_contact_at < a.at)
          AND NOT EXISTS (SELECT 1 FROM follow_up_tasks f WHERE f.customer_id = a.id AND f.status = 'done' AND f.closed_at >= a.at)`,
  );
}

/** The part of the archive one batch of the monthly rule covers: customer ids from `lo` (inclusive) to `hi` (exclusive). */
export interface IdRange {
  lo: string | null;
  hi: string | null;
}

/**
 * Every customer once a calendar month (not merged, not closed; the lost ones only if asked): one task
 * per customer and month unless they were contacted or reached by a task this month, due at the month's
 * end. The tasks go in by customer id, so the dedupe key, customer and agent's-day indexes are written in
 * one sweep rather than at a random page per task (migration 020; docs/benchmarks.md). On PGlite it runs
 * in id ranges, on PostgreSQL as one statement (rule.registry.ts says why).
 */
export function monthlyCoverage(db: Db, env: RuleEnv, p: FollowUpRuleParams['monthly_coverage'], range: IdRange = { lo: null, hi: null }) {
  const m = monthOf(env);
  return insertTasks(
    db,
    'monthly_coverage',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.monthly_coverage', jsonb_build_object('month', ${m.month}::text),
               'monthly:' || ${m.month}::text || ':' || c.id, 'customer', c.id::text, ${m.end}::timestamptz, 3, c.owner_id
        FROM customers c
        WHERE ${live('c')} ${p.includeLost ? sql`` : sql`AND c.lifecycle <> 'lost'`}
          ${range.lo ? sql`AND c.id >= ${range.lo}::uuid` : sql``} ${range.hi ? sql`AND c.id < ${range.hi}::uuid` : sql``}
          AND (c.last_contact_at IS NULL OR c.last_contact_at < ${m.start})
          AND NOT EXISTS (SELECT 1 FROM follow_up_tasks f WHERE f.customer_id = c.id AND f.status = 'done' AND f.closed_at >= ${m.start})
        ORDER BY c.id`,
  );
}

/** Customers of the important tiers: a call every week (Monday to Sunday), unless contacted this week. */
export function importantWeekly(db: Db, env: RuleEnv, p: FollowUpRuleParams['important_weekly']) {
  if (!p.tiers.length) return Promise.resolve(0);
  const week = weekStart(env.today);
  const start = at(env, week);
  return insertTasks(
    db,
    'important_weekly',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.important_weekly', jsonb_build_object('tier', c.tier_code, 'week', ${week}::text),
               'weekly:' || ${week}::text || ':' || c.id, 'customer', c.id::text, ${at(env, addDays(week, 7))}::timestamptz, 2, c.owner_id
        FROM customers c
        WHERE ${live('c')} AND c.tier_code = ANY(${p.tiers}::text[])
          AND (c.last_contact_at IS NULL OR c.last_contact_at < ${start})`,
  );
}

const tierFilter = (tiers: string[]) => (tiers.length ? sql`AND c.tier_code = ANY(${tiers}::text[])` : sql``);

/**
 * Birthdays `daysAhead` days ahead, solar or lunar, on this year's solar date: candidates come from the
 * indexed 'MM-DD' keys of the range (shared/birthday-keys.ts), then birthdayBetween() decides, so a
 * lunar birthday lands on the right day. Due by 18:00 on the birthday.
 */
export async function birthdays(db: Db, env: RuleEnv, p: FollowUpRuleParams['birthday']): Promise<number> {
  const to = addDays(env.today, p.daysAhead);
  const keys = birthdayKeysForRange(env.today, to);
  const rows = await sql<{ id: string; birthday: string; birthday_lunar: boolean; birthday_lunar_leap: boolean }>`
    SELECT c.id, c.birthday, c.birthday_lunar, c.birthday_lunar_leap FROM customers c
    WHERE c.birthday IS NOT NULL AND ${live('c')} ${tierFilter(p.tiers)}
      AND ((NOT c.birthday_lunar AND c.birthday_md = ANY(${keys.solar}::text[]))
        OR (c.birthday_lunar AND NOT c.birthday_lunar_leap AND c.birthday_md = ANY(${keys.lunar}::text[]))
        OR (c.birthday_lunar AND c.birthday_lunar_leap AND c.birthday_md = ANY(${keys.lunarLeap}::text[])))`.execute(db);
  const ids: string[] = [];
  const dates: string[] = [];
  const lunar: boolean[] = [];
  const dues: Date[] = [];
  for (const r of rows.rows) {
    const date = birthdayBetween({ date: r.birthday, lunar: r.birthday_lunar, lunarLeap: r.birthday_lunar_leap }, env.today, to);
    if (!date) continue;
    ids.push(r.id);
    dates.push(date);
    lunar.push(r.birthday_lunar);
    dues.push(at(env, date, 18 * 60));
  }
  let created = 0;
  for (let i = 0; i < ids.length; i += 5_000) {
    const slice = (a: unknown[]) => a.slice(i, i + 5_000);
    created += await insertTasks(
      db,
      'birthday',
      env,
      sql`SELECT c.id, CASE WHEN b.lunar THEN 'follow_up_rule.reason.birthday_lunar' ELSE 'follow_up_rule.reason.birthday' END,
                 jsonb_build_object('date', b.date), 'birthday:' || b.date || ':' || c.id, 'customer', c.id::text, b.due, 3, c.owner_id
          FROM unnest(${slice(ids)}::uuid[], ${slice(dates)}::text[], ${slice(lunar)}::boolean[], ${slice(dues.map((d) => d.toISOString()))}::timestamptz[]) AS b(id, date, lunar, due)
          JOIN customers c ON c.id = b.id`,
    );
  }
  return created;
}

/**
 * Festival greetings (元旦, 春节, 五一, 中秋, 国庆; the lunar ones computed for the year): from
 * `daysBefore` days ahead of the festival, a greeting task per customer who consented (unless the
 * manager says otherwise) of the chosen tiers, due by the festival's eve.
 */
export async function holidays(db: Db, env: RuleEnv, p: FollowUpRuleParams['holiday']): Promise<number> {
  const year = Number(env.today.slice(0, 4));
  const to = addDays(env.today, p.daysBefore);
  let created = 0;
  for (const festival of p.festivals) {
    for (const y of [year, year + 1]) {
      const date = festivalDate(festival, y);
      if (date < env.today || date > to) continue;
      const due = new Date(Math.max(env.now.getTime(), at(env, date).getTime()));
      created += await insertTasks(
        db,
        'holiday',
        env,
        sql`SELECT c.id, ${`follow_up_rule.reason.holiday.${festival}`}::text, jsonb_build_object('date', ${date}::text),
                   'holiday:' || ${festival}::text || ':' || ${date}::text || ':' || c.id, 'customer', c.id::text, ${due}::timestamptz, 3, c.owner_id
            FROM customers c
            WHERE ${live('c')} AND c.lifecycle <> 'lost' ${p.consentOnly ? sql`AND c.consent_marketing` : sql``} ${tierFilter(p.tiers)}`,
      );
    }
  }
  return created;
}

/** When a customer last became lost: their latest lifecycle event to 'lost' (else the row's last change). */
const lostSince = sql`coalesce((SELECT max(t.at) FROM timeline_events t WHERE t.customer_id = c.id AND t.kind = 'customer.lifecycle' AND t.data->>'to' = 'lost'), c.updated_at)`;

/** Customers lost (流失) for `days` days: one recall call per loss (a customer lost again is called again). */
export function lostRecall(db: Db, env: RuleEnv, p: FollowUpRuleParams['lost_recall']) {
  const cutoff = new Date(env.now.getTime() - p.days * 86_400_000);
  return insertTasks(
    db,
    'lost_recall',
    env,
    sql`SELECT l.id, 'follow_up_rule.reason.lost_recall', jsonb_build_object('days', ${p.days}::int, 'lostOn', ${localText(env, sql`l.since`)}),
               'lost_recall:' || l.id || ':' || floor(extract(epoch FROM l.since))::bigint, 'customer', l.id::text, ${env.now}::timestamptz, 2, l.owner_id
        FROM (SELECT c.id, c.owner_id, ${lostSince} AS since FROM customers c WHERE c.lifecycle = 'lost' AND c.merged_into IS NULL) l
        WHERE l.since <= ${cutoff}`,
  );
}

/**
 * 战败 (lost deals): the customers marked lost (lifecycle -> 'lost') during the previous calendar month.
 * At least `percent`% of them (rounded up) are called back; the sample is fixed for the month
 * (ordered by md5(month || id)), so a re-run picks the same customers and makes nothing new.
 */
export function lostDealSample(db: Db, env: RuleEnv, p: FollowUpRuleParams['lost_deal_sample']) {
  const m = previousMonthOf(env);
  return insertTasks(
    db,
    'lost_deal_sample',
    env,
    sql`WITH deals AS (
          SELECT DISTINCT t.customer_id AS id FROM timeline_events t JOIN customers c ON c.id = t.customer_id
          WHERE t.kind = 'customer.lifecycle' AND t.data->>'to' = 'lost' AND t.at >= ${m.start} AND t.at < ${m.end} AND c.merged_into IS NULL
        ), n AS (SELECT count(*)::int AS total, ceil(count(*) * ${p.percent}::int / 100.0)::int AS sample FROM deals),
        pick AS (SELECT d.id FROM deals d ORDER BY md5(${m.month}::text || d.id::text) LIMIT (SELECT sample FROM n))
        SELECT c.id, 'follow_up_rule.reason.lost_deal_sample', jsonb_build_object('month', ${m.month}::text, 'sample', n.sample, 'total', n.total),
               'lost_deal:' || ${m.month}::text || ':' || c.id, 'customer', c.id::text, ${at(env, addDays(env.today, 7), 18 * 60)}::timestamptz, 2, c.owner_id
        FROM pick JOIN customers c ON c.id = pick.id CROSS JOIN n`,
  );
}
