import { exportTransition, translate, type Customer, type CustomerExport, type CustomerFilter, type ExportAction, type ExportStatus } from '@kefu/shared';
import type { Db } from '../../db/client';
import { localDate, type Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { canSee, selectCustomers, toCustomer, type CustomerService } from '../customers';
import type { SettingsService } from '../settings';
import { findExport, insertExport, listExports, markDownloaded, setDecision, type ExportRow } from './customer-export.repo';
import { buildExportWorkbook, exportColumns, localDateTime } from './customer-export.sheet';

const PAGE = 1000;

/**
 * Export of customer data (SPEC §1): request with a reason and the list's filters -> the manager
 * approves or rejects (never their own) -> the requester downloads one xlsx of exactly what they may
 * see, numbers masked as on their screen. Each step and its audit row commit together.
 */
export function createCustomerExportService(deps: {
  db: Db;
  clock: Clock;
  settings: SettingsService;
  customers: CustomerService;
  timeZone: () => Promise<string>;
}) {
  const { db, clock, settings, customers } = deps;
  const approver = (ctx: Ctx) => ctx.actor.permissions.has('customer:export_approve');

  function toExport(ctx: Ctx, r: ExportRow): CustomerExport {
    const status = r.status as ExportStatus;
    const mine = r.requested_by === ctx.actor.id;
    const decide = status === 'pending' && approver(ctx) && !mine;
    return {
      id: r.id,
      status,
      reason: r.reason,
      filter: (r.filter ?? {}) as CustomerFilter,
      requestedById: r.requested_by,
      requestedByName: r.requester_name,
      requestedAt: r.requested_at.toISOString(),
      decidedByName: r.decider_name,
      decidedAt: r.decided_at?.toISOString() ?? null,
      decisionNote: r.decision_note,
      downloadedAt: r.downloaded_at?.toISOString() ?? null,
      rowCount: r.row_count,
      abilities: { approve: decide, reject: decide, download: mine && (status === 'approved' || status === 'downloaded') },
    };
  }

  /** The requester and the approvers see a request; for anyone else it does not exist. */
  async function visible(ctx: Ctx, id: string, trx: Db = db, forUpdate = false): Promise<ExportRow> {
    const row = await findExport(trx, id, forUpdate);
    if (!row || (row.requested_by !== ctx.actor.id && !approver(ctx))) throw notFound();
    return row;
  }

  async function request(ctx: Ctx, reason: string, filter: CustomerFilter): Promise<CustomerExport> {
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertExport(trx, { requestedBy: ctx.actor.id, reason, filter, at: clock.now() });
      await appendAudit(trx, ctx, { action: 'export.request', entityType: 'customer_export', entityId: newId, detail: { reason, filter } });
      return newId;
    });
    return toExport(ctx, (await findExport(db, id))!);
  }

  async function list(ctx: Ctx, scope: 'mine' | 'all' | 'pending', limit: number, cursor?: string) {
    if (scope !== 'mine' && !approver(ctx)) throw forbidden();
    const c = decodeCursor(cursor);
    const rows = await listExports(db, {
      ...(scope === 'mine' ? { requestedBy: ctx.actor.id } : {}),
      ...(scope === 'pending' ? { status: 'pending' as const } : {}),
      limit,
      after: c && c.length === 2 ? [new Date(String(c[0])), String(c[1])] : null,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((r) => toExport(ctx, r)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.requested_at.toISOString(), last.id]) : null,
    };
  }

  async function get(ctx: Ctx, id: string): Promise<CustomerExport> {
    return toExport(ctx, await visible(ctx, id));
  }

  async function decide(ctx: Ctx, id: string, action: Extract<ExportAction, 'approve' | 'reject'>, note: string | null): Promise<CustomerExport> {
    if (!approver(ctx)) throw forbidden();
    await db.transaction().execute(async (trx) => {
      const row = await visible(ctx, id, trx, true);
      if (row.requested_by === ctx.actor.id) throw new AppError('export.self_approve', 403);
      const t = exportTransition(row.status as ExportStatus, action);
      if (!t.ok) throw conflict('export.invalid_state', {}, t.allowed);
      await setDecision(trx, id, { status: t.to, decidedBy: ctx.actor.id, at: clock.now(), note });
      await appendAudit(trx, ctx, {
        action: `export.${action}`,
        entityType: 'customer_export',
        entityId: id,
        detail: { requestedBy: row.requester_name, reason: row.reason, note },
      });
    });
    return get(ctx, id);
  }

  /** Every customer of the list under this filter, as this reader sees it on screen (masked or not). */
  async function customersUnder(ctx: Ctx, filter: CustomerFilter, today: string): Promise<Customer[]> {
    const out: Customer[] = [];
    let cursor: string | undefined;
    do {
      const page = await customers.list(ctx, { ...filter, limit: PAGE, cursor });
      const ids = page.items.map((i) => i.id);
      const rows = ids.length ? await selectCustomers(db).where('customers.id', 'in', ids).execute() : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const r = byId.get(id);
        if (r && canSee(ctx.actor, r)) out.push(toCustomer(r, ctx.actor, today));
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /**
   * The file, for the requester only, after approval. The customers are read through the customer
   * list with the requester's own scope and masking, page by page, before the short transaction
   * that records the download.
   */
  async function download(ctx: Ctx, id: string): Promise<{ fileName: string; asciiName: string; data: Buffer; rowCount: number }> {
    const row = await visible(ctx, id);
    if (row.requested_by !== ctx.actor.id) throw notFound();
    const t = exportTransition(row.status as ExportStatus, 'download');
    if (!t.ok) throw conflict(row.status === 'pending' || row.status === 'rejected' ? 'export.not_approved' : 'export.invalid_state', {}, t.allowed);
    const filter = (row.filter ?? {}) as CustomerFilter;
    const now = clock.now();
    const timeZone = await deps.timeZone();
    const records = await customersUnder(ctx, filter, localDate(now, timeZone));
    const cats = await settings.categories();
    const catLabel = (kind: 'class' | 'tier', code: string) => {
      const c = cats.find((x) => x.kind === kind && x.code === code);
      return c ? (ctx.lang === 'en' ? c.labelEn : c.labelZh) : code;
    };
    const exportedAt = localDateTime(now, timeZone);
    const meta = { exporter: `${ctx.actor.name}（${ctx.actor.username}）`, exportedAt, approver: row.decider_name ?? '', reason: row.reason };
    const data = await buildExportWorkbook(meta, exportColumns(ctx.lang, catLabel), records, ctx.lang);
    await db.transaction().execute(async (trx) => {
      const locked = await visible(ctx, id, trx, true);
      if (!exportTransition(locked.status as ExportStatus, 'download').ok) throw conflict('export.invalid_state');
      await markDownloaded(trx, id, { at: now, rowCount: records.length });
      await appendAudit(trx, ctx, { action: 'export.download', entityType: 'customer_export', entityId: id, detail: { rowCount: records.length, filter } });
    });
    const stamp = exportedAt.replace(/[-: ]/g, '').slice(0, 12);
    return {
      fileName: `${translate('export.file_name', ctx.lang)}-${stamp}.xlsx`,
      asciiName: `customers-export-${stamp}.xlsx`,
      data,
      rowCount: records.length,
    };
  }

  return { request, list, get, decide, download };
}
export type CustomerExportService = ReturnType<typeof createCustomerExportService>;
