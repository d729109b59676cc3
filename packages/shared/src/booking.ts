import { z } from 'zod';
import { HHMM } from './calendar/config';

/** Resources and bookings (预约, SPEC §6; seed 003 接受预约, seed 004 约课排课 / 取消课). Schemas shared by server and web. */
export const RESOURCE_KINDS = ['teacher', 'coach', 'room', 'court', 'tee_time', 'named_room'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, { 'zh-CN': string; en: string }> = {
  teacher: { 'zh-CN': '老师', en: 'Teacher' },
  coach: { 'zh-CN': '教练', en: 'Coach' },
  room: { 'zh-CN': '教室/场地', en: 'Room' },
  court: { 'zh-CN': '球场', en: 'Court' },
  tee_time: { 'zh-CN': '开球时段', en: 'Tee time' },
  named_room: { 'zh-CN': '冠名房', en: 'Named room' },
};

/** How the booking (or its change) reached us: the channel decides the change window (seed 004). */
export const BOOKING_CHANNELS = ['phone', 'front_desk', 'self_service'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];
export const BOOKING_CHANNEL_LABELS: Record<BookingChannel, { 'zh-CN': string; en: string }> = {
  phone: { 'zh-CN': '电话', en: 'Phone' },
  front_desk: { 'zh-CN': '前台', en: 'Front desk' },
  self_service: { 'zh-CN': '自助链接', en: 'Self-service link' },
};

export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, { 'zh-CN': string; en: string }> = {
  booked: { 'zh-CN': '已预约', en: 'Booked' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  attended: { 'zh-CN': '已到', en: 'Attended' },
  no_show: { 'zh-CN': '旷课/未到', en: 'No-show' },
};

const instant = z.iso.datetime({ offset: true, message: 'v.datetime' });
const text = (max: number) => z.string().trim().max(max, { message: 'v.too_long' });

/** One opening window of a day, 'HH:MM' to 'HH:MM' in the department's time zone. */
export const openingWindowSchema = z
  .object({ from: z.string().regex(HHMM, { message: 'booking.v.hhmm' }), to: z.string().regex(HHMM, { message: 'booking.v.hhmm' }) })
  .refine((w) => w.from < w.to, { message: 'booking.v.window_order', path: ['to'] });
export type OpeningWindow = z.infer<typeof openingWindowSchema>;
/** Seven days, index 0 = Sunday (as Date.getUTCDay); an empty day is closed. */
export const openingHoursSchema = z.array(z.array(openingWindowSchema).max(6)).length(7, { message: 'booking.v.opening_days' });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const resourceCreateSchema = z.object({
  name: z.string().trim().min(1, { message: 'v.required' }).max(50, { message: 'v.too_long' }),
  kind: z.enum(RESOURCE_KINDS),
  // fixed at creation: bookings of a one-place resource are guarded by a different constraint (decision 011)
  capacity: z.number().int().min(1, { message: 'booking.v.capacity' }).max(500, { message: 'booking.v.capacity' }),
  openingHours: openingHoursSchema,
  notes: text(500).default(''),
});
export type ResourceCreateInput = z.infer<typeof resourceCreateSchema>;
export const resourceUpdateSchema = z.object({
  name: resourceCreateSchema.shape.name.optional(),
  openingHours: openingHoursSchema.optional(),
  notes: text(500).optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type ResourceUpdateInput = z.infer<typeof resourceUpdateSchema>;

export const closureSchema = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), reason: z.string() });
export type Closure = z.infer<typeof closureSchema>;
export const closureCreateSchema = z
  .object({ startsAt: instant, endsAt: instant, reason: z.string().trim().min(1, { message: 'v.required' }).max(200, { message: 'v.too_long' }) })
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), { message: 'booking.v.time_order', path: ['endsAt'] });
export type ClosureCreateInput = z.infer<typeof closureCreateSchema>;

export const resourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  capacity: z.number(),
  openingHours: openingHoursSchema,
  notes: z.string(),
  active: z.boolean(),
  closures: z.array(closureSchema),
  version: z.number(),
});
export type Resource = z.infer<typeof resourceSchema>;

const range = { startsAt: instant, endsAt: instant };
const ordered = <T extends { startsAt: string; endsAt: string }>(r: T) => Date.parse(r.endsAt) > Date.parse(r.startsAt);

