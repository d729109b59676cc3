import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  canApproveAdjustment,
  cardNumber,
  ENTRY_KINDS,
  entryAllowedOn,
  formatCardAmount,
  ledgerSum,
  renewalReason,
  reversalOf,
  signedAmount,
  statusChange,
  type CardKind,
  type EntryKind,
} from '../src/card-ledger';
import { timelineSummary } from '../src/timeline';
import { rng } from './rng';

const closed = { refundsAllowed: false };
const open = { refundsAllowed: true };

describe('card ledger rules', () => {
  it.each<[number, EntryKind, CardKind, number, boolean, ReturnType<typeof applyEntry>]>([
    [0, 'top_up', 'stored_value', 5_000, false, { ok: true, balanceAfter: 5_000 }],
    [5_000, 'spend', 'stored_value', 5_000, false, { ok: true, balanceAfter: 0 }],
    [5_000, 'spend', 'stored_value', 5_001, false, { ok: false, code: 'card.insufficient_balance' }],
    [10, 'booking_charge', 'lessons', 1, false, { ok: true, balanceAfter: 9 }],
    [0, 'no_show_deduction', 'lessons', 1, false, { ok: false, code: 'card.insufficient_balance' }],
    [100, 'refund', 'stored_value', 50, false, { ok: false, code: 'card.refund_not_allowed' }], // seed 004 不退费
    [100, 'refund', 'stored_value', 50, true, { ok: true, balanceAfter: 50 }],
    [100, 'refund', 'points', 50, true, { ok: false, code: 'card.entry_not_allowed' }],
    [0, 'points_earned', 'points', 20, false, { ok: true, balanceAfter: 20 }],
    [0, 'points_earned', 'stored_value', 20, false, { ok: false, code: 'card.entry_not_allowed' }],
    [20, 'points_redeemed', 'points', 21, false, { ok: false, code: 'card.insufficient_balance' }],
    [100, 'top_up', 'points', 1, false, { ok: false, code: 'card.entry_not_allowed' }],
    [100, 'adjustment', 'points', -100, false, { ok: true, balanceAfter: 0 }],
    [100, 'adjustment', 'lessons', -101, false, { ok: false, code: 'card.insufficient_balance' }],
    [100, 'reversal', 'stored_value', 30, false, { ok: true, balanceAfter: 130 }],
    [100, 'spend', 'stored_value', 0, false, { ok: false, code: 'card.entry_not_allowed' }],
    [100, 'spend', 'stored_value', 1.5, false, { ok: false, code: 'card.entry_not_allowed' }],
  ])('balance %i, %s on %s of %i (refunds %s)', (balance, kind, cardKind, amount, refunds, verdict) => {
    expect(applyEntry(balance, kind, cardKind, amount, refunds ? open : closed)).toEqual(verdict);
  });

  it('signs: money in is positive, out negative; adjustments and reversals keep their own sign', () => {
    expect(ENTRY_KINDS.map((k) => [k, signedAmount(k, 7)])).toEqual([
      ['top_up', 7],
      ['spend', -7],
      ['booking_charge', -7],
      ['no_show_deduction', -7],
      ['refund', -7],
      ['adjustment', 7],
      ['points_earned', 7],
      ['points_redeemed', -7],
      ['transfer_out', -7],
      ['transfer_in', 7],
      ['reversal', 7],
    ]);
    expect(signedAmount('adjustment', -3)).toBe(-3);
    expect(signedAmount('spend', -3)).toBe(-3);
  });

  it('reverses with the opposite amount, but never a reversal or a transfer half', () => {
    expect(reversalOf({ kind: 'spend', amount: -500 })).toEqual({ ok: true, amount: 500 });
    expect(reversalOf({ kind: 'top_up', amount: 500 })).toEqual({ ok: true, amount: -500 });
    for (const kind of ['reversal', 'transfer_in', 'transfer_out'] as const)
      expect(reversalOf({ kind, amount: 1 })).toEqual({ ok: false, code: 'card.not_reversible' });
  });

  it('a second person approves adjustments', () => {
    expect(canApproveAdjustment({ requestedBy: 'a' }, 'a')).toBe(false);
    expect(canApproveAdjustment({ requestedBy: 'a' }, 'b')).toBe(true);
  });

  it('numbers, amounts, renewals', () => {
    expect(cardNumber('HY', 123)).toBe('HY-000123');
    expect(cardNumber('KS', 1_234_567)).toBe('KS-1234567');
    expect(formatCardAmount(1_001, 'fen')).toBe('¥10.01');
    expect(formatCardAmount(-5, 'fen')).toBe('-¥0.05');
    expect(formatCardAmount(3, 'lesson')).toBe('3');
    const now = new Date('2026-10-09T02:00:00Z');
    expect(renewalReason({ balance: 2, expiresAt: null }, { lowBalanceThreshold: 2 }, now, 30)).toBe('low_balance');
    expect(renewalReason({ balance: 3, expiresAt: new Date('2026-11-08T02:00:00Z') }, { lowBalanceThreshold: 2 }, now, 30)).toBe('expiring');
    expect(renewalReason({ balance: 3, expiresAt: new Date('2026-11-08T02:00:01Z') }, { lowBalanceThreshold: 2 }, now, 30)).toBeNull();
  });

  it('10,000 random movements through the rules: the balance is the ledger sum and never negative', () => {
    const r = rng(20261009);
    const kinds: CardKind[] = ['stored_value', 'lessons', 'points'];
    for (const cardKind of kinds) {
      let balance = 0;
      const entries: { kind: EntryKind; amount: number }[] = [];
      for (let i = 0; i < 10_000 / kinds.length; i += 1) {
        const kind = r.pick(ENTRY_KINDS.filter((k) => entryAllowedOn(k, cardKind)));
        const amount = kind === 'adjustment' ? r.int(201) - 100 || 1 : 1 + r.int(100);
        const verdict = applyEntry(balance, kind, cardKind, amount, r.int(2) ? open : closed);
        if (verdict.ok) {
          balance = verdict.balanceAfter;
          entries.push({ kind, amount: signedAmount(kind, amount) });
        }
        expect(balance).toBeGreaterThanOrEqual(0);
      }
      expect(ledgerSum(entries)).toBe(balance);
    }
  });
});

