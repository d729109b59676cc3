import type { Translate } from '../../app/i18n/use-t';
import { fenToYuan, yuanToFen } from '../complaints/money';

export type CardUnit = 'fen' | 'lesson' | 'point';

/** A balance or an amount as people read it: 380.00 元 for a stored-value card, 12 课时, 300 积分. */
export function formatAmount(t: Translate, amount: number, unit: CardUnit, signed = false): string {
  const n = unit === 'fen' ? fenToYuan(amount) : String(amount);
  const text = t(`cards.unit.${unit}`, { n });
  return signed && amount > 0 ? `+${text}` : text;
}

/**
 * What a person typed, in the card's unit: yuan with up to two decimals become fen (never through floats);
 * lessons and points are whole numbers. `signed` allows a minus (adjustments). NaN when it is not a number.
 */
export function parseAmount(input: string | number | null | undefined, unit: CardUnit, signed = false): number {
  const text = String(input ?? '').trim();
  const negative = signed && text.startsWith('-');
  const abs = negative ? text.slice(1).trim() : text;
  const value = unit === 'fen' ? yuanToFen(abs) : /^\d+$/.test(abs) ? Number(abs) : Number.NaN;
  if (!abs || !Number.isSafeInteger(value)) return Number.NaN;
  return negative ? -value : value;
}