export const bookingCreateSchema = z
  .object({
    customerId: z.string().uuid({ message: 'v.customer' }),
    resourceId: z.string().uuid({ message: 'booking.v.resource' }),
    ...range,
    places: z.number().int().min(1).max(500).default(1),
    channel: z.enum(BOOKING_CHANNELS),
    notes: text(500).default(''),
    // the customer's lessons card the booking is charged to (cards area, migration 017); none: not charged
    cardId: z.string().uuid({ message: 'v.card' }).nullable().default(null),
  })
  .refine(ordered, { message: 'booking.v.time_order', path: ['endsAt'] });
export type BookingCreateInput = z.input<typeof bookingCreateSchema>;

/** A change or cancellation says how the customer asked for it: the channel decides the window. */
export const bookingCancelSchema = z.object({ via: z.enum(BOOKING_CHANNELS), reason: text(200).default(''), version: z.number().int().min(1) });
export const bookingMoveSchema = z
  .object({ ...range, via: z.enum(BOOKING_CHANNELS), version: z.number().int().min(1) })
  .refine(ordered, { message: 'booking.v.time_order', path: ['endsAt'] });
export const bookingMarkSchema = z.object({ outcome: z.enum(['attended', 'no_show']), version: z.number().int().min(1) });

export const EXCEPTION_REASONS = ['illness', 'other'] as const;
export const exceptionRequestSchema = z.object({
  reason: z.enum(EXCEPTION_REASONS),
  // seed 004 临时取消课的流程: "要出示病例证明"; the proof is described, and a file kept elsewhere is referenced
  proofNote: z.string().trim().min(1, { message: 'booking.v.proof' }).max(1000, { message: 'v.too_long' }),
  attachmentRef: text(300).nullable().default(null),
});
export const exceptionDecisionSchema = z.object({ approve: z.boolean(), note: text(500).default('') });

export const bookingExceptionSchema = z.object({
  id: z.string(),
  reason: z.enum(EXCEPTION_REASONS),
  proofNote: z.string(),
  attachmentRef: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
});

/** The manager's list of exception requests (GET /bookings/exceptions): waiting ones oldest first, decided ones newest first. */
export const EXCEPTION_LIST_STATUSES = ['pending', 'decided'] as const;
export const exceptionListQuery = z.object({
  status: z.enum(EXCEPTION_LIST_STATUSES).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const exceptionListItemSchema = bookingExceptionSchema.extend({
  bookingId: z.string(),
  bookingNumber: z.string(),
  // null when the reader may not see the customer (as on the schedule)
  customerName: z.string().nullable(),
  resourceName: z.string(),
  startsAt: z.string(),
});
export type BookingException = z.infer<typeof bookingExceptionSchema>;
export type ExceptionListItem = z.infer<typeof exceptionListItemSchema>;
export const exceptionListSchema = z.object({ items: z.array(exceptionListItemSchema), nextCursor: z.string().nullable() });

export const bookingSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  resourceId: z.string(),
  resourceName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number(),
  channel: z.enum(BOOKING_CHANNELS),
  notes: z.string(),
  status: z.enum(BOOKING_STATUSES),
  takenBy: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  chargeWaived: z.boolean(),
  cardId: z.string().nullable(),
  /**
   * the card the booking is charged to, as the reader may see it (null: no card, or a card outside the
   * reader's scope); `hold`: the lesson held, charged or released (null: no hold was written)
   */
  card: z.object({ number: z.string(), typeName: z.string(), hold: z.enum(['held', 'charged', 'released']).nullable() }).nullable(),
  exceptions: z.array(bookingExceptionSchema),
  version: z.number(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const suggestedSlotSchema = z.object({ startsAt: z.string(), endsAt: z.string(), free: z.number() });
export type SuggestedSlot = z.infer<typeof suggestedSlotSchema>;

/** The change windows of seed 004 as settings: by phone (or at the desk) 1 day ahead, self-service 12 hours. */
export const bookingSettingsSchema = z.object({
  phoneHoursAhead: z
    .number()
    .min(0)
    .max(24 * 14),
  selfServiceHoursAhead: z
    .number()
    .min(0)
    .max(24 * 14),
});
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;
export const DEFAULT_BOOKING_SETTINGS: BookingSettings = { phoneHoursAhead: 24, selfServiceHoursAhead: 12 };
