import { IMPORT_MAX_ISSUES, translate, type ImportReport, type Lang } from '@kefu/shared';
import type { CheckedRow } from './customer-import.rows';

/** The row-by-row report in the reader's language; the counts are always complete. */
export function buildReport(rows: CheckedRow[], lang: Lang): ImportReport {
  const issues: ImportReport['issues'] = [];
  let invalid = 0;
  for (const r of rows) {
    if (!r.issues.length) continue;
    invalid += 1;
    for (const i of r.issues) {
      if (issues.length >= IMPORT_MAX_ISSUES) break;
      issues.push({ row: r.line, field: i.field, value: i.value, message: translate(i.message, lang, i.params) });
    }
  }
  const count = rows.reduce((n, r) => n + r.issues.length, 0);
  return { total: rows.length, valid: rows.length - invalid, invalid, issues, truncated: count > issues.length };
}

export type ImportPhase = 'preparing' | 'inserting';

/**
 * One number for the progress bar: checking and preparing the rows is the first half, writing them
 * the second (on PGlite the write is one transaction, during which the bar waits at the half).
 */
export function percentOf(p: { status: string; phase: ImportPhase | null; total: number; processed: number; imported: number; valid: number }): number {
  if (p.status === 'done') return 100;
  if (p.status !== 'running' || p.total === 0) return 0;
  if (p.phase === 'inserting') return Math.min(99, 50 + Math.floor((p.imported / Math.max(p.valid, 1)) * 49));
  return Math.min(50, Math.floor((p.processed / p.total) * 50));
}
