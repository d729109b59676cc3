import { bookingSummary } from './booking-timeline';
import { groupRoomSummary } from './group-booking-timeline';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  SATISFACTION_LABELS,
  type ComplaintCategory,
  type ComplaintChannel,
  type Satisfaction,
} from './complaint';
import { cardSummary, memberExtrasSummary } from './card-timeline';
import { inquirySummary } from './inquiry';
import { followUpSummary } from './follow-up-timeline';
import { interactionSummary } from './interaction';
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
      return zh
        ? `建档（来源：${str(data.via) === 'import' ? '导入' : '手工录入'}）`
        : `Customer created (${str(data.via) === 'import' ? 'imported' : 'entered by hand'})`;
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
      if (kind.startsWith('complaint.')) return complaintSummary(kind.slice('complaint.'.length), data, lang) ?? kind;
      if (kind.startsWith('card.')) return cardSummary(kind.slice('card.'.length), data, lang) ?? kind;
      if (kind.startsWith('referral.') || kind.startsWith('activity.')) return memberExtrasSummary(kind, data, lang) ?? kind;
      if (kind.startsWith('inquiry.')) return inquirySummary(kind.slice('inquiry.'.length), data, lang) ?? kind;
      if (kind.startsWith('booking.')) return bookingSummary(kind.slice('booking.'.length), data, lang) ?? kind;
      if (kind.startsWith('group_booking.') || kind.startsWith('room_booking.')) return groupRoomSummary(kind, data, lang) ?? kind;
      if (kind.startsWith('follow_up.')) return followUpSummary(kind.slice('follow_up.'.length), data, lang) ?? kind;
      if (kind.startsWith('interaction.')) return interactionSummary(kind.slice('interaction.'.length), data, lang) ?? kind;
      return str(data.summary) || kind;
  }
}

/** The steps of a complaint case (kinds `complaint.*`, written by the complaints module) on the customer's timeline. */
function complaintSummary(step: string, data: Data, lang: Lang): string | null {
  const zh = lang === 'zh-CN';
  const n = str(data.number);
  const label = <K extends string>(labels: Record<K, { 'zh-CN': string; en: string }>, v: unknown) => labels[v as K]?.[lang] ?? str(v);
  const fen = typeof data.compensationFen === 'number' ? data.compensationFen : 0;
  const money = fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
  switch (step) {
    case 'registered': {
      const what = `${label<ComplaintCategory>(COMPLAINT_CATEGORY_LABELS, data.category)}${zh ? '，' : ', '}${label<ComplaintChannel>(COMPLAINT_CHANNEL_LABELS, data.channel)}`;
      return zh ? `登记客诉 ${n}（${what}）` : `Complaint ${n} registered (${what})`;
    }
    case 'acknowledged':
      return zh
        ? `客诉 ${n} 已受理，已答复客户${data.late ? '（超过首次响应时限）' : ''}`
        : `Complaint ${n} acknowledged, the customer answered${data.late ? ' (after the response deadline)' : ''}`;
    case 'verified':
      return zh ? `客诉 ${n} 情况已核实` : `Complaint ${n}: facts verified`;
    case 'proposed':
      return zh
        ? `客诉 ${n} 提出处理意见${fen > 0 ? `，补偿 ${money} 元` : ''}${data.needsApproval ? '，待批准' : ''}`
        : `Complaint ${n}: proposal made${fen > 0 ? `, compensation ¥${money}` : ''}${data.needsApproval ? ', waiting for approval' : ''}`;
    case 'approved':
      return zh ? `客诉 ${n} 处理意见已批准` : `Complaint ${n}: proposal approved`;
    case 'rejected':
      return zh ? `客诉 ${n} 处理意见被驳回` : `Complaint ${n}: proposal rejected`;
    case 'resolved':
      return zh ? `客诉 ${n} 已处理${data.late ? '（超过解决时限）' : ''}` : `Complaint ${n} resolved${data.late ? ' (after the resolution deadline)' : ''}`;
    case 'feedback': {
      const result = label<Satisfaction>(SATISFACTION_LABELS, data.satisfactionResult);
      const speed = label<Satisfaction>(SATISFACTION_LABELS, data.satisfactionSpeed);
      return zh
        ? `客诉 ${n} 客户反馈：处理结果${result}，处理速度${speed}${data.unsatisfied ? '；继续处理并约定回电' : ''}`
        : `Complaint ${n} feedback: result ${result.toLowerCase()}, speed ${speed.toLowerCase()}${data.unsatisfied ? '; handling continues, callback promised' : ''}`;
    }
    case 'closed':
      return zh ? `客诉 ${n} 已结案` : `Complaint ${n} closed`;
    case 'reopened':
      return zh ? `客诉 ${n} 重新打开` : `Complaint ${n} reopened`;
    case 'paused':
      return zh ? `客诉 ${n} 等待客户回复（时限暂停）` : `Complaint ${n} waits for the customer (deadlines paused)`;
    case 'resumed':
      return zh ? `客诉 ${n} 客户已回复，继续处理` : `Complaint ${n}: the customer replied, handling resumed`;
    case 'transferred':
      return zh ? `客诉 ${n} 转交${str(data.department)}` : `Complaint ${n} transferred to ${str(data.department)}`;
    case 'transfer_answered':
      return zh ? `客诉 ${n} ${str(data.department)}已答复` : `Complaint ${n}: ${str(data.department)} answered`;
    case 'promised':
      return zh ? `客诉 ${n} 记录了对客户的承诺` : `Complaint ${n}: a promise to the customer recorded`;
    case 'promise_kept':
      return zh ? `客诉 ${n} 对客户的承诺已兑现${data.late ? '（逾期）' : ''}` : `Complaint ${n}: promise kept${data.late ? ' (late)' : ''}`;
    case 'follow_up_done':
      return zh
        ? `客诉 ${n} ${data.kind === 'one_month' ? '一个月回访' : '结案回访'}已完成`
        : `Complaint ${n}: ${data.kind === 'one_month' ? 'one-month' : 'after-close'} follow-up done`;
    default:
      return null;
  }
}
