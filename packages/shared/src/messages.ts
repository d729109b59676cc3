import { BOOKING_MESSAGES } from './booking-messages';
import { CALENDAR_MESSAGES } from './calendar/messages';
import { CARD_MESSAGES } from './card-messages';
import { INQUIRY_MESSAGES } from './inquiry-messages';
import { FOLLOW_UP_MESSAGES } from './follow-up-messages';
import { FOLLOW_UP_RULE_MESSAGES } from './follow-up-rules-messages';
import { GROUP_BOOKING_MESSAGES } from './group-booking-messages';
import { INTERACTION_MESSAGES } from './interaction-messages';
import { COMPLAINT_MESSAGES } from './complaint-messages';
import { COMPLAINT_REPORT_MESSAGES } from './complaint-report-messages';
import type { MessageEntry as Entry } from './message-entry';

/**
 * Every message a user may read from the API, in zh-CN first and English.
 * Keys are error codes (`customer.version_conflict`) or validation keys (`v.mobile`).
 * Zod schemas in this package use the keys as their messages; the server and the web translate them.
 */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];


export const MESSAGES = {
  // validation
  'v.required': { 'zh-CN': '必填', en: 'Required' },
  'v.name': { 'zh-CN': '请填写姓名（1-50 个字）', en: 'Enter a name (1-50 characters)' },
  'v.mobile': { 'zh-CN': '手机号码格式不正确，应为 11 位中国大陆手机号', en: 'Not a valid mainland China mobile number (11 digits)' },
  'v.phone': { 'zh-CN': '电话号码格式不正确', en: 'Not a valid phone number' },
  'v.email': { 'zh-CN': '邮箱格式不正确', en: 'Not a valid email address' },
  'v.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  'v.birthday_future': { 'zh-CN': '生日不能晚于今天', en: 'Birthday cannot be in the future' },
  'v.lunar_date': { 'zh-CN': '农历日期不正确（月 1-12，日 1-30）', en: 'Not a valid lunar date (month 1-12, day 1-30)' },
  'v.id_number': { 'zh-CN': '身份证号码格式不正确', en: 'Not a valid ID number' },
  'v.username': { 'zh-CN': '用户名为 3-32 位字母、数字、点、横线或下划线', en: 'Username: 3-32 letters, digits, dots, dashes or underscores' },
  'v.password': { 'zh-CN': '密码至少 8 位', en: 'Password must have at least 8 characters' },
  'v.too_long': { 'zh-CN': '内容过长', en: 'Too long' },
  'v.tag': { 'zh-CN': '标签为 1-20 个字', en: 'A tag has 1-20 characters' },
  'v.time_zone': { 'zh-CN': '时区不正确（例如 Asia/Shanghai）', en: 'Not a valid time zone (e.g. Asia/Shanghai)' },
  'v.code': { 'zh-CN': '代码为 1-32 位小写字母、数字或下划线', en: 'A code has 1-32 lowercase letters, digits or underscores' },
  // errors
  'error.validation': { 'zh-CN': '提交的内容有误', en: 'The request has invalid fields' },
  'error.not_found': { 'zh-CN': '记录不存在或无权查看', en: 'Not found, or you may not see it' },
  'error.route_not_found': { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  'error.forbidden': { 'zh-CN': '没有此操作的权限', en: 'You do not have permission for this' },
  'error.unauthenticated': { 'zh-CN': '请先登录', en: 'Please sign in' },
  'error.csrf': { 'zh-CN': '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  'error.internal': { 'zh-CN': '服务器出错了，请稍后再试；如一直出现，请把请求编号告诉管理员', en: 'Something went wrong on the server; if it persists, give the request id to your administrator' },
  'error.payload_too_large': { 'zh-CN': '文件太大', en: 'The file is too large' },
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码不正确', en: 'Wrong username or password' },
  'auth.throttled': { 'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins; try again in {minutes} minutes' },
  'auth.inactive': { 'zh-CN': '用户名或密码不正确', en: 'Wrong username or password' },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.must_change_password': { 'zh-CN': '请先修改临时密码，然后再继续操作', en: 'Change your temporary password before you continue' },
  'v.control_char': { 'zh-CN': '内容含有无法保存的控制字符', en: 'Contains a control character that cannot be stored' },
  'error.bad_cursor': { 'zh-CN': '翻页参数无效，请从第一页重新加载', en: 'Invalid page cursor; reload from the first page' },
  'user.unknown_department': { 'zh-CN': '部门不存在', en: 'Unknown department' },
  'role.last_admin': { 'zh-CN': '修改后将没有任何在职用户能管理用户和角色，已拒绝', en: 'After this change no active user could manage users and roles; refused' },
  'customer.owner_cannot_read': { 'zh-CN': '该用户的角色不能查看客户档案，不能做负责人', en: 'This user’s roles cannot read the customer archive, so they cannot own customers' },
  'user.username_taken': { 'zh-CN': '用户名已被使用', en: 'That username is taken' },
  'user.version_conflict': { 'zh-CN': '该用户已被他人修改，请刷新后再改', en: 'Someone else changed this user; reload and try again' },
  'user.last_admin': { 'zh-CN': '不能停用最后一个系统管理员', en: 'The last administrator cannot be disabled' },
  'role.unknown': { 'zh-CN': '角色不存在', en: 'Unknown role' },
  'customer.version_conflict': { 'zh-CN': '该客户档案已被他人修改，您的修改未保存；请查看最新内容后再改', en: 'Someone else changed this customer; your change was not saved. Review the latest version and try again' },
  'customer.duplicate_mobile': { 'zh-CN': '该手机号已属于客户 {name}', en: 'This mobile already belongs to customer {name}' },
  'customer.invalid_transition': { 'zh-CN': '当前状态“{from}”不能执行此操作；可执行：{allowed}', en: 'Not allowed from “{from}”; allowed: {allowed}' },
  'customer.closed': { 'zh-CN': '客户已销户，不能修改', en: 'The customer is closed and cannot be changed' },
  'customer.merge_self': { 'zh-CN': '不能与自身合并', en: 'A customer cannot be merged with itself' },
  'customer.unknown_owner': { 'zh-CN': '负责人不存在或已停用', en: 'The owner does not exist or is disabled' },
  'customer.unknown_category': { 'zh-CN': '分类或等级不存在', en: 'Unknown class or tier' },
  'customer.no_agents': { 'zh-CN': '请至少选择一位客服专员', en: 'Choose at least one agent' },
  'import.unreadable': { 'zh-CN': '无法读取文件，请上传 xlsx 或 csv（Excel/WPS 保存的均可）', en: 'Cannot read the file; upload an xlsx or csv (as saved by Excel or WPS)' },
  'import.empty': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'import.no_name_column': { 'zh-CN': '请指定“姓名”对应的列', en: 'Map a column to “name”' },
  'import.has_errors': { 'zh-CN': '有 {count} 行有问题，按“全部或不导入”的选择，本次未导入任何数据', en: '{count} rows have problems; as chosen (all or nothing), nothing was imported' },
  'import.not_found': { 'zh-CN': '导入任务不存在或已过期', en: 'The import does not exist or has expired' },
  'import.already_done': { 'zh-CN': '该导入已执行过', en: 'This import has already run' },
  'export.not_approved': { 'zh-CN': '导出申请尚未被经理批准', en: 'The export request has not been approved by the manager' },
  'export.invalid_state': { 'zh-CN': '该导出申请当前状态不能执行此操作', en: 'The export request cannot do this in its current state' },
  'export.self_approve': { 'zh-CN': '不能批准自己的导出申请', en: 'You cannot approve your own export request' },
  'export.reason_required': { 'zh-CN': '请填写导出理由（至少 2 个字）', en: 'Give a reason for the export (at least 2 characters)' },
  'export.sheet_name': { 'zh-CN': '客户档案', en: 'Customers' },
  'export.file_name': { 'zh-CN': '客户档案导出', en: 'customers-export' },
  'export.exported_by': { 'zh-CN': '导出人', en: 'Exported by' },
  'export.exported_at': { 'zh-CN': '导出时间', en: 'Exported at' },
  'export.approved_by': { 'zh-CN': '审批人', en: 'Approved by' },
  'export.reason': { 'zh-CN': '导出理由', en: 'Reason' },
  'export.row_count': { 'zh-CN': '共 {count} 位客户；号码按导出人的查看权限脱敏', en: '{count} customers; numbers masked as the exporter may see them' },
  'import.duplicate_in_file': { 'zh-CN': '手机号与第 {row} 行重复', en: 'Same mobile as row {row}' },
  'import.duplicate_in_archive': { 'zh-CN': '该手机号已在客户档案中', en: 'This mobile is already in the customer archive' },
  'import.unknown_owner': { 'zh-CN': '找不到负责人“{value}”（请填姓名或用户名）', en: 'No user “{value}” (give a display name or username)' },
  'import.ambiguous_owner': { 'zh-CN': '有多位用户叫“{value}”，请改填用户名', en: 'Several users are called “{value}”; give the username' },
  'import.unknown_category': { 'zh-CN': '分类或等级“{value}”不存在', en: 'Unknown class or tier “{value}”' },
  'import.bad_value': { 'zh-CN': '无法识别“{value}”', en: 'Cannot read “{value}”' },
  'import.bad_column': { 'zh-CN': '对应的列在文件中不存在', en: 'The mapped column is not in the file' },
  'import.too_many_rows': { 'zh-CN': '一次最多导入 {max} 行，请拆分文件', en: 'At most {max} rows per import; split the file' },
  'import.running': { 'zh-CN': '该导入正在进行中', en: 'This import is running' },
  'import.conflict': { 'zh-CN': '导入期间有客户被他人录入，手机号与文件重复；本次未导入任何数据，请重新校验后再导入', en: 'Someone entered a customer with a mobile from the file meanwhile; nothing was imported. Validate again and retry' },
  'apikey.invalid': { 'zh-CN': 'API 密钥无效', en: 'Invalid API key' },
  'settings.invalid': { 'zh-CN': '设置内容不正确', en: 'Invalid settings' },
  // each area's own catalog
  ...BOOKING_MESSAGES,
  ...COMPLAINT_MESSAGES,
  ...COMPLAINT_REPORT_MESSAGES,
  ...CALENDAR_MESSAGES,
  ...CARD_MESSAGES,
  ...INQUIRY_MESSAGES,
  ...FOLLOW_UP_MESSAGES,
  ...FOLLOW_UP_RULE_MESSAGES,
  ...GROUP_BOOKING_MESSAGES,
  ...INTERACTION_MESSAGES,
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

export function translate(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Accept-Language -> our language; zh-CN is the default. */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
