import { z } from 'zod';
import { BOOKING_CHANNELS, suggestedSlotSchema, type BookingStatus } from './booking';
import { HHMM, minutesOf } from './calendar/config';
import { calendarDateSchema } from './calendar/schemas';
import { zonedInstant } from './calendar/zoned';
import { addDays } from './dates';

/**
 * Bookings' extras (issue 6): the waiting list (候补), the "refused twice" flag, the day's booking sheet
 * (预订单) for the departments, closure notices and calendar feed tokens. Schemas and pure rules.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const instant = z.iso.datetime({ offset: true, message: 'v.datetime' });
const text = (max: number) => z.string().trim().max(max, { message: 'v.too_long' });

// ---------- settings ----------

/** What a department may see on its sheet (seed 003: front desk, restaurant, locker room, maintenance). */
export const SHEET_COLUMNS = ['time', 'resource', 'customer', 'places', 'number', 'notes', 'status'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export const SHEET_COLUMN_LABELS: Record<SheetColumn, { 'zh-CN': string; en: string }> = {
  time: { 'zh-CN': '时间', en: 'Time' },
  resource: { 'zh-CN': '项目', en: 'Resource' },
  customer: { 'zh-CN': '客户', en: 'Customer' },
  places: { 'zh-CN': '人数', en: 'Places' },
  number: { 'zh-CN': '预约号', en: 'Booking no.' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  status: { 'zh-CN': '状态', en: 'Status' },
};

export const sheetDepartmentSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, { message: 'booking.v.department_code' }),
  name: z.string().trim().min(1, { message: 'v.required' }).max(30, { message: 'v.too_long' }),
  email: z.union([z.literal(''), z.email({ message: 'v.email' })]),
  columns: z.array(z.enum(SHEET_COLUMNS)).min(1, { message: 'booking.v.columns' }),
});
export type SheetDepartment = z.infer<typeof sheetDepartmentSchema>;

export const bookingExtrasSettingsSchema = z.object({
  /** how long an offer from the waiting list holds the place for the customer */
  offerHoldHours: z.number().min(0.25).max(72),
  /** a closure fewer days ahead needs the manager's confirmation (SPEC §6: at least 3 days ahead) */
  closureNoticeDays: z.number().int().min(0).max(30),
  /** the next day's sheet is confirmed before this time (department's zone; seed 003: 15:00) */
  sheetDeadline: z.string().regex(HHMM, { message: 'booking.v.hhmm' }),
  departments: z
    .array(sheetDepartmentSchema)
    .max(12)
    .refine((ds) => new Set(ds.map((d) => d.code)).size === ds.length, { message: 'booking.v.department_dup' }),
});
export type BookingExtrasSettings = z.infer<typeof bookingExtrasSettingsSchema>;
export const DEFAULT_BOOKING_EXTRAS: BookingExtrasSettings = {
  offerHoldHours: 2,
  closureNoticeDays: 3,
  sheetDeadline: '15:00',
  departments: [
    { code: 'front_desk', name: '前台', email: '', columns: ['time', 'resource', 'customer', 'places', 'number', 'notes'] },
    { code: 'restaurant', name: '餐厅', email: '', columns: ['time', 'resource', 'places', 'notes'] },
    { code: 'locker_room', name: '更衣室', email: '', columns: ['time', 'customer', 'places'] },
    { code: 'maintenance', name: '场务维修', email: '', columns: ['time', 'resource', 'places'] },
  ],
};

