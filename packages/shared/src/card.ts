import { z } from 'zod';
import { CARD_KINDS, DIRECT_KINDS, ENTRY_KINDS } from './card-ledger';

// the member area's extras ride on this module's export (index.ts exports card.ts): bookings charged to a
// card, referrals (转介绍), member activities (会员活动)
export * from './card-booking';
export * from './referral';
export * from './activity';

/** Member cards (会籍: 储值卡, 课时卡, 积分卡): request bodies and answers, used by the server and the web. */
export const CARD_STATUSES = ['active', 'frozen', 'closed'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const CARD_STATUS_LABELS = {
  active: { 'zh-CN': '正常', en: 'active' },
  frozen: { 'zh-CN': '冻结', en: 'frozen' },
  closed: { 'zh-CN': '注销', en: 'closed' },
} as const;

export const CARD_KIND_LABELS = {
  stored_value: { 'zh-CN': '储值卡', en: 'Stored-value card' },
  lessons: { 'zh-CN': '课时卡', en: 'Lesson package' },
  points: { 'zh-CN': '积分卡', en: 'Points card' },
} as const;

export const ENTRY_KIND_LABELS = {
  top_up: { 'zh-CN': '充值', en: 'Top-up' },
  spend: { 'zh-CN': '消费', en: 'Spend' },
  booking_charge: { 'zh-CN': '预约扣课', en: 'Booking charge' }, // lessons cards only (decision 018)
  no_show_deduction: { 'zh-CN': '旷课扣除', en: 'No-show deduction' },
  refund: { 'zh-CN': '退费', en: 'Refund' },
  adjustment: { 'zh-CN': '调整', en: 'Adjustment' },
  points_earned: { 'zh-CN': '积分获得', en: 'Points earned' },
  points_redeemed: { 'zh-CN': '积分兑换', en: 'Points redeemed' },
  transfer_out: { 'zh-CN': '转出', en: 'Transfer out' },
  transfer_in: { 'zh-CN': '转入', en: 'Transfer in' },
  reversal: { 'zh-CN': '冲正', en: 'Reversal' },
} as const;

const amount = z
  .number({ message: 'v.card_amount' })
  .int({ message: 'v.card_amount' })
  .min(1, { message: 'v.card_amount' })
  .max(100_000_000, { message: 'v.card_amount' });
const note = z.string().trim().max(200, { message: 'v.too_long' });

export const cardTypeInputSchema = z.object({
  code: z.string().regex(/^[a-z0-9_-]{2,32}$/, { message: 'v.card_type_code' }),
  name: z.string().trim().min(1, { message: 'v.required' }).max(50, { message: 'v.too_long' }),
  kind: z.enum(CARD_KINDS),
  prefix: z.string().regex(/^[A-Z]{2,4}$/, { message: 'v.card_prefix' }),
  course: z.string().trim().max(50, { message: 'v.too_long' }).nullable().default(null), // 课时卡: the course it is for
  validityDays: z.number().int().min(1).max(3650).nullable().default(null), // null: never expires
  lowBalanceThreshold: z.number().int().min(0).max(100_000_000).default(0),
  active: z.boolean().default(true),
});
export type CardTypeInput = z.infer<typeof cardTypeInputSchema>;
export const cardTypeUpdateSchema = cardTypeInputSchema.omit({ code: true, kind: true, prefix: true }).extend({ version: z.number().int().min(1) });

export const cardTypeSchema = cardTypeInputSchema.extend({ id: z.string(), unit: z.enum(['fen', 'lesson', 'point']), version: z.number() });
export type CardType = z.infer<typeof cardTypeSchema>;

export const cardIssueSchema = z.object({ typeId: z.string().uuid({ message: 'v.card_type' }), customerId: z.string().uuid({ message: 'v.customer' }) });

export const cardSchema = z.object({
  id: z.string(),
  number: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  kind: z.enum(CARD_KINDS),
  unit: z.enum(['fen', 'lesson', 'point']),
  customerId: z.string(),
  customerName: z.string(),
  status: z.enum(CARD_STATUSES),
  balance: z.number(),
  /** lessons promised to live bookings (held until attended, missed or cancelled); available = balance - held */
  held: z.number(),
  expiresAt: z.string().nullable(),
  issuedAt: z.string(),
  version: z.number(),
});
export type Card = z.infer<typeof cardSchema>;

/** A movement a person asks for (top-up, spend, refund, points); the Idempotency-Key header is required. */
export const cardMovementSchema = z.object({ kind: z.enum(DIRECT_KINDS), amount, note: note.optional() });
export type CardMovementInput = z.infer<typeof cardMovementSchema>;

export const cardStatusSchema = z.object({ status: z.enum(CARD_STATUSES), version: z.number().int().min(1) });

export const cardTransferSchema = z.object({ toCardId: z.string().uuid({ message: 'v.card' }), amount, note: note.optional() });
export const cardReversalSchema = z.object({ reason: z.string().trim().min(1, { message: 'v.required' }).max(200, { message: 'v.too_long' }) });
export const cardAdjustmentRequestSchema = z.object({
  amount: z
    .number()
    .int({ message: 'v.card_adjustment' })
    .refine((n) => n !== 0 && Math.abs(n) <= 100_000_000, { message: 'v.card_adjustment' }),
  reason: z.string().trim().min(1, { message: 'v.required' }).max(200, { message: 'v.too_long' }),
});

export const cardEntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  cardId: z.string(),
  kind: z.enum(ENTRY_KINDS),
  amount: z.number(), // signed, in the card's unit
  balanceAfter: z.number(),
  reversesId: z.string().nullable(),
  reversedBy: z.string().nullable(),
  transferId: z.string().nullable(),
  /** the booking a charge, a no-show deduction or its reversal belongs to (the ledger links to it) */
  bookingId: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type CardEntry = z.infer<typeof cardEntrySchema>;

/** What a movement answers: the entry (or entries, for a transfer) and the card after it. */
export const cardMovementResultSchema = z.object({ card: cardSchema, entry: cardEntrySchema });

/** A receipt the web prints: no phone numbers, only what the customer signs for. */
export const cardReceiptSchema = z.object({
  cardNumber: z.string(),
  typeName: z.string(),
  unit: z.enum(['fen', 'lesson', 'point']),
  customerName: z.string(),
  kind: z.enum(ENTRY_KINDS),
  amount: z.number(),
  balanceAfter: z.number(),
  actorName: z.string(),
  at: z.string(),
  entryId: z.string(),
  seq: z.number(),
});

export const ADJUSTMENT_STATES = ['pending', 'approved', 'rejected'] as const;
export const cardAdjustmentSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  cardNumber: z.string(),
  customerName: z.string(),
  amount: z.number(),
  reason: z.string(),
  state: z.enum(ADJUSTMENT_STATES),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  entryId: z.string().nullable(),
});
export const cardDecisionSchema = z.object({ approve: z.boolean(), note: note.optional() });

/** The department's card rules: seed 004 “不退费” by default; how early expiring cards are listed. */
export const cardSettingsSchema = z.object({ refundsAllowed: z.boolean(), renewalWithinDays: z.number().int().min(0).max(365) });
export type CardSettings = z.infer<typeof cardSettingsSchema>;
export const DEFAULT_CARD_SETTINGS: CardSettings = { refundsAllowed: false, renewalWithinDays: 30 };

export const cardVerifySchema = z.object({
  checkedAt: z.string(),
  cards: z.number(),
  mismatches: z.array(z.object({ cardId: z.string(), number: z.string(), balance: z.number(), ledgerSum: z.number() })),
});

export const renewalItemSchema = cardSchema.extend({ reason: z.enum(['low_balance', 'expiring']), threshold: z.number() });
