import { share } from '@kefu/shared/complaint-report';

/** 0.256 -> "25.6%"; nothing to divide -> "—". */
export function percent(count: number, total: number): string {
  return total > 0 ? `${(share(count, total) * 100).toFixed(1)}%` : '—';
}

/** The colours of an outcome, the same in every chart of the reports. */
export const OUTCOME_COLORS = { kept: '#52c41a', breached: '#f5222d', pending: '#bfbfbf' } as const;
export const SATISFACTION_COLORS = { satisfied: '#52c41a', fair: '#faad14', unsatisfied: '#f5222d' } as const;
export const BAR_COLOR = '#1f6feb';