/** Outgoing mail (SMTP). The env SMTP_URL wins over the setting; the password never leaves the server. */
export const mailSettingsSchema = z.object({
  smtpUrl: z.union([z.literal(''), z.string().regex(/^smtps?:\/\/\S+$/, { message: 'booking.v.smtp_url' })]),
  from: z.union([z.literal(''), z.email({ message: 'v.email' })]),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;
export const mailStatusSchema = z.object({
  configured: z.boolean(),
  source: z.enum(['env', 'settings', 'none']),
  host: z.string().nullable(),
  from: z.string(),
});

// ---------- waiting list ----------

export const WAITLIST_STATUSES = ['waiting', 'offered', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];
export const WAITLIST_STATUS_LABELS: Record<WaitlistStatus, { 'zh-CN': string; en: string }> = {
  waiting: { 'zh-CN': '候补中', en: 'Waiting' },
  offered: { 'zh-CN': '已留位待确认', en: 'Place held' },
  accepted: { 'zh-CN': '已转为预约', en: 'Booked' },
  declined: { 'zh-CN': '已放弃', en: 'Declined' },
  expired: { 'zh-CN': '留位已过期', en: 'Offer expired' },
  withdrawn: { 'zh-CN': '已撤销', en: 'Withdrawn' },
};

export const waitlistJoinSchema = z
  .object({
    customerId: z.string().uuid({ message: 'v.customer' }),
    resourceId: z.string().uuid({ message: 'booking.v.resource' }),
    startsAt: instant,
    endsAt: instant,
    places: z.number().int().min(1).max(500).default(1),
    channel: z.enum(BOOKING_CHANNELS),
    notes: text(500).default(''),
    // the customer's lessons card the offered booking is charged to (checked now, held when the place is offered)
    cardId: z.string().uuid({ message: 'v.card' }).nullable().default(null),
  })
  .refine((r) => Date.parse(r.endsAt) > Date.parse(r.startsAt), { message: 'booking.v.time_order', path: ['endsAt'] });
export type WaitlistJoinInput = z.input<typeof waitlistJoinSchema>;
export const waitlistStepSchema = z.object({ version: z.number().int().min(1) });

export const waitlistEntrySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  resourceId: z.string(),
  resourceName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number(),
  status: z.enum(WAITLIST_STATUSES),
  /** 1 = next in line; null once no longer waiting */
  position: z.number().nullable(),
  offerBookingId: z.string().nullable(),
  offerExpiresAt: z.string().nullable(),
  /** the lessons card named when joining; the offer holds a lesson on it */
  cardId: z.string().nullable(),
  /** that card's number (扣课卡), when the reader may see the card */
  cardNumber: z.string().nullable(),
  /** the offer was made without the card: why the card could not hold the lesson then (code and message in the reader's language) */
  offerCardRefusal: z.object({ code: z.string(), message: z.string() }).nullable(),
  takenBy: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;
export const waitlistListQuery = z.object({
  resourceId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
  status: z.enum(['live', 'offered', 'all']).default('live'),
});

/** An offer holds the place for `holdHours`, but never past the booking's start. */
export function offerExpiresAt(now: Date, holdHours: number, startsAt: Date): Date {
  return new Date(Math.min(now.getTime() + holdHours * HOUR, startsAt.getTime()));
}

// ---------- refused twice ----------

export const REFUSALS_TO_FLAG = 2;
export const refusalFlagSchema = z.object({ customerId: z.string(), refusedInRow: z.number(), flagged: z.boolean(), lastRefusedAt: z.string().nullable() });
export type RefusalFlag = z.infer<typeof refusalFlagSchema>;
/** Seed 004 引导合理排课: "不能让某个会员连续两次都约不上课" — two refusals without a booking between. */
export const isRefusalFlagged = (refusedInRow: number) => refusedInRow >= REFUSALS_TO_FLAG;

// ---------- the day's sheet ----------

/** The sheet of `day` is due the day before at the deadline, in the department's zone. */
export function sheetDeadlineAt(day: string, deadline: string, timeZone: string): Date {
  return new Date(zonedInstant(addDays(day, -1), minutesOf(deadline), timeZone));
}
export const isSheetOverdue = (deadlineAt: Date, now: Date, confirmed: boolean) => !confirmed && now.getTime() >= deadlineAt.getTime();

export interface SheetBooking {
  number: string;
  startsAt: string;
  endsAt: string;
  localTime: string;
  resourceName: string;
  customerName: string | null;
  places: number;
  notes: string;
  status: BookingStatus;
}
/** One department's rows: only the columns it needs to see, in order of time. */
export function sheetCells(columns: SheetColumn[], b: SheetBooking, lang: 'zh-CN' | 'en'): string[] {
  return columns.map((c) => {
    switch (c) {
      case 'time':
        return b.localTime;
      case 'resource':
        return b.resourceName;
      case 'customer':
        return b.customerName ?? (lang === 'zh-CN' ? '（无权查看）' : '(hidden)');
      case 'places':
        return String(b.places);
      case 'number':
        return b.number;
      case 'notes':
        return b.notes;
      case 'status':
        return b.status;
    }
  });
}

export const sheetQuery = z.object({ date: calendarDateSchema.optional() });
export const sheetSchema = z.object({
  date: z.string(),
  deadlineAt: z.string(),
  overdue: z.boolean(),
  bookingCount: z.number(),
  fingerprint: z.string(),
  confirmation: z.object({ confirmedBy: z.string(), confirmedAt: z.string(), changedSinceConfirmed: z.boolean(), version: z.number() }).nullable(),
  departments: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      email: z.string(),
      columns: z.array(z.enum(SHEET_COLUMNS)),
      headers: z.array(z.string()),
      rows: z.array(z.array(z.string())),
    }),
  ),
  sends: z.array(
    z.object({
      department: z.string(),
      email: z.string(),
      status: z.enum(['sent', 'failed']),
      error: z.string().nullable(),
      sentAt: z.string(),
      sentBy: z.string(),
    }),
  ),
});
export type BookingSheet = z.infer<typeof sheetSchema>;
export const sheetConfirmSchema = z.object({ date: calendarDateSchema, fingerprint: z.string().min(1).max(100) });
export const sheetSendSchema = z.object({ date: calendarDateSchema, departments: z.array(z.string()).optional() });
export const sheetSendResultSchema = z.object({
  results: z.array(z.object({ department: z.string(), email: z.string(), status: z.enum(['sent', 'failed', 'no_email']), error: z.string().nullable() })),
});