describe('card events on the customer timeline', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['card.issued', { number: 'HY-000001', typeName: '游泳储值卡' }, '开卡 HY-000001（游泳储值卡）', 'Card HY-000001 issued (游泳储值卡)'],
    [
      'card.entry',
      { number: 'HY-000001', kind: 'spend', amount: -1250, balanceAfter: 8750, unit: 'fen' },
      'HY-000001 消费 -¥12.50，余额 ¥87.50',
      'HY-000001 Spend -¥12.50, balance ¥87.50',
    ],
    [
      'card.entry',
      { number: 'KC-000002', kind: 'no_show_deduction', amount: -1, balanceAfter: 9, unit: 'lesson' },
      'KC-000002 旷课扣除 -1，余额 9',
      'KC-000002 No-show deduction -1, balance 9',
    ],
  ])('%s', (kind, data, zh, en) => {
    expect(timelineSummary(kind, data, 'zh-CN')).toBe(zh);
    expect(timelineSummary(kind, data, 'en')).toBe(en);
  });
});

describe('card status changes', () => {
  it.each([
    ['active', 'frozen', 100, { ok: true }],
    ['frozen', 'active', 100, { ok: true }],
    ['active', 'closed', 0, { ok: true }],
    ['active', 'closed', 1, { ok: false, code: 'card.close_with_balance' }],
    ['closed', 'active', 0, { ok: false, code: 'card.closed_final' }],
    ['frozen', 'frozen', 0, { ok: false, code: 'card.status_unchanged' }],
  ] as const)('%s -> %s with %i left', (from, to, balance, verdict) => {
    expect(statusChange(from, to, balance)).toEqual(verdict);
  });
});
