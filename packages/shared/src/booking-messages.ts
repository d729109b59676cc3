import type { MessageEntry } from './message-entry';

/** Messages of the bookings area (errors and validation), zh-CN first. */
export const BOOKING_MESSAGES = {
  'booking.v.hhmm': { 'zh-CN': '时间格式应为 HH:MM（例如 09:00）', en: 'Times are HH:MM (e.g. 09:00)' },
  'booking.v.window_order': { 'zh-CN': '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'booking.v.opening_days': { 'zh-CN': '营业时间须列出一周 7 天（周日到周六）', en: 'Opening hours list the 7 days of the week (Sunday to Saturday)' },
  'booking.v.capacity': { 'zh-CN': '名额为 1-500 之间的整数', en: 'Capacity is a whole number from 1 to 500' },
  'booking.v.time_order': { 'zh-CN': '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'booking.v.resource': { 'zh-CN': '请选择预约项目（老师、场地等）', en: 'Choose what to book (teacher, room…)' },
  'booking.v.proof': { 'zh-CN': '请说明证明材料（例如病历）', en: 'Describe the proof (e.g. a medical note)' },
  'resource.not_found': { 'zh-CN': '预约项目不存在', en: 'No such resource' },
  'resource.name_taken': { 'zh-CN': '已有同名的预约项目', en: 'A resource with this name exists' },
  'resource.version_conflict': { 'zh-CN': '该预约项目已被他人修改，请刷新后再改', en: 'Someone else changed this resource; reload and try again' },
  'resource.inactive': { 'zh-CN': '该预约项目已停用', en: 'This resource is no longer in use' },
  'booking.not_found': { 'zh-CN': '预约不存在或无权查看', en: 'Booking not found, or you may not see it' },
  'booking.unknown_customer': { 'zh-CN': '客户不存在或无权查看', en: 'No such customer, or you may not see it' },
  'booking.slot_full': {
    'zh-CN': '该时段已约满；可以引导客户改约较空闲的时段（工作日上午老师时间较宽裕）',
    en: 'This time is fully booked; offer a quieter time (weekday mornings have the most room)',
  },
  'booking.slot_mismatch': {
    'zh-CN': '该时段与已排的课时不一致；多人项目请按已排的开始和结束时间预约',
    en: 'This time does not match the scheduled slot; book a shared resource at its scheduled start and end',
  },
  'booking.places_exceed_capacity': { 'zh-CN': '人数超过该项目的名额（{capacity}）', en: 'More places than the resource has ({capacity})' },
  'booking.closed_hours': { 'zh-CN': '该时间不在营业时间内', en: 'This time is outside the opening hours' },
  'booking.closure': { 'zh-CN': '该时间段场地维护/停用：{reason}', en: 'Closed for maintenance at this time: {reason}' },
  'booking.in_past': { 'zh-CN': '预约时间必须晚于现在', en: 'The booking must be in the future' },
  'booking.frozen': {
    'zh-CN': '距开始已不足 {hours} 小时，预约已冻结，不能取消或改期；如因生病等特殊情况，请提交例外申请并附证明，由经理审批',
    en: 'Less than {hours} hours before the start, the booking is frozen and cannot be cancelled or moved; for illness or another exception, file a request with proof for the manager to approve',
  },
  'booking.invalid_transition': { 'zh-CN': '预约当前为“{from}”，不能执行此操作', en: 'The booking is “{from}”: not allowed now' },
  'booking.not_started': { 'zh-CN': '预约尚未开始，不能登记到课或旷课', en: 'The booking has not started yet: attendance cannot be marked' },
  'booking.version_conflict': { 'zh-CN': '该预约刚被他人修改，请刷新后再操作', en: 'Someone else has just changed this booking; reload and try again' },
  'booking.exception_pending': { 'zh-CN': '该预约已有待审批的例外申请', en: 'This booking already has an exception request waiting' },
  'booking.no_pending_exception': { 'zh-CN': '该预约没有待审批的例外申请', en: 'This booking has no exception request waiting' },
  'booking.own_exception': { 'zh-CN': '不能审批自己提交的例外申请', en: 'You cannot decide on your own exception request' },
} satisfies Record<string, MessageEntry>;
