import type { ImportMapping, ImportMode, ImportReport, ImportStatus, ImportUpload } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { NewCustomer } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { toInsertRow } from '../customers';
import { suggestMapping } from './customer-import.mapping';
import { parseCustomerFile } from './customer-import.parse';
import { buildReport, percentOf, type ImportPhase } from './customer-import.report';
import {
  claimForRun,
  dropOldUploads,
  STALE_RUN_MS,
  copyCustomerBatch,
  existingMobiles,
  finishImport,
  findImport,
  insertCustomerBatch,
  insertImport,
  loadLookups,
  loadRows,
  releaseRun,
  type BlobCopier,
  type ImportRow,
} from './customer-import.repo';
import { checkRow, markDuplicates, type CheckedRow } from './customer-import.rows';

const PREVIEW_ROWS = 10;
const BATCH = 1000;
/** rows checked between two yields to the event loop, so other requests (and progress polls) get in */
const SLICE = 500;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Live {
  phase: ImportPhase;
  processed: number;
  imported: number;
  valid: number;
}

/**
 * Import of a customer book: upload (parse, store, suggest a mapping), validate (the row-by-row
 * report), run (the valid rows in one transaction, or nothing). Parsing and checking happen before
 * the transaction; inside it only the prepared multi-row inserts run (PGlite is one session).
 */
