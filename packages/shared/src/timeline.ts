import { LIFECYCLE_LABELS, type LifecycleState } from './customer-lifecycle';
import type { Lang } from './messages';

/**
 * One line per timeline event, in the reader's language. Event data never holds phone numbers or ID
 * numbers (they would escape masking); it holds names, field names and states.
 */
const FIELD_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  name: { 'zh-CN': '姓名', en: 'name' },
  title: { 'zh-CN': '称谓', en: 'title' },
  gender: { 'zh-CN': '性别', en: 'gender' },
  mobile: { 'zh-CN': '手机', en: 'mobile' },
  otherPhones: { 'zh-CN': '其他电话', en: 'other phones' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  email: { 'zh-CN': '邮箱', en: 'email' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  birthday: { 'zh-CN': '生日', en: 'birthday' },
  birthdayLunar: { 'zh-CN': '农历生日', en: 'lunar birthday' },
  birthdayLunarLeap: { 'zh-CN': '闰月', en: 'leap month' },
  region: { 'zh-CN': '地区', en: 'region' },
  address: { 'zh-CN': '地址', en: 'address' },
  source: { 'zh-CN': '来源', en: 'source' },
  company: { 'zh-CN': '单位', en: 'company' },
  ownerId: { 'zh-CN': '负责人', en: 'owner' },
  classCode: { 'zh-CN': '分类', en: 'class' },
  tierCode: { 'zh-CN': '等级', en: 'tier' },
  tags: { 'zh-CN': '标签', en: 'tags' },
  notes: { 'zh-CN': '备注', en: 'notes' },
  consentMarketing: { 'zh-CN': '营销授权', en: 'marketing consent' },
  consentSensitive: { 'zh-CN': '敏感信息授权', en: 'sensitive-data consent' },
  lifecycle: { 'zh-CN': '状态', en: 'state' },
};

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const state = (v: unknown, lang: Lang) => LIFECYCLE_LABELS[v as LifecycleState]?.[lang] ?? str(v);

export function timelineSummary(kind: string, data: Data, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (kind) {
    case 'customer.created':
      return zh ? `建档（来源：${str(data.via) === 'import' ? '导入' : '手工录入'}）` : `Customer created (${str(data.via) === 'import' ? 'imported' : 'entered by hand'})`;
    case 'customer.updated': {
      const fields = (Array.isArray(data.fields) ? data.fields : []).map((f) => fieldLabel(String(f), lang));
      return zh ? `修改了 ${fields.join('、')}` : `Changed ${fields.join(', ')}`;
    }
    case 'customer.lifecycle':
      return zh
        ? `状态：${state(data.from, lang)} → ${state(data.to, lang)}${data.reason ? `（${str(data.reason)}）` : ''}`
        : `State: ${state(data.from, lang)} → ${state(data.to, lang)}${data.reason ? ` (${str(data.reason)})` : ''}`;
    case 'customer.assigned':
      return zh
        ? `分配给 ${str(data.toName)}${data.fromName ? `（原负责人：${str(data.fromName)}）` : ''}${data.how === 'distribute' ? '，按负载平均分配' : ''}`
        : `Assigned to ${str(data.toName)}${data.fromName ? ` (was ${str(data.fromName)})` : ''}${data.how === 'distribute' ? ', spread by load' : ''}`;
    case 'customer.merged':
      return zh ? `合并了客户档案“${str(data.otherName)}”，其历史记录已并入` : `Merged customer “${str(data.otherName)}” into this one, with its history`;
    case 'customer.merged_away':
      return zh ? `已合并到客户“${str(data.intoName)}”` : `Merged into customer “${str(data.intoName)}”`;
    default:
      return str(data.summary) || kind;
  }
}
