import { reportRange, translate, type Complaint, type ComplaintReport, type ComplaintStepRecord, type ReportQuery, type RootCause } from '@kefu/shared';
import type { Db } from '../../db/client';
import { localDate, type Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { findRootCause, periodCases, periodCounts, saveRootCause, type Period } from './complaint-report.repo';
import { buildReportWorkbook } from './complaint-report.sheet';
import { buildReport } from './complaint-report.summary';
import { renderRecordForm } from './record-form.pdf';
import { localDateTime } from './report-format';

/** What the record form needs of the complaints module: a case and its steps as this reader may see them. */
export interface ComplaintReader {
  get(ctx: Ctx, id: string): Promise<Complaint>;
  steps(ctx: Ctx, id: string): Promise<ComplaintStepRecord[]>;
}

export interface ReportFileOut {
  fileName: string;
  asciiName: string;
  data: Buffer;
}

/**
 * Complaint reports (SPEC §5, seed 001 客诉专员 职责三): the week's and the month's figures, the
 * monthly root-cause analysis beside them, the xlsx of both, and the printable record form of a case.
 * Figures are read through the reports' own SQL; every export and every save is audited.
 */
export function createComplaintReportService(deps: { db: Db; clock: Clock; timeZone: () => Promise<string>; complaints: ComplaintReader }) {
  const { db, clock, complaints } = deps;

  async function periodOf(q: ReportQuery): Promise<Period> {
    const timeZone = await deps.timeZone();
    const asOf = clock.now();
    const { from, to } = reportRange(q.period, q.date ?? localDate(asOf, timeZone));
    return { from, to, timeZone, asOf };
  }

  async function report(q: ReportQuery, p: Period): Promise<ComplaintReport> {
    const [rows, major] = await Promise.all([periodCounts(db, p), periodCases(db, p, { majorOnly: true })]);
    return buildReport(q.period, p, rows, major);
  }

  async function summary(q: ReportQuery): Promise<ComplaintReport> {
    return report(q, await periodOf(q));
  }

  async function rootCause(month: string): Promise<RootCause> {
    const q: ReportQuery = { period: 'month', date: `${month}-01` };
    const [figures, row] = await Promise.all([summary(q), findRootCause(db, month)]);
    return {
      month,
      report: figures,
      analysis: row?.analysis ?? '',
      version: row?.version ?? 0,
      updatedAt: row?.updated_at.toISOString() ?? null,
      updatedBy: row ? { id: row.updated_by ?? '', name: row.updated_by_name } : null,
    };
  }

  /** The officer's text for a month that has begun; a save on a stale version changes nothing (409). */
  async function saveAnalysis(ctx: Ctx, month: string, body: { analysis: string; version: number }): Promise<RootCause> {
    const now = clock.now();
    if (month > localDate(now, await deps.timeZone()).slice(0, 7)) throw new AppError('complaint_report.future_month', 400);
    await db.transaction().execute(async (trx) => {
      const saved = await saveRootCause(trx, {
        month,
        analysis: body.analysis,
        version: body.version,
        by: { id: ctx.actor.kind === 'user' ? ctx.actor.id : null, name: ctx.actor.name },
        at: now,
      });
      if (saved === null) throw conflict('complaint_report.version_conflict');
      await appendAudit(trx, ctx, {
        action: 'complaint_report.root_cause',
        entityType: 'complaint_root_cause',
        entityId: month,
        detail: { version: saved, analysis: body.analysis },
      });
    });
    return rootCause(month);
  }

  /** The summary, the period's cases and (for a month) the analysis, as one xlsx; audited. */
  async function exportSummary(ctx: Ctx, q: ReportQuery): Promise<ReportFileOut> {
    const p = await periodOf(q);
    const [figures, cases, analysis] = await Promise.all([
      report(q, p),
      periodCases(db, p),
      q.period === 'month' ? findRootCause(db, p.from.slice(0, 7)) : undefined,
    ]);
    const data = await buildReportWorkbook({
      report: figures,
      cases,
      analysis: analysis ? { text: analysis.analysis, by: analysis.updated_by_name, at: analysis.updated_at } : null,
      exporter: ctx.actor.kind === 'user' ? `${ctx.actor.name}（${ctx.actor.username}）` : ctx.actor.name,
      exportedAt: p.asOf,
      lang: ctx.lang,
    });
    await db.transaction().execute((trx) =>
      appendAudit(trx, ctx, {
        action: 'complaint_report.export',
        entityType: 'complaint_report',
        entityId: `${q.period}:${p.from}`,
        detail: { period: q.period, from: p.from, to: p.to, rows: cases.length },
      }),
    );
    return {
      fileName: `${translate('report.file_name', ctx.lang, { from: p.from, to: p.to })}.xlsx`,
      asciiName: `complaints-${p.from}-${p.to}.xlsx`,
      data,
    };
  }

  /**
   * The printable record form (附件二) of one case. The case and its steps come from the complaints
   * module with the reader's own scope (not visible: 404) and masking; the print is audited, as the
   * paper leaves the system with the complainant's details on it.
   */
  async function recordForm(ctx: Ctx, id: string): Promise<ReportFileOut> {
    const complaint = await complaints.get(ctx, id);
    const steps = await complaints.steps(ctx, id);
    const now = clock.now();
    const timeZone = await deps.timeZone();
    const data = await renderRecordForm({ complaint, steps, timeZone, lang: ctx.lang, printedBy: ctx.actor.name, printedAt: now });
    await db.transaction().execute((trx) =>
      appendAudit(trx, ctx, {
        action: 'complaint.print_record',
        entityType: 'complaint',
        entityId: id,
        detail: { number: complaint.number, printedAt: localDateTime(now, timeZone) },
      }),
    );
    return {
      fileName: `${translate('record.file_name', ctx.lang, { number: complaint.number })}.pdf`,
      asciiName: `complaint-record-${complaint.number}.pdf`,
      data,
    };
  }

  return { summary, rootCause, saveAnalysis, exportSummary, recordForm };
}
export type ComplaintReportService = ReturnType<typeof createComplaintReportService>;
