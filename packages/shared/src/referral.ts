import { z } from 'zod';
import type { CardKind } from './card-ledger';

/**
 * 转介绍 (seed 004: 老学员介绍新学员): who brought whom, and the referrer's reward. A referral waits
 * (`pending`) until the new customer buys (a top-up on a card) or attends a booking; it is then
 * `qualified`, and `rewarded` once the reward is written to the referrer's card through the ledger.
 */
export const REFERRAL_STATUSES = ['pending', 'qualified', 'rewarded'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS = {
  pending: { 'zh-CN': '待转化', en: 'Pending' },
  qualified: { 'zh-CN': '待发奖励', en: 'Reward due' },
  rewarded: { 'zh-CN': '已奖励', en: 'Rewarded' },
} as const;

export const REFERRAL_QUALIFIERS = {
  top_up: { 'zh-CN': '首次充值', en: 'First top-up' },
  attended: { 'zh-CN': '首次到课', en: 'First attendance' },
} as const;
export type ReferralQualifier = keyof typeof REFERRAL_QUALIFIERS;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' });

export const referralCreateSchema = z
  .object({
    referrerId: z.string().uuid({ message: 'v.customer' }),
    referredId: z.string().uuid({ message: 'v.customer' }),
    /** the day the new customer was brought; today when left out */
    referredOn: day.nullable().default(null),
    note: z.string().trim().max(200, { message: 'v.too_long' }).default(''),
  })
  .refine((r) => r.referrerId !== r.referredId, { message: 'referral.self', path: ['referredId'] });
export type ReferralCreateInput = z.input<typeof referralCreateSchema>;

export const referralSchema = z.object({
  id: z.string(),
  referrerId: z.string(),
  referrerName: z.string(),
  referredId: z.string(),
  referredName: z.string(),
  referredOn: z.string(),
  note: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  qualifiedAt: z.string().nullable(),
  qualifiedBy: z.enum(['top_up', 'attended']).nullable(),
  rewardCardNumber: z.string().nullable(),
  rewardAmount: z.number().nullable(),
  rewardUnit: z.enum(['fen', 'lesson', 'point']).nullable(),
  rewardedAt: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type Referral = z.infer<typeof referralSchema>;

export const customerReferralsSchema = z.object({ referredBy: referralSchema.nullable(), referred: z.array(referralSchema) });

/** The reward as a setting: which card type of the referrer's receives it, and how much (in that type's unit). */
export const referralSettingsSchema = z.object({
  rewardCardTypeId: z.string().uuid({ message: 'v.card_type' }).nullable(),
  rewardAmount: z.number().int({ message: 'v.card_amount' }).min(1, { message: 'v.card_amount' }).max(100_000_000, { message: 'v.card_amount' }),
});
export type ReferralSettings = z.infer<typeof referralSettingsSchema>;
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = { rewardCardTypeId: null, rewardAmount: 100 };

/** The ledger movement of a reward on a card of `kind`: points are earned, money and lessons topped up. */
export function rewardEntryKind(kind: CardKind): 'points_earned' | 'top_up' {
  return kind === 'points' ? 'points_earned' : 'top_up';
}

/**
 * The referrer's card that receives the reward: an active, unexpired card of the configured type, the
 * oldest first (the member's main card). None: the referral waits as `qualified` with the reason.
 */
export function rewardCard<C extends { typeId: string; status: string; expiresAt: Date | null; issuedAt: Date }>(
  settings: ReferralSettings,
  cards: readonly C[],
  now: Date,
): { ok: true; card: C } | { ok: false; code: 'referral.no_reward_setting' | 'referral.no_reward_card' } {
  if (!settings.rewardCardTypeId) return { ok: false, code: 'referral.no_reward_setting' };
  const fit = cards
    .filter((c) => c.typeId === settings.rewardCardTypeId && c.status === 'active' && (!c.expiresAt || c.expiresAt.getTime() > now.getTime()))
    .sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  return fit[0] ? { ok: true, card: fit[0] } : { ok: false, code: 'referral.no_reward_card' };
}
