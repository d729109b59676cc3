import { addDays, type FollowUpRuleParams } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { at, insertTasks, live, localText, type RuleEnv } from './rule.env';

/** Rules about services: bookings, card spends, complaints' follow-up visits, cards running low. */

/**
 * `days` after a service (a booking attended, a spend at the desk): one call per customer and service
 * day, due `days` after the first service of that day. Services up to 3 days older are caught up, in
 * case the scheduler was down.
 */
export function afterService(db: Db, env: RuleEnv, p: FollowUpRuleParams['after_service']) {
  const cutoff = new Date(env.now.getTime() - p.days * 86_400_000);
  const from = new Date(cutoff.getTime() - 3 * 86_400_000);
  return insertTasks(
    db,
    'after_service',
    env,
    sql`WITH services AS (
          SELECT b.customer_id, b.starts_at AS at, 'booking' AS ref_type, b.id::text AS ref_id FROM bookings b
          WHERE b.status = 'attended' AND b.starts_at > ${from} AND b.starts_at <= ${cutoff}
          UNION ALL
          SELECT k.customer_id, e.at, 'card_entry', e.id::text FROM card_entries e JOIN cards k ON k.id = e.card_id
          WHERE e.kind = 'spend' AND e.at > ${from} AND e.at <= ${cutoff}
        ), firsts AS (
          SELECT DISTINCT ON (s.customer_id, s.day) s.* FROM (SELECT *, ${localText(env, sql`at`)} AS day FROM services) s ORDER BY s.customer_id, s.day, s.at
        )
        SELECT c.id, 'follow_up_rule.reason.after_service', jsonb_build_object('days', ${p.days}::int, 'serviceOn', f.day),
               'after_service:' || c.id || ':' || f.day, f.ref_type, f.ref_id, f.at + make_interval(days => ${p.days}::int), 2, c.owner_id
        FROM firsts f JOIN customers c ON c.id = f.customer_id WHERE ${live('c')}`,
  );
}

/** The no-show call of one booking, or of every no-show marked in the last two days (the sweep behind the hook). */
function absenteeSelect(env: RuleEnv, bookingId: string | null) {
  return sql`SELECT c.id, 'follow_up_rule.reason.absentee', jsonb_build_object('number', b.number, 'startsAt', ${localText(env, sql`b.starts_at`, true)}),
                    'absentee:' || b.id, 'booking', b.id::text, ${env.now}::timestamptz, 1, coalesce(c.owner_id, b.taken_by_id)
             FROM bookings b JOIN customers c ON c.id = b.customer_id
             WHERE b.status = 'no_show' AND ${live('c')}
               ${bookingId ? sql`AND b.id = ${bookingId}::uuid` : sql`AND b.marked_at > ${new Date(env.now.getTime() - 2 * 86_400_000)}`}`;
}

/** A no-show: a call the same day, top priority (the bookings' `no_show` hook calls this inside the marking's transaction). */
export function absentee(db: Db, env: RuleEnv, bookingId: string | null = null) {
  return insertTasks(db, 'absentee', env, absenteeSelect(env, bookingId));
}

