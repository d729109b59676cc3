import { z } from 'zod';
import { BOOKING_CHANNELS, BOOKING_STATUSES } from './booking';

/**
 * Group bookings (团体预约, seed 003 接受团体预约的工作流程). Schemas shared by server and web; the pure
 * rules (lead time, roster) are in group-booking-rules.ts.
 */
type Label = { 'zh-CN': string; en: string };
const instant = z.iso.datetime({ offset: true, message: 'v.datetime' });
const text = (max: number) => z.string().trim().max(max, { message: 'v.too_long' });

/** The eleven steps of the seed's workflow, in its order: each one is a checklist item, ticked or open. */
export const GROUP_CHECKLIST_ITEMS = [
  'roster',
  'grouping',
  'start_time',
  'dining',
  'lodging',
  'room_time',
  'equipment',
  'scoring',
  'settlement',
  'other_prep',
  'ceremony',
] as const;
export type GroupChecklistItem = (typeof GROUP_CHECKLIST_ITEMS)[number];
export const GROUP_CHECKLIST_LABELS: Record<GroupChecklistItem, Label> = {
  roster: { 'zh-CN': '确定团体名单及差点', en: 'Roster and handicaps confirmed' },
  grouping: { 'zh-CN': '确定团体人数，自己分组还是球场分组', en: 'Group size, and who does the grouping (the group or the club)' },
  start_time: { 'zh-CN': '确定开球时间（需提前 1-2 星期预约）', en: 'Tee-off time fixed (booked 1-2 weeks ahead)' },
  dining: { 'zh-CN': '确定是否用餐、用餐时间、用餐方式', en: 'Dining: whether, when and how' },
  lodging: {
    'zh-CN': '确定是否住宿：多少人住宿、多少人打球，全住宿打球或只住宿不打球',
    en: 'Lodging: how many stay, how many play, stay-and-play or stay only',
  },
  room_time: { 'zh-CN': '确定进房时间及住房时长', en: 'Check-in time and length of stay' },
  equipment: { 'zh-CN': '确定是否租用球具（分男、女）', en: 'Club rental (men’s and women’s sets)' },
  scoring: { 'zh-CN': '确认记分事项', en: 'Scoring arrangements' },
  settlement: { 'zh-CN': '确定团体赛事结帐方式', en: 'How the event is settled (payment)' },
  other_prep: { 'zh-CN': '是否有其它的准备事项', en: 'Any other preparations' },
  ceremony: { 'zh-CN': '颁奖晚会、音响、颁奖台、幕布，球场内是否要做欢迎牌', en: 'Award evening, sound, podium, backdrop, welcome signs on the course' },
};

export const GROUPING_MODES = ['self', 'venue'] as const;
export type GroupingMode = (typeof GROUPING_MODES)[number];
export const GROUPING_MODE_LABELS: Record<GroupingMode, Label> = {
  self: { 'zh-CN': '自己分组', en: 'The group groups itself' },
  venue: { 'zh-CN': '球场分组', en: 'The club does the grouping' },
};

export const GROUP_STATUSES = ['booked', 'cancelled', 'done'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const GROUP_STATUS_LABELS: Record<GroupStatus, Label> = {
  booked: { 'zh-CN': '已预约', en: 'Booked' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  done: { 'zh-CN': '已完成', en: 'Done' },
};

export const rosterMemberSchema = z.object({
  name: z.string().trim().min(1, { message: 'v.name' }).max(50, { message: 'v.name' }),
  phone: text(30).default(''),
  handicap: z
    .number()
    .int({ message: 'group_booking.v.handicap' })
    .min(-10, { message: 'group_booking.v.handicap' })
    .max(54, { message: 'group_booking.v.handicap' })
    .nullable()
    .default(null),
  team: z.number().int().min(1, { message: 'group_booking.v.team' }).max(200, { message: 'group_booking.v.team' }).nullable().default(null),
});
export type RosterMember = z.infer<typeof rosterMemberSchema>;
export type RosterMemberInput = z.input<typeof rosterMemberSchema>;

export const groupHoldInputSchema = z.object({
  resourceId: z.string().uuid({ message: 'booking.v.resource' }),
  places: z.number().int().min(1).max(500),
});

export const groupBookingCreateSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'v.required' }).max(100, { message: 'v.too_long' }),
    organiserId: z.string().uuid({ message: 'v.customer' }),
    contactName: z.string().trim().min(1, { message: 'v.required' }).max(50, { message: 'v.too_long' }),
    contactPhone: z.string().trim().min(1, { message: 'v.required' }).max(30, { message: 'v.too_long' }),
    size: z.number().int().min(2, { message: 'group_booking.v.size' }).max(500, { message: 'group_booking.v.size' }),
    startsAt: instant,
    endsAt: instant,
    resources: z.array(groupHoldInputSchema).min(1, { message: 'group_booking.v.resources' }).max(20),
    groupingMode: z.enum(GROUPING_MODES).default('venue'),
    channel: z.enum(BOOKING_CHANNELS).default('phone'),
    notes: text(1000).default(''),
    roster: z.array(rosterMemberSchema).max(500).default([]),
    /** a manager (booking:approve) lets a group through inside the minimum lead time */
    leadOverride: z.boolean().default(false),
  })
  .refine((g) => Date.parse(g.endsAt) > Date.parse(g.startsAt), { message: 'booking.v.time_order', path: ['endsAt'] })
  .refine((g) => new Set(g.resources.map((r) => r.resourceId)).size === g.resources.length, {
    message: 'group_booking.v.duplicate_resource',
    path: ['resources'],
  });
