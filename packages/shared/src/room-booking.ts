import { z } from 'zod';

/**
 * Named-room bookings (冠名房预约, seed 003 接受冠名房预约的工作流程) on the form of 附件一 冠名房预订表.
 * Every field of the paper form is here; money in fen. A change (更改) or a cancellation (取消) is a new
 * version of the form that names the original.
 */
type Label = { 'zh-CN': string; en: string };
const text = (max: number) => z.string().trim().max(max, { message: 'v.too_long' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' });

export const ROOM_FORM_KINDS = ['new', 'change', 'cancel'] as const;
export type RoomFormKind = (typeof ROOM_FORM_KINDS)[number];
export const ROOM_FORM_KIND_LABELS: Record<RoomFormKind, Label> = {
  new: { 'zh-CN': '新预订', en: 'New' },
  change: { 'zh-CN': '更改', en: 'Change' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
};

/** 宾客身份 */
export const GUEST_IDENTITIES = ['named_box', 'named_box_client', 'founding_member', 'stored_value_member', 'visitor'] as const;
export type GuestIdentity = (typeof GUEST_IDENTITIES)[number];
export const GUEST_IDENTITY_LABELS: Record<GuestIdentity, Label> = {
  named_box: { 'zh-CN': '冠名包厢', en: 'Named box' },
  named_box_client: { 'zh-CN': '冠名包厢客户', en: 'Named box client' },
  founding_member: { 'zh-CN': '创始会员', en: 'Founding member' },
  stored_value_member: { 'zh-CN': '储值卡会员', en: 'Stored-value member' },
  visitor: { 'zh-CN': '访客', en: 'Visitor' },
};

/** 其他预订备注 */
export const ROOM_EXTRAS = ['dining', 'academy', 'therapy', 'club_rental', 'other'] as const;
export type RoomExtra = (typeof ROOM_EXTRAS)[number];
export const ROOM_EXTRA_LABELS: Record<RoomExtra, Label> = {
  dining: { 'zh-CN': '餐饮', en: 'Dining' },
  academy: { 'zh-CN': '学院', en: 'Academy' },
  therapy: { 'zh-CN': '理疗', en: 'Therapy' },
  club_rental: { 'zh-CN': '租杆', en: 'Club rental' },
  other: { 'zh-CN': '其它', en: 'Other' },
};

/** 付款方式 */
export const ROOM_PAYMENT_METHODS = ['cash', 'stored_value', 'credit_card', 'on_account', 'other'] as const;
export type RoomPaymentMethod = (typeof ROOM_PAYMENT_METHODS)[number];
export const ROOM_PAYMENT_LABELS: Record<RoomPaymentMethod, Label> = {
  cash: { 'zh-CN': '现金', en: 'Cash' },
  stored_value: { 'zh-CN': '储值卡', en: 'Stored-value card' },
  credit_card: { 'zh-CN': '信用卡', en: 'Credit card' },
  on_account: { 'zh-CN': '挂账', en: 'On account' },
  other: { 'zh-CN': '其它', en: 'Other' },
};

/** Seed 003 4.1 预约方式: 电话预约, 传真预约 (the form faxed to the guest and back), 口头预约 (face to face). */
export const ROOM_CHANNELS = ['phone', 'fax', 'in_person'] as const;
export type RoomChannel = (typeof ROOM_CHANNELS)[number];
export const ROOM_CHANNEL_LABELS: Record<RoomChannel, Label> = {
  phone: { 'zh-CN': '电话预约', en: 'By phone' },
  fax: { 'zh-CN': '传真预约', en: 'By fax' },
  in_person: { 'zh-CN': '口头预约', en: 'In person' },
};

/**
 * 房价 = 价目 × 折扣: the discount in percent of the list price (88 = 八八折, 100 = no discount),
 * rounded to the fen, half up. Integers in, integer out: no floating point on money.
 */
export function roomRateFen(priceFen: number, discountPercent: number): number {
  return Math.floor((priceFen * discountPercent + 50) / 100);
}

const formFields = {
  customerId: z.string().uuid({ message: 'v.customer' }),
  guestIdentity: z.enum(GUEST_IDENTITIES),
  guestName: z.string().trim().min(1, { message: 'v.name' }).max(50, { message: 'v.name' }),
  contact: z.string().trim().min(1, { message: 'v.required' }).max(30, { message: 'v.too_long' }),
  company: text(100).default(''),
  arrival: date,
  departure: date,
  roomType: z.string().trim().min(1, { message: 'v.required' }).max(50, { message: 'v.too_long' }),
  persons: z.number().int().min(1, { message: 'room_booking.v.persons' }).max(100, { message: 'room_booking.v.persons' }),
  roomIds: z.array(z.string().uuid()).min(1, { message: 'room_booking.v.rooms' }).max(20),
  priceFen: z.number().int().min(0, { message: 'room_booking.v.money' }).max(100_000_000, { message: 'room_booking.v.money' }),
  discountPercent: z.number().int().min(1, { message: 'room_booking.v.discount' }).max(100, { message: 'room_booking.v.discount' }),
  /** when the form states it, it must be what the price and discount give */
  rateFen: z.number().int().min(0).optional(),
  extras: z.array(z.enum(ROOM_EXTRAS)).max(5).default([]),
  extrasNote: text(500).default(''),
  paymentMethod: z.enum(ROOM_PAYMENT_METHODS),
  channel: z.enum(ROOM_CHANNELS).default('phone'),
  remarks: text(1000).default(''),
  bookedOn: date,
  receivedBy: z.string().trim().min(1, { message: 'v.required' }).max(50, { message: 'v.too_long' }),
  confirmedBy: text(50).default(''),
};
const formChecks = <
  T extends { arrival: string; departure: string; priceFen: number; discountPercent: number; rateFen?: number | undefined; roomIds: string[] },
>(
  s: z.ZodType<T>,
) =>
  s
    .refine((f) => f.departure > f.arrival, { message: 'room_booking.v.departure', path: ['departure'] })
    .refine((f) => f.rateFen === undefined || f.rateFen === roomRateFen(f.priceFen, f.discountPercent), { message: 'room_booking.v.rate', path: ['rateFen'] })
    .refine((f) => new Set(f.roomIds).size === f.roomIds.length, { message: 'room_booking.v.duplicate_room', path: ['roomIds'] });

export const roomBookingCreateSchema = formChecks(z.object(formFields));
export type RoomBookingCreateInput = z.input<typeof roomBookingCreateSchema>;

/** 更改: the whole form again, confirmed by someone, against the version it replaces. */
export const roomBookingChangeSchema = formChecks(
  z.object({ ...formFields, confirmedBy: z.string().trim().min(1, { message: 'room_booking.v.confirmed_by' }).max(50), revision: z.number().int().min(1) }),
);
export type RoomBookingChangeInput = z.input<typeof roomBookingChangeSchema>;

export const roomBookingCancelSchema = z.object({
  confirmedBy: z.string().trim().min(1, { message: 'room_booking.v.confirmed_by' }).max(50),
  remarks: text(1000).default(''),
  revision: z.number().int().min(1),
});
export type RoomBookingCancelInput = z.input<typeof roomBookingCancelSchema>;

export const roomHoldSchema = z.object({
  bookingId: z.string(),
  bookingNumber: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  status: z.string(),
});

export const roomBookingVersionSchema = z.object({
  id: z.string(),
  revision: z.number(),
  kind: z.enum(ROOM_FORM_KINDS),
  enteredBy: z.string(),
  confirmedBy: z.string(),
  createdAt: z.string(),
});

export const roomBookingSchema = z.object({
  id: z.string(),
  number: z.string(),
  revision: z.number(),
  kind: z.enum(ROOM_FORM_KINDS),
  originalId: z.string().nullable(),
  previousId: z.string().nullable(),
  current: z.boolean(),
  customerId: z.string(),
  customerName: z.string(),
  guestIdentity: z.enum(GUEST_IDENTITIES),
  guestName: z.string(),
  contact: z.string(),
  company: z.string(),
  arrival: z.string(),
  departure: z.string(),
  nights: z.number(),
  roomType: z.string(),
  persons: z.number(),
  rooms: z.number(),
  roomIds: z.array(z.string()),
  roomNames: z.array(z.string()),
  priceFen: z.number(),
  discountPercent: z.number(),
  rateFen: z.number(),
  extras: z.array(z.enum(ROOM_EXTRAS)),
  extrasNote: z.string(),
  paymentMethod: z.enum(ROOM_PAYMENT_METHODS),
  channel: z.enum(ROOM_CHANNELS),
  remarks: z.string(),
  bookedOn: z.string(),
  receivedBy: z.string(),
  enteredBy: z.string(),
  confirmedBy: z.string(),
  createdAt: z.string(),
  holds: z.array(roomHoldSchema),
  versions: z.array(roomBookingVersionSchema),
});
export type RoomBooking = z.infer<typeof roomBookingSchema>;

export const roomBookingListItemSchema = roomBookingSchema.pick({
  id: true,
  number: true,
  revision: true,
  kind: true,
  guestName: true,
  customerName: true,
  company: true,
  arrival: true,
  departure: true,
  roomType: true,
  rooms: true,
  rateFen: true,
  roomNames: true,
});
export type RoomBookingListItem = z.infer<typeof roomBookingListItemSchema>;
export const roomBookingListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  from: date.optional(),
  includeCancelled: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
