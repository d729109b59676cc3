import type { MessageEntry } from './message-entry';

/**
 * Messages of the follow-up rules (回访规则) and the job scheduler, zh-CN first. `follow_up_rule.reason.*`
 * are the reasons a rule writes on its tasks (follow_up_tasks.reason + reason_params): what the agent
 * reads on the task, in their own language.
 */
export const FOLLOW_UP_RULE_MESSAGES = {
  'v.rule_days': { 'zh-CN': '天数须为范围内的整数', en: 'Days must be a whole number within the range' },
  'v.rule_percent': { 'zh-CN': '抽样比例须为 15 到 100 之间的整数', en: 'The sample is a whole percentage from 15 to 100' },
  'v.festival': { 'zh-CN': '请至少选择一个节日', en: 'Choose at least one festival' },
  'follow_up_rule.not_found': { 'zh-CN': '回访规则不存在', en: 'No such follow-up rule' },
  'follow_up_rule.version_conflict': { 'zh-CN': '该规则刚被他人修改，请刷新后再保存', en: 'Someone else has just changed this rule; reload and save again' },
  'follow_up_rule.disabled': { 'zh-CN': '规则未启用，请先启用再运行', en: 'The rule is off; turn it on before running it' },
  'job.not_found': { 'zh-CN': '任务不存在', en: 'No such job' },

  // the reasons on the tasks
  'follow_up_rule.reason.first_contact': {
    'zh-CN': '新分配客户（{assignedOn} 分配），请在 {days} 天内首次联系',
    en: 'Newly assigned customer ({assignedOn}): first contact within {days} days',
  },
  'follow_up_rule.reason.monthly_coverage': { 'zh-CN': '{month} 月度回访：本月尚未联系', en: 'Monthly follow-up {month}: not contacted this month' },
  'follow_up_rule.reason.important_weekly': {
    'zh-CN': '重要客户（{tier}）每周回访，{week} 周',
    en: 'Important customer ({tier}): weekly call, week of {week}',
  },
  'follow_up_rule.reason.after_service': { 'zh-CN': '{serviceOn} 到店服务后 {days} 天回访', en: 'Follow-up {days} days after the service on {serviceOn}' },
  'follow_up_rule.reason.birthday': { 'zh-CN': '{date} 生日祝福', en: 'Birthday greeting on {date}' },
  'follow_up_rule.reason.birthday_lunar': { 'zh-CN': '{date} 农历生日祝福', en: 'Lunar birthday greeting on {date}' },
  'follow_up_rule.reason.holiday.new_year': { 'zh-CN': '元旦问候（{date}）', en: "New Year's Day greeting ({date})" },
  'follow_up_rule.reason.holiday.spring_festival': { 'zh-CN': '春节问候（{date}）', en: 'Spring Festival greeting ({date})' },
  'follow_up_rule.reason.holiday.labour_day': { 'zh-CN': '五一劳动节问候（{date}）', en: 'Labour Day greeting ({date})' },
  'follow_up_rule.reason.holiday.mid_autumn': { 'zh-CN': '中秋节问候（{date}）', en: 'Mid-Autumn Festival greeting ({date})' },
  'follow_up_rule.reason.holiday.national_day': { 'zh-CN': '国庆节问候（{date}）', en: 'National Day greeting ({date})' },
  'follow_up_rule.reason.lost_recall': {
    'zh-CN': '流失客户召回：自 {lostOn} 起已流失 {days} 天以上',
    en: 'Win-back: lost since {lostOn}, more than {days} days',
  },
  'follow_up_rule.reason.lost_deal_sample': {
    'zh-CN': '{month} 战败客户抽样回访（抽取 {sample}/{total}）',
    en: 'Lost-deal review {month} (sample {sample} of {total})',
  },
  'follow_up_rule.reason.absentee': { 'zh-CN': '预约 {number} 未到（{startsAt}），当天回访', en: 'No-show for booking {number} ({startsAt}): call today' },
  'follow_up_rule.reason.no_visit': { 'zh-CN': '已 {days} 天未到店（上次 {lastVisit}）', en: 'No visit for {days} days (last on {lastVisit})' },
  'follow_up_rule.reason.complaint_after_close': {
    'zh-CN': '投诉 {number} 结案后回访，请于 {dueDate} 前完成',
    en: 'Follow-up after closing complaint {number}, by {dueDate}',
  },
  'follow_up_rule.reason.complaint_one_month': {
    'zh-CN': '投诉 {number} 一个月回访，请于 {dueDate} 前完成',
    en: 'One-month follow-up of complaint {number}, by {dueDate}',
  },
  'follow_up_rule.reason.card_low': { 'zh-CN': '会员卡 {number} 余额不足，提醒续卡', en: 'Card {number} is running low: remind to renew' },
  'follow_up_rule.reason.card_expiry': {
    'zh-CN': '会员卡 {number} 将于 {expiresOn} 到期，提醒续卡',
    en: 'Card {number} expires on {expiresOn}: remind to renew',
  },
  'follow_up_rule.reason.booking_confirm': { 'zh-CN': '确认预约 {number}（{startsAt}）', en: 'Confirm booking {number} ({startsAt})' },

  // the settings screen
  'follow_up_rule.name.first_contact': { 'zh-CN': '新分配客户首次联系', en: 'First contact after assignment' },
  'follow_up_rule.name.monthly_coverage': { 'zh-CN': '每位客户每月至少回访一次', en: 'Every customer once a month' },
  'follow_up_rule.name.important_weekly': { 'zh-CN': '重要客户每周回访', en: 'Important customers every week' },
  'follow_up_rule.name.after_service': { 'zh-CN': '服务后回访', en: 'After a service' },
  'follow_up_rule.name.birthday': { 'zh-CN': '生日祝福（公历/农历）', en: 'Birthdays (solar or lunar)' },
  'follow_up_rule.name.holiday': { 'zh-CN': '节日问候（元旦、春节、五一、中秋、国庆）', en: 'Festival greetings' },
  'follow_up_rule.name.lost_recall': { 'zh-CN': '流失客户召回', en: 'Lost-customer recall' },
  'follow_up_rule.name.lost_deal_sample': { 'zh-CN': '战败客户抽样回访', en: 'Lost-deal sample' },
  'follow_up_rule.name.absentee': { 'zh-CN': '未到客户当天回访', en: 'No-shows the same day' },
  'follow_up_rule.name.no_visit': { 'zh-CN': '久未到店客户', en: 'No visit for weeks' },
  'follow_up_rule.name.complaint_follow_up': { 'zh-CN': '投诉回访', en: 'Complaint follow-ups' },
  'follow_up_rule.name.card_renewal': { 'zh-CN': '续卡提醒（余额不足或将到期）', en: 'Card renewal (low or expiring)' },
  'follow_up_rule.name.booking_confirm': { 'zh-CN': '预约确认电话', en: 'Booking confirmation calls' },
  'follow_up_rule.help.first_contact': {
    'zh-CN': '客户分配给负责人后，若未联系，在规定天数内安排首次联系。',
    en: 'After a customer is assigned, a first call within the days set, unless already contacted.',
  },
  'follow_up_rule.help.monthly_coverage': {
    'zh-CN': '每个自然月为本月未联系的客户各建一条回访任务（已合并、已销户的除外）。',
    en: 'Each calendar month, one task per customer not contacted that month (merged and closed ones excepted).',
  },
  'follow_up_rule.help.important_weekly': { 'zh-CN': '所选等级的客户每周一条回访任务。', en: 'One call a week for customers of the chosen tiers.' },
  'follow_up_rule.help.after_service': {
    'zh-CN': '预约到店或会员卡消费后若干天回访（同一天多次服务只回访一次）。',
    en: 'A call some days after an attended booking or a card spend (once per service day).',
  },
  'follow_up_rule.help.birthday': {
    'zh-CN': '生日前若干天安排祝福电话；农历生日按当年对应的公历日期。',
    en: 'A greeting call some days before the birthday; lunar birthdays on this year’s solar date.',
  },
  'follow_up_rule.help.holiday': {
    'zh-CN': '节日前若干天安排问候；春节、中秋按农历计算。',
    en: 'Greetings some days before each festival; Spring Festival and Mid-Autumn follow the lunar calendar.',
  },
  'follow_up_rule.help.lost_recall': {
    'zh-CN': '客户标记为流失满若干天后安排一次召回电话。',
    en: 'One win-back call once a customer has been lost for the days set.',
  },
  'follow_up_rule.help.lost_deal_sample': {
    'zh-CN': '上个月标记为流失（战败）的客户中，按比例（不少于 15%）固定抽样回访。',
    en: 'Of the customers marked lost last month, a fixed sample (at least 15%) is called.',
  },
  'follow_up_rule.help.absentee': {
    'zh-CN': '预约被标记为未到时，立即生成当天的回访任务。',
    en: 'When a booking is marked no-show, a call the same day is made at once.',
  },
  'follow_up_rule.help.no_visit': {
    'zh-CN': '曾到店的客户若干天没有到店、也没有新的预约时回访。',
    en: 'Customers who came before, with no visit in the days set and nothing booked ahead.',
  },
  'follow_up_rule.help.complaint_follow_up': {
    'zh-CN': '每条投诉回访（结案后、一个月后）生成一条任务，按期完成。',
    en: 'One task per complaint follow-up (after closing, one month on), due on its date.',
  },
  'follow_up_rule.help.card_renewal': {
    'zh-CN': '会员卡余额低于卡类型的提醒线，或在若干天内到期时，提醒续卡。',
    en: 'When a card is at or below its type’s low line, or expires within the days set.',
  },
  'follow_up_rule.help.booking_confirm': {
    'zh-CN': '未来若干天内的每个预约（未取消）生成一条确认电话任务。',
    en: 'Every booking in the next days that is not cancelled gets a confirmation call.',
  },
  'follow_up_rule.param.days': { 'zh-CN': '天数', en: 'Days' },
  'follow_up_rule.param.daysAhead': { 'zh-CN': '提前天数', en: 'Days ahead' },
  'follow_up_rule.param.daysBefore': { 'zh-CN': '节前天数', en: 'Days before' },
  'follow_up_rule.param.tiers': { 'zh-CN': '客户等级（代码，逗号分隔；留空为全部）', en: 'Tiers (codes, comma-separated; empty: all)' },
  'follow_up_rule.param.festivals': { 'zh-CN': '节日', en: 'Festivals' },
  'follow_up_rule.param.consentOnly': { 'zh-CN': '仅限同意接收营销信息的客户', en: 'Only customers who consented to marketing' },
  'follow_up_rule.param.includeLost': { 'zh-CN': '包括已流失客户', en: 'Include lost customers' },
  'follow_up_rule.param.percent': { 'zh-CN': '抽样比例（%）', en: 'Sample (%)' },
  'follow_up_rule.param.expiresWithinDays': { 'zh-CN': '到期前天数', en: 'Days before expiry' },
  'job.name.complaints.watch': { 'zh-CN': '投诉时限监控', en: 'Complaint deadline watch' },
  'job.name.cards.nightly': { 'zh-CN': '会员卡账目夜间核对', en: 'Card ledger nightly check' },
  'job.name.follow_up_rules.frequent': { 'zh-CN': '回访规则（每 15 分钟）', en: 'Follow-up rules (every 15 minutes)' },
  'job.name.follow_up_rules.daily': { 'zh-CN': '回访规则（每日）', en: 'Follow-up rules (daily)' },
} satisfies Record<string, MessageEntry>;
