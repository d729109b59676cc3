import type { TextTable } from '../../app/i18n/entry';

export const complaintSettingsText = {
  'nav.complaintSettings': { 'zh-CN': '客诉设置', en: 'Complaint settings' },
  'complaintSettings.title': { 'zh-CN': '客诉设置', en: 'Complaint settings' },
  'complaintSettings.subtitle': {
    'zh-CN': '处理时限、补偿审批额度、超时预警和结案后回访。保存后对新登记的客诉生效，已登记客诉的时限不变。',
    en: 'Deadlines, the approval threshold for compensation, at-risk warnings and follow-ups after closing. Saved settings apply to complaints registered from then on; running cases keep their deadlines.',
  },
  'complaintSettings.restoreDefaults': { 'zh-CN': '恢复默认值', en: 'Restore defaults' },
  'complaintSettings.restoreDefaults.done': { 'zh-CN': '已填入默认值，保存后生效', en: 'Defaults filled in; save to apply them' },

  'complaintSettings.limits': { 'zh-CN': '处理时限', en: 'Deadlines' },
  'complaintSettings.defaults': { 'zh-CN': '默认时限', en: 'Default limits' },
  'complaintSettings.responseHours': { 'zh-CN': '首次响应时限', en: 'First response within' },
  'complaintSettings.resolveDays': { 'zh-CN': '解决时限', en: 'Resolve within' },
  'complaintSettings.workingHours': { 'zh-CN': '工作小时', en: 'working hours' },
  'complaintSettings.workingDays': { 'zh-CN': '工作日', en: 'working days' },
  'complaintSettings.limits.help': {
    'zh-CN':
      '时限只计工作日历中的工作时间：下班后、午休、周末和法定节假日不计，调休上班日计入。例如工作时间为 9:00-18:00 时，周五 17:30 收到的客诉，“2 个工作小时内响应”即下周一 10:30 前；“3 个工作日内解决”指收到当天之后第 3 个工作日的下班前。',
    en: 'Limits count only the working time of the business calendar: evenings, lunch breaks, weekends and statutory holidays do not count, adjusted workdays do. With 09:00-18:00 hours, a complaint received on Friday at 17:30 and to be answered within 2 working hours is due on Monday at 10:30; “resolve within 3 working days” means by the end of the 3rd working day after the day of receipt.',
  },
  'complaintSettings.calendarLink': { 'zh-CN': '设置工作时间和节假日（工作日历）', en: 'Set the working hours and holidays (business calendar)' },
  'complaintSettings.calendarNoAccess': {
    'zh-CN': '工作时间和节假日由有“工作日历”权限的同事设置。',
    en: 'The working hours and holidays are set by colleagues who manage the business calendar.',
  },

  'complaintSettings.rules': { 'zh-CN': '按类别和严重程度的时限', en: 'Limits by category and severity' },
  'complaintSettings.rules.help': {
    'zh-CN': '从上到下逐条比对，客诉使用第一条与其类别和严重程度都相符的规则；都不相符时使用默认时限。“任意”表示不限。可用箭头调整顺序。',
    en: 'Rules are checked from the top: a complaint takes the first rule whose category and severity both match; when none matches, the default limits apply. “Any” matches everything. Use the arrows to reorder.',
  },
  'complaintSettings.rule.order': { 'zh-CN': '顺序', en: 'Order' },
  'complaintSettings.rule.category': { 'zh-CN': '类别', en: 'Category' },
  'complaintSettings.rule.severity': { 'zh-CN': '严重程度', en: 'Severity' },
  'complaintSettings.rule.hoursColumn': { 'zh-CN': '首次响应（工作小时）', en: 'First response (working hours)' },
  'complaintSettings.rule.daysColumn': { 'zh-CN': '解决（工作日）', en: 'Resolve (working days)' },
  'complaintSettings.rule.any': { 'zh-CN': '任意', en: 'Any' },
  'complaintSettings.rule.add': { 'zh-CN': '添加规则', en: 'Add a rule' },
  'complaintSettings.rule.up': { 'zh-CN': '上移', en: 'Move up' },
  'complaintSettings.rule.down': { 'zh-CN': '下移', en: 'Move down' },
  'complaintSettings.rule.remove': { 'zh-CN': '删除', en: 'Remove' },
  'complaintSettings.rule.none': { 'zh-CN': '没有规则：所有客诉使用默认时限', en: 'No rules: every complaint gets the default limits' },
  'complaintSettings.rule.unreachable': { 'zh-CN': '不会生效', en: 'Never applies' },
  'complaintSettings.rule.unreachable.help': {
    'zh-CN': '第 {rule} 条规则不会生效：排在它前面的第 {by} 条已涵盖它的所有客诉。请删除，或把它移到前面。',
    en: 'Rule {rule} never applies: rule {by} above it already matches every complaint it would. Remove it or move it up.',
  },

  'complaintSettings.preview': { 'zh-CN': '时限预览', en: 'Which limits apply' },
  'complaintSettings.preview.help': {
    'zh-CN': '选择类别和严重程度，查看按当前填写的规则（尚未保存也可）适用的时限。',
    en: 'Pick a category and a severity to see the limits the rules as filled in (saved or not) give.',
  },
  'complaintSettings.preview.response': { 'zh-CN': '首次响应', en: 'First response' },
  'complaintSettings.preview.resolve': { 'zh-CN': '解决', en: 'Resolution' },
  'complaintSettings.preview.basis': { 'zh-CN': '依据', en: 'From' },
  'complaintSettings.preview.hours': { 'zh-CN': '{n} 个工作小时内', en: 'within {n} working hours' },
  'complaintSettings.preview.days': { 'zh-CN': '{n} 个工作日内', en: 'within {n} working days' },
  'complaintSettings.preview.rule': { 'zh-CN': '第 {n} 条规则', en: 'rule {n}' },
  'complaintSettings.preview.defaults': { 'zh-CN': '默认时限（没有相符的规则）', en: 'the default limits (no rule matches)' },
  'complaintSettings.preview.blank': { 'zh-CN': '未填写', en: 'not filled in' },

  'complaintSettings.policy': { 'zh-CN': '审批、预警与回访', en: 'Approval, warnings and follow-ups' },
  'complaintSettings.approval': { 'zh-CN': '补偿审批额度', en: 'Approval threshold for compensation' },
  'complaintSettings.yuan': { 'zh-CN': '元', en: 'yuan' },
  'complaintSettings.approval.help': {
    'zh-CN': '超过 {yuan} 元的补偿需经理批准；不超过的由客诉专员直接处理。',
    en: 'Compensation above ¥{yuan} needs the manager’s approval; up to that the complaint officer goes ahead.',
  },
  'complaintSettings.approval.helpZero': { 'zh-CN': '任何补偿（超过 0 元）都需经理批准。', en: 'Any compensation (above ¥0) needs the manager’s approval.' },
  'complaintSettings.atRisk': { 'zh-CN': '超时预警比例', en: 'At-risk warning at' },
  'complaintSettings.atRisk.help': {
    'zh-CN': '时限已用去这一比例时，客诉标为“即将超时”，并在应用内提醒处理人、主管和经理（10%-99%）。',
    en: 'When this share of a limit is used, the case is marked at risk and the assignee, the supervisor and the manager are told in the app (10%-99%).',
  },
  'complaintSettings.reopen': { 'zh-CN': '可重新打开的期限', en: 'Reopen window' },
  'complaintSettings.reopen.help': {
    'zh-CN': '结案后这么多天内，客户再次反映同一问题时可重新打开原客诉；0 表示结案后不能重新打开。',
    en: 'For this many days after closing, the case can be reopened when the customer comes back about it; 0: closed cases cannot be reopened.',
  },
  'complaintSettings.days': { 'zh-CN': '天', en: 'days' },
  'complaintSettings.followUps': { 'zh-CN': '结案后回访', en: 'Follow-ups after closing' },
  'complaintSettings.followUp.after': { 'zh-CN': '结案后', en: 'after closing' },
  'complaintSettings.followUp.add': { 'zh-CN': '添加回访', en: 'Add a follow-up' },
  'complaintSettings.followUp.remove': { 'zh-CN': '删除此次回访', en: 'Remove this follow-up' },
  'complaintSettings.followUps.summary': { 'zh-CN': '每宗客诉结案后回访：{list}。', en: 'Each closed case is followed up {list}.' },
  'complaintSettings.followUps.none': { 'zh-CN': '结案后不安排回访。', en: 'No follow-ups after closing.' },
  'complaintSettings.followUps.help': {
    'zh-CN': '最多 5 次，保存时按天数从小到大排列；回访任务列在客诉页面上。',
    en: 'At most 5, sorted by day when saved; the follow-ups are listed on the case.',
  },
  'complaintSettings.followUp.sameDay': { 'zh-CN': '结案当天', en: 'on the day of closing' },
  'complaintSettings.followUp.nDays': { 'zh-CN': '结案后 {n} 天', en: '{n} days after closing' },
  'complaintSettings.listSeparator': { 'zh-CN': '、', en: ', ' },
} satisfies TextTable;
