import { CARD_UNITS, type CardKind, type Referral } from '@kefu/shared';
import type { ReferralRow } from './referral.repo';

/** The only way a referral leaves the server: names, never phone numbers. */
export function toReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    referrerId: r.referrer_id,
    referrerName: r.referrer_name,
    referredId: r.referred_id,
    referredName: r.referred_name,
    referredOn: typeof r.referred_on === 'string' ? r.referred_on.slice(0, 10) : new Date(r.referred_on).toISOString().slice(0, 10),
    note: r.note,
    status: r.status,
    qualifiedAt: r.qualified_at?.toISOString() ?? null,
    qualifiedBy: (r.qualified_by as Referral['qualifiedBy']) ?? null,
    rewardCardNumber: r.reward_card_number ?? null,
    rewardAmount: r.reward_amount === null ? null : Number(r.reward_amount),
    rewardUnit: r.reward_kind ? CARD_UNITS[r.reward_kind as CardKind] : null,
    rewardedAt: r.rewarded_at?.toISOString() ?? null,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}
