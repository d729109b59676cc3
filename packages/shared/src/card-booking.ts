/**
 * Bookings charged to a member card (SPEC §6-§7, seed 004 约课排课 / 旷课 / 临时取消课): PURE rules.
 * A booking holds lessons on a 课时卡 when it is made (约课 requires remaining lessons, so a card without
 * them refuses the booking), and the hold is settled once: attended -> booking_charge, no-show ->
 * no_show_deduction (the seed's rule), cancelled in time or excused -> released. An excuse after the
 * deduction reverses it. See docs/decisions/018-card-bookings-referrals-activities.md.
 */
import type { CardKind } from './card-ledger';

export interface HoldCard {
  kind: CardKind;
  status: 'active' | 'frozen' | 'closed';
  customerId: string;
  balance: number;
  held: number;
  expiresAt: Date | null;
}

export type HoldRefusal =
  'card.booking_other_customer' | 'card.booking_not_lessons' | 'card.inactive' | 'card.expires_before_booking' | 'card.insufficient_lessons';

/** Lessons a card can still promise: its balance less what live bookings already hold. */
export const availableOf = (card: Pick<HoldCard, 'balance' | 'held'>) => card.balance - card.held;

/** One lesson per place booked. */
export const lessonsFor = (places: number) => places;

/** Whether `card` may hold the lessons of a booking of `places` for `customerId` starting at `startsAt`. */
export function holdVerdict(
  card: HoldCard,
  booking: { customerId: string; places: number; startsAt: Date },
): { ok: true; amount: number } | { ok: false; code: HoldRefusal; available: number } {
  const available = availableOf(card);
  const no = (code: HoldRefusal) => ({ ok: false as const, code, available });
  if (card.customerId !== booking.customerId) return no('card.booking_other_customer');
  if (card.kind !== 'lessons') return no('card.booking_not_lessons');
  if (card.status !== 'active') return no('card.inactive');
  if (card.expiresAt && card.expiresAt.getTime() <= booking.startsAt.getTime()) return no('card.expires_before_booking');
  const amount = lessonsFor(booking.places);
  if (amount > available) return no('card.insufficient_lessons');
  return { ok: true, amount };
}

export type BookingStep = 'attended' | 'no_show' | 'cancelled' | 'waived';
export type HoldState = 'held' | 'charged' | 'released';

/**
 * What a booking's step does to its hold: charge it (with which ledger kind), release it, reverse the
 * charge already made (an excuse after a no-show), or nothing (no hold, or already settled that way).
 */
export function settlementFor(
  step: BookingStep,
  hold: HoldState | null,
): { do: 'charge'; kind: 'booking_charge' | 'no_show_deduction' } | { do: 'release' } | { do: 'reverse' } | { do: 'nothing' } {
  if (hold === null) return { do: 'nothing' };
  if (hold === 'held') {
    if (step === 'attended') return { do: 'charge', kind: 'booking_charge' };
    if (step === 'no_show') return { do: 'charge', kind: 'no_show_deduction' };
    return { do: 'release' };
  }
  // seed 004: "病例证明…课时返还" — the proof may come after the deduction
  if (hold === 'charged' && step === 'waived') return { do: 'reverse' };
  return { do: 'nothing' };
}