export function createCustomerImportService(deps: { db: Db; clock: Clock; pglite?: BlobCopier | null }) {
  const { db, clock } = deps;
  const insertBatch = deps.pglite ? copyCustomerBatch.bind(null, deps.pglite) : insertCustomerBatch;
  // progress of the runs of this process; the table has it at each phase's end
  const live = new Map<string, Live>();

  async function upload(ctx: Ctx, fileName: string, data: Buffer): Promise<ImportUpload> {
    const sheet = await parseCustomerFile(fileName, data);
    await dropOldUploads(db, clock.now());
    const rows = { lines: sheet.rows.map((r) => r.line), cells: sheet.rows.map((r) => r.cells) };
    const id = await insertImport(db, { createdBy: ctx.actor.id, fileName, headers: sheet.headers, rows, at: clock.now() });
    return {
      id,
      fileName,
      total: sheet.rows.length,
      headers: sheet.headers,
      preview: sheet.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.line, cells: r.cells })),
      suggestedMapping: suggestMapping(sheet.headers),
    };
  }

  async function mine(ctx: Ctx, id: string): Promise<ImportRow> {
    const row = await findImport(db, id, ctx.actor.id);
    if (!row) throw new AppError('import.not_found', 404);
    return row;
  }

  function checkMapping(row: ImportRow, mapping: ImportMapping) {
    if (mapping.name === undefined) throw new AppError('import.no_name_column', 400);
    const width = (row.headers as string[]).length;
    const bad = Object.entries(mapping).filter(([, col]) => col >= width);
    if (bad.length)
      throw new AppError('error.validation', 400, {}, { errors: bad.map(([field]) => ({ path: `mapping.${field}`, message: 'import.bad_column' })) });
  }

  /** Every row checked against the mapping, the users and categories, the archive and the file itself. */
  async function checkAll(row: ImportRow, mapping: ImportMapping, each?: (r: CheckedRow, index: number) => void): Promise<CheckedRow[]> {
    checkMapping(row, mapping);
    const stored = await loadRows(db, row.id);
    const lookups = await loadLookups(db);
    const checked: CheckedRow[] = [];
    for (let i = 0; i < stored.lines.length; i++) {
      const r = checkRow(stored.lines[i]!, stored.cells[i]!, mapping, lookups);
      checked.push(r);
      each?.(r, i);
      if ((i + 1) % SLICE === 0) await tick();
    }
    const mobiles = [...new Set(checked.flatMap((r) => (r.mobile ? [r.mobile] : [])))];
    const taken = await existingMobiles(db, mobiles);
    const mobileColumn = mapping.mobile!;
    const cellsByLine = new Map(stored.lines.map((l, i) => [l, stored.cells[i]!]));
    markDuplicates(checked, taken, (r) => cellsByLine.get(r.line)?.[mobileColumn] ?? '');
    return checked;
  }

  async function validate(ctx: Ctx, id: string, mapping: ImportMapping): Promise<ImportReport> {
    const row = await mine(ctx, id);
    if (row.status === 'done') throw conflict('import.already_done');
    return buildReport(await checkAll(row, mapping), ctx.lang);
  }

  async function run(ctx: Ctx, id: string, mapping: ImportMapping, mode: ImportMode): Promise<ImportStatus> {
    const row = await mine(ctx, id);
    checkMapping(row, mapping);
    if (row.status === 'done') throw conflict('import.already_done');
    if (!(await claimForRun(db, id, mapping, mode, clock.now()))) throw conflict('import.running');
    const state: Live = { phase: 'preparing', processed: 0, imported: 0, valid: 0 };
    live.set(id, state);
    let report: ImportReport | null = null;
    try {
      const now = clock.now();
      // the insert rows (pinyin, search keys) are computed while checking, outside any transaction
      const prepared: (NewCustomer | null)[] = [];
      let failing = false; // all or nothing: once a row fails, nothing will be inserted, so stop preparing
      const checked = await checkAll(row, mapping, (r, i) => {
        failing ||= mode === 'all_or_nothing' && r.issues.length > 0;
        prepared[i] = r.input && !failing ? { ...toInsertRow(r.input, ctx.actor.id), created_at: now, updated_at: now } : null;
        state.processed = i + 1;
      });
      report = buildReport(checked, ctx.lang);
      if (mode === 'all_or_nothing' && report.invalid > 0) throw hasErrors(checked, report.invalid);
      // duplicates are known only after the whole file: their prepared rows are dropped here
      const values = checked.flatMap((r, i) => (r.input && prepared[i] ? [prepared[i]] : []));
      Object.assign(state, { phase: 'inserting', processed: report.total, valid: values.length });
      const done = report;
      await db.transaction().execute(async (trx) => {
        const event = { at: now, actorId: ctx.actor.id, actorName: ctx.actor.name, data: { via: 'import', importId: id } };
        for (let i = 0; i < values.length; i += BATCH) {
          await insertBatch(trx, values.slice(i, i + BATCH), event);
          state.imported = Math.min(values.length, i + BATCH);
        }
        await appendAudit(trx, ctx, {
          action: 'customer.import',
          entityType: 'customer_import',
          entityId: id,
          detail: { fileName: row.file_name, mode, total: done.total, imported: values.length, invalid: done.invalid },
        });
        await finishImport(trx, id, { imported: values.length, total: done.total, report: done, at: clock.now() });
      });
    } catch (e) {
      await releaseRun(db, id, report);
      // a customer with one of these numbers was entered while we checked: nothing went in
      if ((e as { code?: string }).code === '23505') throw conflict('import.conflict');
      throw e;
    } finally {
      live.delete(id);
    }
    return status(ctx, id);
  }

  function hasErrors(checked: CheckedRow[], count: number): AppError {
    const errors = checked
      .flatMap((r) => r.issues.map((i) => ({ path: `rows.${r.line}.${i.field}`, message: i.message, ...(i.params ? { params: i.params } : {}) })))
      .slice(0, 5000);
    return new AppError('import.has_errors', 409, { count }, { errors });
  }

  async function status(ctx: Ctx, id: string): Promise<ImportStatus> {
    const row = await mine(ctx, id);
    const now = live.get(id);
    const report = (row.report as ImportReport | null) ?? null;
    // a run whose process died: nothing went in, and it may be run again
    const stale = row.status === 'running' && !now && !!row.claimed_at && clock.now().getTime() - row.claimed_at.getTime() > STALE_RUN_MS;
    const p = {
      status: stale ? 'uploaded' : row.status,
      phase: now?.phase ?? null,
      total: row.total,
      processed: now?.processed ?? row.processed,
      imported: now?.imported ?? row.imported,
      valid: now?.valid ?? report?.valid ?? 0,
    };
    return {
      id: row.id,
      fileName: row.file_name,
      status: p.status,
      mode: (row.mode as ImportMode | null) ?? null,
      phase: p.phase,
      total: p.total,
      processed: p.processed,
      imported: p.imported,
      percent: percentOf(p),
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      report,
    };
  }

  return { upload, validate, run, status };
}
export type CustomerImportService = ReturnType<typeof createCustomerImportService>;