export type GroupBookingCreateInput = z.input<typeof groupBookingCreateSchema>;

export const rosterUpdateSchema = z.object({
  members: z.array(rosterMemberSchema).max(500),
  groupingMode: z.enum(GROUPING_MODES),
  version: z.number().int().min(1),
});
export type RosterUpdateInput = z.input<typeof rosterUpdateSchema>;

export const checklistTickSchema = z.object({ done: z.boolean(), note: text(500).default(''), version: z.number().int().min(1) });
export type ChecklistTickInput = z.input<typeof checklistTickSchema>;
export const checklistParams = z.object({ id: z.string().uuid({ message: 'error.not_found' }), item: z.enum(GROUP_CHECKLIST_ITEMS) });

export const groupCancelSchema = z.object({ reason: text(200).min(1, { message: 'v.required' }), version: z.number().int().min(1) });

export const groupChecklistEntrySchema = z.object({
  item: z.enum(GROUP_CHECKLIST_ITEMS),
  done: z.boolean(),
  note: z.string(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: z.number(),
});
export type GroupChecklistEntry = z.infer<typeof groupChecklistEntrySchema>;

export const groupHoldSchema = z.object({
  bookingId: z.string(),
  bookingNumber: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  places: z.number(),
  status: z.enum(BOOKING_STATUSES),
});

export const groupEventSchema = z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()), actor: z.string(), at: z.string() });

export const groupBookingSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  organiserId: z.string(),
  organiserName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  size: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  groupingMode: z.enum(GROUPING_MODES),
  notes: z.string(),
  status: z.enum(GROUP_STATUSES),
  leadWarning: z.string().nullable(),
  leadOverrideBy: z.string().nullable(),
  cancelReason: z.string(),
  takenBy: z.string(),
  createdAt: z.string(),
  holds: z.array(groupHoldSchema),
  roster: z.array(rosterMemberSchema),
  checklist: z.array(groupChecklistEntrySchema),
  events: z.array(groupEventSchema),
  version: z.number(),
});
export type GroupBooking = z.infer<typeof groupBookingSchema>;

export const groupBookingListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  organiserName: z.string(),
  size: z.number(),
  startsAt: z.string(),
  status: z.enum(GROUP_STATUSES),
  checklistDone: z.number(),
  checklistTotal: z.number(),
});
export type GroupBookingListItem = z.infer<typeof groupBookingListItemSchema>;
export const groupBookingListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(GROUP_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

/** Seed 003 "需提前1-2星期预约": the window, and what happens outside it. */
export const groupSettingsSchema = z
  .object({
    minDaysAhead: z.number().int().min(0).max(60),
    maxDaysAhead: z.number().int().min(1).max(365),
    /** inside the minimum: refused (a manager may let it through) or only warned */
    tooSoon: z.enum(['refuse', 'warn']),
    /** a flight of golf: four play together */
    maxPerTeam: z.number().int().min(1).max(50),
  })
  .refine((s) => s.maxDaysAhead >= s.minDaysAhead, { message: 'group_booking.v.lead_order', path: ['maxDaysAhead'] });
export type GroupSettings = z.infer<typeof groupSettingsSchema>;
export const DEFAULT_GROUP_SETTINGS: GroupSettings = { minDaysAhead: 7, maxDaysAhead: 14, tooSoon: 'refuse', maxPerTeam: 4 };