// ---------- closures ----------

export const closureRequestSchema = z
  .object({
    startsAt: instant,
    endsAt: instant,
    reason: z.string().trim().min(1, { message: 'v.required' }).max(200, { message: 'v.too_long' }),
    /** the manager confirms a closure fewer than the notice days ahead */
    confirmLate: z.boolean().default(false),
  })
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), { message: 'booking.v.time_order', path: ['endsAt'] });
export type ClosureRequest = z.input<typeof closureRequestSchema>;

/** SPEC §6: customers are told at least N days ahead; a closure starting sooner is late. */
export const isLateClosure = (startsAt: Date, now: Date, noticeDays: number) => startsAt.getTime() - now.getTime() < noticeDays * DAY;

export const affectedBookingSchema = z.object({
  bookingId: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number(),
  emailStatus: z.enum(['sent', 'failed', 'no_email', 'not_configured', 'pending']),
  notifiedAt: z.string().nullable(),
  notifiedBy: z.string().nullable(),
  outcome: z.enum(['pending', 'moved', 'cancelled']),
  movedTo: z.string().nullable(),
  alternatives: z.array(suggestedSlotSchema),
});
export type AffectedBooking = z.infer<typeof affectedBookingSchema>;
export const closureDetailSchema = z.object({
  id: z.string().nullable(),
  resourceId: z.string(),
  resourceName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
  late: z.boolean(),
  noticeDays: z.number(),
  confirmedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
  affected: z.array(affectedBookingSchema),
});
export type ClosureDetail = z.infer<typeof closureDetailSchema>;
export const closureResolveSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('move'), startsAt: instant, endsAt: instant }),
  z.object({ action: z.literal('cancel') }),
]);
export const closureAffectedParams = z.object({ id: z.string().uuid(), bookingId: z.string().uuid() });

// ---------- feed tokens ----------

export const feedTokenCreateSchema = z
  .object({ resourceId: z.string().uuid().optional(), customerId: z.string().uuid().optional(), label: text(100).default('') })
  .refine((t) => Boolean(t.resourceId) !== Boolean(t.customerId), { message: 'booking.v.feed_target', path: ['resourceId'] });
export const feedTokenSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  resourceId: z.string().nullable(),
  customerId: z.string().nullable(),
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type FeedToken = z.infer<typeof feedTokenSchema>;
/** Shown once, at creation: the URL a calendar app subscribes to. */
export const feedTokenCreatedSchema = feedTokenSchema.extend({ token: z.string(), path: z.string() });
