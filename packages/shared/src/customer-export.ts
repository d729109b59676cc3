import { z } from 'zod';
import { LIFECYCLE_STATES } from './customer-lifecycle';

/**
 * Export of customer data (SPEC §1, seed 001 "借阅重要档案"): a request with a reason and the list's
 * filters, the manager's approval, then one xlsx for the requester. The one transitions table.
 */
export const EXPORT_STATUSES = ['pending', 'approved', 'rejected', 'downloaded'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_ACTIONS = ['approve', 'reject', 'download'] as const;
export type ExportAction = (typeof EXPORT_ACTIONS)[number];

export const EXPORT_TRANSITIONS: Record<ExportStatus, Partial<Record<ExportAction, ExportStatus>>> = {
  pending: { approve: 'approved', reject: 'rejected' },
  // an approved file may be fetched again (a browser that lost it); every download is audited
  approved: { download: 'downloaded' },
  downloaded: { download: 'downloaded' },
  rejected: {},
};

export function exportTransition(from: ExportStatus, action: ExportAction): { ok: true; to: ExportStatus } | { ok: false; allowed: ExportAction[] } {
  const to = EXPORT_TRANSITIONS[from][action];
  return to ? { ok: true, to } : { ok: false, allowed: Object.keys(EXPORT_TRANSITIONS[from]) as ExportAction[] };
}

/** The named lists of the customer list (the server's CUSTOMER_LISTS). */
export const CUSTOMER_LIST_NAMES = ['big', 'churn_risk', 'birthday_week', 'birthday_month'] as const;

/** The filters of GET /api/v1/customers, as an export request carries them. */
export const customerFilterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  lifecycle: z.enum(LIFECYCLE_STATES).optional(),
  ownerId: z.union([z.literal('me'), z.literal('none'), z.string().uuid()]).optional(),
  tierCode: z.string().max(32).optional(),
  classCode: z.string().max(32).optional(),
  tag: z.string().max(20).optional(),
  list: z.enum(CUSTOMER_LIST_NAMES).optional(),
});
export type CustomerFilter = z.infer<typeof customerFilterSchema>;

export const exportRequestSchema = z.object({
  reason: z.string().trim().min(2, { message: 'export.reason_required' }).max(500, { message: 'v.too_long' }),
  filter: customerFilterSchema.default({}),
});
export const exportDecisionSchema = z.object({ note: z.string().trim().max(500, { message: 'v.too_long' }).optional() });

export const exportListQuery = z.object({
  /** mine: my requests; all: every request (approvers); pending: waiting for approval (approvers) */
  scope: z.enum(['mine', 'all', 'pending']).default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const customerExportSchema = z.object({
  id: z.string(),
  status: z.enum(EXPORT_STATUSES),
  reason: z.string(),
  filter: customerFilterSchema,
  requestedById: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  downloadedAt: z.string().nullable(),
  rowCount: z.number().nullable(),
  /** what this reader may do with this request; the UI greys out the rest */
  abilities: z.object({ approve: z.boolean(), reject: z.boolean(), download: z.boolean() }),
});
export type CustomerExport = z.infer<typeof customerExportSchema>;
