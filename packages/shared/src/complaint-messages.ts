import type { MessageEntry } from './message-entry';

/** Messages of the complaints area (errors and validation), zh-CN first. */
export const COMPLAINT_MESSAGES = {
  'v.datetime': { 'zh-CN': '时间格式不正确（例如 2026-10-09T10:00:00+08:00）', en: 'Not a valid time (e.g. 2026-10-09T10:00:00+08:00)' },
  'v.user': { 'zh-CN': '请选择人员', en: 'Choose a person' },
  'v.customer': { 'zh-CN': '请选择客户', en: 'Choose a customer' },
  'v.department': { 'zh-CN': '请选择部门', en: 'Choose a department' },
  'v.callback_required': { 'zh-CN': '客户不满意时必须约定回电时间', en: 'An unsatisfied customer needs a promised callback time' },
  'complaint.not_found': { 'zh-CN': '客诉不存在或无权查看', en: 'Complaint not found, or you may not see it' },
  'complaint.invalid_transition': {
    'zh-CN': '客诉当前为“{from}”，不能执行此操作；当前可执行：{allowed}',
    en: 'The complaint is “{from}”: not allowed now; allowed: {allowed}',
  },
  'complaint.version_conflict': {
    'zh-CN': '该客诉刚被他人处理过，请刷新后再操作',
    en: 'Someone else has just moved this complaint; reload and try again',
  },
  'complaint.received_in_future': { 'zh-CN': '受理时间不能晚于现在', en: 'Received at cannot be in the future' },
  'complaint.reopen_expired': { 'zh-CN': '结案已超过 {days} 天，不能重新打开', en: 'Closed more than {days} days ago: it cannot be reopened' },
} satisfies Record<string, MessageEntry>;
