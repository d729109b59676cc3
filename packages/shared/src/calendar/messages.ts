import type { MessageEntry } from '../message-entry';

/** Messages of the business calendar (errors and validation), zh-CN first. */
export const CALENDAR_MESSAGES = {
  'calendar.v.date': { 'zh-CN': '日期不正确，应为 YYYY-MM-DD 且确有这一天', en: 'Not a valid date (YYYY-MM-DD, a day that exists)' },
  'calendar.v.time': { 'zh-CN': '时间格式应为 HH:MM（00:00-24:00）', en: 'Time must be HH:MM (00:00-24:00)' },
  'calendar.v.range': { 'zh-CN': '结束时间必须晚于开始时间', en: 'The end must be after the start' },
  'calendar.v.week': { 'zh-CN': '工作时间需包含周日到周六共 7 天', en: 'Working hours need all 7 days, Sunday to Saturday' },
  'calendar.v.no_working_day': { 'zh-CN': '每周至少要有一个工作日', en: 'At least one day of the week must be a working day' },
  'calendar.v.lunch_outside': { 'zh-CN': '午休时间必须在工作时间之内', en: 'The lunch break must lie within the working hours' },
  'calendar.v.all_lunch': {
    'zh-CN': '这一天的工作时间全在午休之内，没有可计时的工作时间',
    en: 'This day’s hours all fall in the lunch break: no working time is left',
  },
  'calendar.v.day_name': {
    'zh-CN': '请填写名称（1-20 个字），例如“元旦”或“春节调休”',
    en: 'Give a name (1-20 characters), e.g. “New Year” or “Spring Festival workday”',
  },
  'calendar.v.year': { 'zh-CN': '年份应在 2000 到 2100 之间', en: 'The year must be between 2000 and 2100' },
  'calendar.year_shipped': {
    'zh-CN': '{year} 年的节假日随系统提供，不能取消“已完成”；如有变动请逐日修改',
    en: 'The holidays of {year} ship with the system and stay complete; change single days instead',
  },
} satisfies Record<string, MessageEntry>;
