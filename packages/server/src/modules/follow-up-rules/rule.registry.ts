import type { FollowUpRuleCode, FollowUpRuleParams } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { RuleEnv } from './rule.env';
import { birthdays, firstContact, holidays, importantWeekly, lostDealSample, lostRecall, monthlyCoverage, type IdRange } from './rules.customers';
import { absentee, afterService, bookingConfirmations, cardRenewals, complaintFollowUps, noVisit } from './rules.services';

type RuleFn<K extends FollowUpRuleCode> = (db: Db, env: RuleEnv, p: FollowUpRuleParams[K]) => Promise<number>;

/**
 * The monthly rule in 16 id ranges (by the first hex digit of the uuid) rather than one statement:
 * each range is a short statement, so PGlite answers requests between them and PostgreSQL holds no
 * million-row transaction (docs/benchmarks.md has both timings).
 */
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

export const RULES: { [K in FollowUpRuleCode]: RuleFn<K> } = {
  first_contact: firstContact,
  monthly_coverage: (db, env, p) => monthlyInRanges(db, env, p),
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