/** Customers who came (an attended booking) but not in `days` days, with nothing booked ahead: one call per absence. */
export function noVisit(db: Db, env: RuleEnv, p: FollowUpRuleParams['no_visit']) {
  const cutoff = new Date(env.now.getTime() - p.days * 86_400_000);
  return insertTasks(
    db,
    'no_visit',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.no_visit', jsonb_build_object('days', ${p.days}::int, 'lastVisit', ${localText(env, sql`l.at`)}),
               'no_visit:' || c.id || ':' || floor(extract(epoch FROM l.at))::bigint, 'customer', c.id::text, ${env.now}::timestamptz, 2, c.owner_id
        FROM (SELECT b.customer_id, max(b.starts_at) AS at FROM bookings b WHERE b.status = 'attended' GROUP BY b.customer_id) l
        JOIN customers c ON c.id = l.customer_id
        WHERE l.at < ${cutoff} AND ${live('c')}
          AND NOT EXISTS (SELECT 1 FROM bookings n WHERE n.customer_id = l.customer_id AND n.status = 'booked' AND n.starts_at > ${env.now})`,
  );
}

/**
 * One task per complaint follow-up visit (complaint_follow_ups: after closing, a month later) still
 * open, due by 18:00 on its date, for the complaint's officer (else the customer's owner). The
 * follow-ups area closes the row when the task is reached.
 */
export function complaintFollowUps(db: Db, env: RuleEnv) {
  return insertTasks(
    db,
    'complaint_follow_up',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.complaint_' || f.kind, jsonb_build_object('number', k.number, 'dueDate', f.due_date::text, 'days', f.days),
               'complaint:' || f.id, 'complaint_follow_up', f.id::text, (f.due_date + time '18:00') AT TIME ZONE ${env.timeZone}, 1,
               coalesce(k.assignee_id, c.owner_id)
        FROM complaint_follow_ups f JOIN complaints k ON k.id = f.complaint_id JOIN customers c ON c.id = k.customer_id
        WHERE f.done_at IS NULL AND ${live('c')}`,
  );
}

/**
 * Renewal reminders: an active card at or below its type's low-balance line (once per top-up: the key
 * names the card's latest credit), or expiring within `expiresWithinDays` (once per expiry date). A card
 * never credited is not "running low".
 */
export async function cardRenewals(db: Db, env: RuleEnv, p: FollowUpRuleParams['card_renewal']) {
  const low = await insertTasks(
    db,
    'card_renewal',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.card_low', jsonb_build_object('number', k.number, 'balance', k.balance),
               'card_low:' || k.id || ':' || l.seq, 'card', k.id::text, ${env.now}::timestamptz, 2, c.owner_id
        FROM cards k JOIN card_types t ON t.id = k.type_id JOIN customers c ON c.id = k.customer_id
        CROSS JOIN LATERAL (SELECT max(e.seq) AS seq FROM card_entries e WHERE e.card_id = k.id AND e.amount > 0) l
        WHERE k.status = 'active' AND k.balance <= t.low_balance_threshold AND l.seq IS NOT NULL AND ${live('c')}`,
  );
  const until = at(env, addDays(env.today, p.expiresWithinDays + 1));
  const expiring = await insertTasks(
    db,
    'card_renewal',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.card_expiry', jsonb_build_object('number', k.number, 'expiresOn', ${localText(env, sql`k.expires_at`)}),
               'card_expiry:' || k.id || ':' || ${localText(env, sql`k.expires_at`)}, 'card', k.id::text, ${env.now}::timestamptz, 2, c.owner_id
        FROM cards k JOIN customers c ON c.id = k.customer_id
        WHERE k.status = 'active' AND k.expires_at > ${env.now} AND k.expires_at < ${until} AND ${live('c')}`,
  );
  return low + expiring;
}

/**
 * The call list for the next days' bookings (issue 6): every booking from now to the end of the
 * `daysAhead`-th day that is not cancelled gets a confirmation call, due a day before it (or now).
 */
export function bookingConfirmations(db: Db, env: RuleEnv, p: FollowUpRuleParams['booking_confirm']) {
  const until = at(env, addDays(env.today, p.daysAhead + 1));
  return insertTasks(
    db,
    'booking_confirm',
    env,
    sql`SELECT c.id, 'follow_up_rule.reason.booking_confirm', jsonb_build_object('number', b.number, 'startsAt', ${localText(env, sql`b.starts_at`, true)}),
               'confirm:' || b.id, 'booking', b.id::text, greatest(${env.now}::timestamptz, b.starts_at - interval '1 day'), 2, coalesce(c.owner_id, b.taken_by_id)
        FROM bookings b JOIN customers c ON c.id = b.customer_id
        WHERE b.status = 'booked' AND b.starts_at > ${env.now} AND b.starts_at < ${until} AND ${live('c')}`,
  );
}
