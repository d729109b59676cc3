import type { MessageEntry } from './message-entry';
import { ROOM_FORM_MESSAGES } from './room-booking-messages';

/** Messages of group bookings (团体预约) and named-room bookings (冠名房预订), zh-CN first. */
export const GROUP_BOOKING_MESSAGES = {
  'group_booking.v.size': { 'zh-CN': '团体人数为 2-500 人', en: 'A group has 2 to 500 people' },
  'group_booking.v.resources': { 'zh-CN': '请至少选择一个预约项目（场地、开球时段等）', en: 'Choose at least one resource (course, tee time…)' },
  'group_booking.v.duplicate_resource': { 'zh-CN': '同一个预约项目只能选一次，请改人数', en: 'Each resource once; change its places instead' },
  'group_booking.v.handicap': { 'zh-CN': '差点为 -10 到 54 的整数', en: 'A handicap is a whole number from -10 to 54' },
  'group_booking.v.team': { 'zh-CN': '组号为 1-200', en: 'A team number is 1 to 200' },
  'group_booking.v.lead_order': { 'zh-CN': '最多提前天数不能少于最少提前天数', en: 'The most days ahead cannot be fewer than the fewest' },
  'group_booking.not_found': { 'zh-CN': '团体预约不存在或无权查看', en: 'Group booking not found, or you may not see it' },
  'group_booking.version_conflict': {
    'zh-CN': '该团体预约刚被他人修改，请刷新后再操作',
    en: 'Someone else has just changed this group booking; reload and try again',
  },
  'group_booking.checklist_conflict': {
    'zh-CN': '该事项刚被他人勾选或修改，请刷新后再操作',
    en: 'Someone else has just ticked or changed this item; reload and try again',
  },
  'group_booking.not_booked': { 'zh-CN': '团体预约已取消或已完成，不能再修改', en: 'The group booking is cancelled or done: it cannot be changed' },
  'group_booking.too_soon': {
    'zh-CN': '团体预约需提前 {min}-{max} 天（1-2 星期）办理，距开球只有 {days} 天；如确需安排，请经理勾选“特批”后提交',
    en: 'Group bookings are made {min}-{max} days (1-2 weeks) ahead; this one is {days} days away. If it must go ahead, a manager ticks “approved exception”',
  },
  'group_booking.too_soon_warning': {
    'zh-CN': '距开球只有 {days} 天，少于规定的 {min} 天，请尽快确认各项安排',
    en: 'Only {days} days to go, fewer than the {min} days asked; confirm every arrangement soon',
  },
  'group_booking.early_warning': {
    'zh-CN': '距开球还有 {days} 天，早于规定的 {max} 天（1-2 星期）；已接受，请在开球前 {max} 天内再次与客户确认',
    en: '{days} days ahead, earlier than the {max} days (1-2 weeks) asked; accepted, confirm again with the customer within {max} days of the day',
  },
  'group_booking.not_started': { 'zh-CN': '团体活动尚未开始，不能标记完成', en: 'The group’s day has not begun: it cannot be marked done' },
  'group_booking.override_forbidden': { 'zh-CN': '只有有审批权限的经理才能特批', en: 'Only a manager who approves may let it through' },
  'group_booking.places_over_size': {
    'zh-CN': '“{resource}”的人数（{places}）超过团体人数（{size}）',
    en: '“{resource}” takes {places} places, more than the group’s {size}',
  },
  'group_booking.exclusive_places': { 'zh-CN': '“{resource}”整场包下，人数请填 1', en: '“{resource}” is taken whole: enter 1 place' },
  'group_booking.roster_over_size': { 'zh-CN': '名单有 {count} 人，超过团体人数 {size} 人', en: 'The roster has {count} people, more than the group’s {size}' },
  'group_booking.roster_duplicate_phone': { 'zh-CN': '手机号与第 {row} 人重复', en: 'Same phone as person {row}' },
  'group_booking.team_full': { 'zh-CN': '第 {team} 组超过 {max} 人', en: 'Team {team} has more than {max} people' },
  'room_booking.v.persons': { 'zh-CN': '人数为 1-100', en: 'Persons: 1 to 100' },
  'room_booking.v.rooms': { 'zh-CN': '请选择至少一间冠名房', en: 'Choose at least one named room' },
  'room_booking.v.money': { 'zh-CN': '金额不正确', en: 'Not a valid amount' },
  'room_booking.v.discount': { 'zh-CN': '折扣为 1-100（100 为不打折，88 为八八折）', en: 'Discount 1-100 (100 = none, 88 = 12% off)' },
  'room_booking.v.rate': { 'zh-CN': '房价与“价目 × 折扣”不符', en: 'The rate is not price × discount' },
  'room_booking.v.departure': { 'zh-CN': '离开日期须晚于到达日期', en: 'Departure must be after arrival' },
  'room_booking.v.duplicate_room': { 'zh-CN': '同一间房只能选一次', en: 'Each room once' },
  'room_booking.v.confirmed_by': { 'zh-CN': '更改或取消须填写确认人', en: 'A change or cancellation needs who confirmed it' },
  'room_booking.not_found': { 'zh-CN': '冠名房预订不存在或无权查看', en: 'Named-room booking not found, or you may not see it' },
  'room_booking.superseded': {
    'zh-CN': '该预订表已有更新的版本（第 {revision} 版）或已取消，请在最新版本上操作',
    en: 'This form has a newer version (revision {revision}) or was cancelled; work on the latest one',
  },
  'room_booking.not_named_room': { 'zh-CN': '“{resource}”不是冠名房', en: '“{resource}” is not a named room' },
  'room_booking.room_taken': {
    'zh-CN': '“{resource}”在所选日期已有预订，请换房或换日期',
    en: '“{resource}” is booked on some of those nights; choose another room or dates',
  },
  'room_booking.changed_meanwhile': {
    'zh-CN': '该预订表刚被他人更改或取消，请刷新后再操作',
    en: 'Someone has just changed or cancelled this form; reload and try again',
  },
  'room_booking.departure_past': { 'zh-CN': '离开日期已过', en: 'The departure date has passed' },
  ...ROOM_FORM_MESSAGES,
} satisfies Record<string, MessageEntry>;
