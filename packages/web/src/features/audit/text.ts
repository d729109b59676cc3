import type { TextTable } from '../../app/i18n/entry';

export const auditText = {
  'audit.title': { 'zh-CN': '审计日志', en: 'Audit log' },
  'audit.help': {
    'zh-CN': '登录、查看号码、修改档案、分配、导入导出等操作都记录在此，不可修改。',
    en: 'Sign-ins, number reveals, changes, assignments, imports and exports are recorded here and cannot be changed.',
  },
  'audit.at': { 'zh-CN': '时间', en: 'When' },
  'audit.actor': { 'zh-CN': '操作人', en: 'Who' },
  'audit.action': { 'zh-CN': '操作', en: 'Action' },
  'audit.entity': { 'zh-CN': '对象', en: 'Record' },
  'audit.entityId': { 'zh-CN': '对象 ID', en: 'Record id' },
  'audit.ip': { 'zh-CN': 'IP', en: 'IP' },
  'audit.detail': { 'zh-CN': '详情', en: 'Detail' },
  'audit.requestId': { 'zh-CN': '请求编号', en: 'Request id' },
  'audit.range': { 'zh-CN': '时间范围', en: 'Date range' },
  'audit.actorPlaceholder': { 'zh-CN': '操作人姓名', en: 'Name of who did it' },
  'audit.actionPlaceholder': { 'zh-CN': '操作（如 customer.reveal 或 customer）', en: 'Action (e.g. customer.reveal or customer)' },
  'audit.apiKey': { 'zh-CN': 'API 密钥', en: 'API key' },
  'audit.openCustomer': { 'zh-CN': '打开客户', en: 'Open customer' },
} satisfies TextTable;
