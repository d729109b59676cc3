import type { Permission } from '@kefu/shared/permissions';
import type { TextEntry } from '../../app/i18n/entry';

/** What each permission lets a person do, for the roles matrix and the API key form. */
export const PERMISSION_LABELS: Record<Permission, TextEntry> = {
  'customer:read': { 'zh-CN': '查看客户（本人负责的）', en: 'Read customers (own)' },
  'customer:read_all': { 'zh-CN': '查看全部客户', en: 'Read all customers' },
  'customer:create': { 'zh-CN': '新建客户', en: 'Create customers' },
  'customer:update': { 'zh-CN': '修改客户档案', en: 'Edit customers' },
  'customer:close': { 'zh-CN': '销户与重新开户', en: 'Close and reopen customers' },
  'customer:reveal': { 'zh-CN': '显示完整号码（记审计）', en: 'Show full numbers (audited)' },
  'customer:assign': { 'zh-CN': '分配负责人', en: 'Assign owners' },
  'customer:merge': { 'zh-CN': '合并重复档案', en: 'Merge duplicates' },
  'customer:import': { 'zh-CN': '导入客户', en: 'Import customers' },
  'customer:export_request': { 'zh-CN': '申请导出', en: 'Request exports' },
  'customer:export_approve': { 'zh-CN': '批准导出', en: 'Approve exports' },
  'customer:settings': { 'zh-CN': '档案设置（分类、等级、流失天数）', en: 'Archive settings (classes, tiers, churn days)' },
  'complaint:register': { 'zh-CN': '登记客诉', en: 'Register complaints' },
  'complaint:read': { 'zh-CN': '查看客诉（本人受理或负责的）', en: 'Read complaints (own)' },
  'complaint:read_all': { 'zh-CN': '查看全部客诉', en: 'Read all complaints' },
  'complaint:handle': { 'zh-CN': '处理客诉（核实、处理意见、结果、转交）', en: 'Handle complaints (verify, propose, resolve, transfer)' },
  'complaint:approve': { 'zh-CN': '批准客诉处理意见（超出补偿额度）', en: 'Approve complaint proposals (over the threshold)' },
  'complaint:respond': { 'zh-CN': '答复转交给本部门的客诉', en: 'Answer complaints transferred to the department' },
  'complaint:report': { 'zh-CN': '客诉报表与原因分析', en: 'Complaint reports and root-cause analysis' },
  'complaint:settings': { 'zh-CN': '客诉设置（时限、审批额度）', en: 'Complaint settings (limits, approval threshold)' },
  'calendar:manage': { 'zh-CN': '工作日历（工作时间、节假日、调休）', en: 'Business calendar (hours, holidays, adjusted workdays)' },
  'audit:read': { 'zh-CN': '查看审计日志', en: 'Read the audit log' },
  'user:manage': { 'zh-CN': '管理用户与部门', en: 'Manage users and departments' },
  'role:manage': { 'zh-CN': '管理角色权限', en: 'Manage role permissions' },
  'apikey:manage': { 'zh-CN': '管理 API 密钥', en: 'Manage API keys' },
};
