/**
 * The member-card ledger's PURE rules (SPEC §7, issue 6): which movement fits which card, its sign, whether
 * it waits for a second person, the refund policy of seed 004 (“不退费”), reversals. The server applies
 * exactly these rules inside its transaction; the property test runs them against the real service.
 */
export const CARD_KINDS = ['stored_value', 'lessons', 'points'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const ENTRY_KINDS = [
  'top_up',
  'spend',
  'booking_charge',
  'no_show_deduction',
  'refund',
  'adjustment',
  'points_earned',
  'points_redeemed',
  'transfer_out',
  'transfer_in',
  'reversal',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The unit a card counts in: fen for 储值卡, lessons for 课时卡, points for 积分卡. */
export const CARD_UNITS: Record<CardKind, 'fen' | 'lesson' | 'point'> = { stored_value: 'fen', lessons: 'lesson', points: 'point' };

interface EntryRule {
  /** +1 adds to the balance, -1 takes from it, 0 either way (adjustment, reversal: the amount's own sign) */
  sign: 1 | -1 | 0;
  kinds: readonly CardKind[];
}
const VALUE: readonly CardKind[] = ['stored_value', 'lessons'];
export const ENTRY_RULES: Record<EntryKind, EntryRule> = {
  top_up: { sign: 1, kinds: VALUE },
  spend: { sign: -1, kinds: VALUE },
  booking_charge: { sign: -1, kinds: VALUE },
  no_show_deduction: { sign: -1, kinds: VALUE }, // seed 004 旷课: the lesson is taken all the same
  refund: { sign: -1, kinds: VALUE }, // money or lessons paid back: only when the policy allows it
  adjustment: { sign: 0, kinds: CARD_KINDS }, // only through a second person's approval
  points_earned: { sign: 1, kinds: ['points'] }, // seed 004 水工积分, 转介绍 rewards
  points_redeemed: { sign: -1, kinds: ['points'] }, // seed 004 水工积分兑换
  transfer_out: { sign: -1, kinds: CARD_KINDS },
  transfer_in: { sign: 1, kinds: CARD_KINDS },
  reversal: { sign: 0, kinds: CARD_KINDS },
};

/** Movements a person asks for directly (the others come from approvals, transfers, reversals, bookings). */
export const DIRECT_KINDS = ['top_up', 'spend', 'refund', 'points_earned', 'points_redeemed'] as const;
export type DirectKind = (typeof DIRECT_KINDS)[number];

export function entryAllowedOn(kind: EntryKind, cardKind: CardKind): boolean {
  return ENTRY_RULES[kind].kinds.includes(cardKind);
}

/** The signed change to the balance of a movement of `amount` (> 0 for signed kinds; any non-zero for the others). */
export function signedAmount(kind: EntryKind, amount: number): number {
  const { sign } = ENTRY_RULES[kind];
  return sign === 0 ? amount : sign * Math.abs(amount);
}

export type LedgerVerdict =
  { ok: true; balanceAfter: number } | { ok: false; code: 'card.insufficient_balance' | 'card.refund_not_allowed' | 'card.entry_not_allowed' };

/**
 * Whether a movement may be written, and the balance after it. A balance never goes below zero (the one
 * invariant every engine and every concurrency must keep); a refund needs the department's policy.
 */
export function applyEntry(balance: number, kind: EntryKind, cardKind: CardKind, amount: number, policy: { refundsAllowed: boolean }): LedgerVerdict {
  if (!entryAllowedOn(kind, cardKind) || amount === 0 || !Number.isSafeInteger(amount)) return { ok: false, code: 'card.entry_not_allowed' };
  if (kind === 'refund' && !policy.refundsAllowed) return { ok: false, code: 'card.refund_not_allowed' };
  const after = balance + signedAmount(kind, amount);
  if (after < 0) return { ok: false, code: 'card.insufficient_balance' };
  return { ok: true, balanceAfter: after };
}

/** A correction is a reversing entry: the opposite amount, referencing the original; reversals and transfers are not reversed. */
export function reversalOf(entry: { kind: EntryKind; amount: number }): { ok: true; amount: number } | { ok: false; code: 'card.not_reversible' } {
  if (entry.kind === 'reversal' || entry.kind === 'transfer_out' || entry.kind === 'transfer_in') return { ok: false, code: 'card.not_reversible' };
  return { ok: true, amount: -entry.amount };
}

/** An adjustment is approved by a second person: never the one who asked for it. */
export function canApproveAdjustment(adjustment: { requestedBy: string }, approverId: string): boolean {
  return adjustment.requestedBy !== approverId;
}

/** The balance a ledger proves: the sum of its signed entries. */
export function ledgerSum(entries: readonly { amount: number }[]): number {
  return entries.reduce((s, e) => s + e.amount, 0);
}

/** Card numbers people read on the phone: the type's prefix and six digits (HY-000123). */
export function cardNumber(prefix: string, no: number): string {
  return `${prefix}-${String(no).padStart(6, '0')}`;
}

/** Low balance or near expiry: the membership officer's renewal / upgrade call (seed 004 “卡内余额已经不多了…升班”). */
export function renewalReason(
  card: { balance: number; expiresAt: Date | null },
  type: { lowBalanceThreshold: number },
  now: Date,
  withinDays: number,
): 'low_balance' | 'expiring' | null {
  if (card.balance <= type.lowBalanceThreshold) return 'low_balance';
  if (card.expiresAt && card.expiresAt.getTime() - now.getTime() <= withinDays * 86_400_000) return 'expiring';
  return null;
}

/** Movements an expired card no longer takes: it can still be corrected, adjusted or refunded. */
const BLOCKED_WHEN_EXPIRED: ReadonlySet<EntryKind> = new Set(['top_up', 'spend', 'booking_charge', 'points_redeemed', 'transfer_out', 'transfer_in']);
export function blockedWhenExpired(kind: EntryKind): boolean {
  return BLOCKED_WHEN_EXPIRED.has(kind);
}

/** An amount as people read it: ¥12.50 for fen, a plain count for lessons and points. */
export function formatCardAmount(amount: number, unit: 'fen' | 'lesson' | 'point'): string {
  if (unit !== 'fen') return String(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Freezing (挂失, a pause) and closing (注销): closing is final and only with nothing left on the card. */
export function statusChange(
  from: 'active' | 'frozen' | 'closed',
  to: 'active' | 'frozen' | 'closed',
  balance: number,
): { ok: true } | { ok: false; code: 'card.status_unchanged' | 'card.closed_final' | 'card.close_with_balance' } {
  if (from === to) return { ok: false, code: 'card.status_unchanged' };
  if (from === 'closed') return { ok: false, code: 'card.closed_final' };
  if (to === 'closed' && balance > 0) return { ok: false, code: 'card.close_with_balance' };
  return { ok: true };
}
