import type { FollowUpRuleCode, FollowUpRuleParams } from '@kefu/shared';
import type { Db, DbKind } from '../../db/client';
import type { RuleEnv } from './rule.env';
import { birthdays, firstContact, holidays, importantWeekly, lostDealSample, lostRecall, monthlyCoverage, type IdRange } from './rules.customers';
import { absentee, afterService, bookingConfirmations, cardRenewals, complaintFollowUps, noVisit } from './rules.services';

type RuleFn<K extends FollowUpRuleCode> = (db: Db, env: RuleEnv, p: FollowUpRuleParams[K], kind: DbKind) => Promise<number>;

/** The monthly rule's part of the archive by the first hex digit of the customer's uuid: `parts` ranges that cover every id once. */
export function idRanges(parts: number): IdRange[] {
  if (parts <= 1) return [{ lo: null, hi: null }];
  const bound = (i: number) => `${Math.floor((i * 16) / parts).toString(16)}0000000-0000-0000-0000-000000000000`;
  return Array.from({ length: parts }, (_, i) => ({ lo: i === 0 ? null : bound(i), hi: i === parts - 1 ? null : bound(i + 1) }));
}

export async function monthlyInRanges(db: Db, env: RuleEnv, p: FollowUpRuleParams['monthly_coverage'], parts = 16): Promise<number> {
  let created = 0;
  for (const range of idRanges(parts)) created += await monthlyCoverage(db, env, p, range);
  return created;
}

/**
 * How the scheduler runs the monthly rule. On PGlite every query of the process waits for the one
 * connection, so the 1,000,000-task run is cut into 16 id ranges and requests are answered between them.
 * On PostgreSQL one statement is faster (no 16 scans and anti-joins, one commit) and blocks nobody: its
 * tasks are new rows, and the foreign-key check's KEY SHARE lock on each customer does not conflict with
 * editing the customer (docs/benchmarks.md has both timings; decision 013).
 */
export function monthlyByEngine(db: Db, env: RuleEnv, p: FollowUpRuleParams['monthly_coverage'], kind: DbKind): Promise<number> {
  return kind === 'postgres' ? monthlyCoverage(db, env, p) : monthlyInRanges(db, env, p);
}

export const RULES: { [K in FollowUpRuleCode]: RuleFn<K> } = {
  first_contact: firstContact,
  monthly_coverage: monthlyByEngine,
  important_weekly: importantWeekly,
  after_service: afterService,
  birthday: birthdays,
  holiday: holidays,
  lost_recall: lostRecall,
  lost_deal_sample: lostDealSample,
  absentee: (db, env) => absentee(db, env),
  no_visit: noVisit,
  complaint_follow_up: (db, env) => complaintFollowUps(db, env),
  card_renewal: cardRenewals,
  booking_confirm: bookingConfirmations,
};
