import { LIFECYCLE_ACTION_LABELS, type LifecycleAction } from '@kefu/shared/customer-lifecycle';
import type { Lang } from '@kefu/shared/messages';

/**
 * The audit log's action codes in words, for the people who read the log; the code stays beside the
 * words because the filter takes codes. An action not listed here (a new area's) shows its code only.
 */
const LABELS: Record<string, Record<Lang, string>> = {
  'auth.login': { 'zh-CN': '登录', en: 'Signed in' },
  'auth.login_failed': { 'zh-CN': '登录失败', en: 'Sign-in failed' },
  'auth.login_throttled': { 'zh-CN': '登录被暂时锁定', en: 'Sign-in locked for a while' },
  'auth.logout': { 'zh-CN': '退出登录', en: 'Signed out' },
  'auth.password_changed': { 'zh-CN': '修改本人密码', en: 'Changed own password' },
  'user.create': { 'zh-CN': '新建用户', en: 'Created a user' },
  'user.update': { 'zh-CN': '修改用户', en: 'Changed a user' },
  'role.update': { 'zh-CN': '修改角色权限', en: 'Changed a role' },
  'department.create': { 'zh-CN': '新建部门', en: 'Created a department' },
  'apikey.create': { 'zh-CN': '新建 API 密钥', en: 'Created an API key' },
  'apikey.revoke': { 'zh-CN': '停用 API 密钥', en: 'Revoked an API key' },
  'settings.update': { 'zh-CN': '修改档案设置', en: 'Changed archive settings' },
  'settings.category': { 'zh-CN': '修改分类/等级', en: 'Changed a class or tier' },
  'calendar.config': { 'zh-CN': '修改工作时间', en: 'Changed the working hours' },
  'calendar.day.set': { 'zh-CN': '设置节假日/调休', en: 'Set a holiday or adjusted workday' },
  'calendar.day.remove': { 'zh-CN': '撤销节假日修改', en: 'Undid a calendar day change' },
  'calendar.year.covered': { 'zh-CN': '标记年度节假日已完成', en: 'Marked a year’s holidays complete' },
  'calendar.year.uncovered': { 'zh-CN': '取消年度节假日已完成', en: 'Unmarked a year’s holidays' },
  'complaint_report.export': { 'zh-CN': '导出客诉报表', en: 'Exported complaint reports' },
  'complaint_report.root_cause': { 'zh-CN': '保存月度客诉原因分析', en: 'Saved a month’s root-cause analysis' },
  'complaint.print_record': { 'zh-CN': '打印客户投诉记录表', en: 'Printed a complaint record form' },
  'customer.create': { 'zh-CN': '新建客户', en: 'Created a customer' },
  'customer.update': { 'zh-CN': '修改客户档案', en: 'Changed a customer' },
  'customer.reveal': { 'zh-CN': '查看完整号码', en: 'Showed hidden numbers' },
  'customer.assign': { 'zh-CN': '分配负责人', en: 'Assigned owners' },
  'customer.merge': { 'zh-CN': '合并客户档案', en: 'Merged customers' },
  'customer.import': { 'zh-CN': '导入客户', en: 'Imported customers' },
  'export.request': { 'zh-CN': '申请导出', en: 'Asked for an export' },
  'export.download': { 'zh-CN': '下载导出文件', en: 'Downloaded an export' },
};

export function auditActionLabel(action: string, lang: Lang): string | null {
  const known = LABELS[action];
  if (known) return known[lang];
  const lifecycle = action.startsWith('customer.') ? LIFECYCLE_ACTION_LABELS[action.slice('customer.'.length) as LifecycleAction] : undefined;
  if (lifecycle) return lang === 'zh-CN' ? `客户状态：${lifecycle[lang]}` : `Customer state: ${lifecycle[lang]}`;
  return null;
}
