import type { MessageEntry } from './message-entry';

/** Messages of the interactions and telephony area (calls, screen pop, click-to-call), zh-CN first. */
export const INTERACTION_MESSAGES = {
  'v.interaction_summary': { 'zh-CN': '请填写沟通内容（1-2000 字）', en: 'Write what the contact was about (1-2000 characters)' },
  'v.interaction_duration': { 'zh-CN': '时长须为 0 至 86400 秒', en: 'The duration is 0 to 86,400 seconds' },
  'v.interaction_future': { 'zh-CN': '开始时间不能晚于现在', en: 'The start cannot be in the future' },
  'v.extension': { 'zh-CN': '分机号为 2-10 位数字', en: 'An extension has 2-10 digits' },
  'interaction.not_found': { 'zh-CN': '沟通记录不存在或无权查看', en: 'Interaction not found, or you may not see it' },
  'interaction.version_conflict': { 'zh-CN': '该记录已被他人修改，请刷新后再改', en: 'Someone else changed this record; reload and try again' },
  'interaction.customer_set': { 'zh-CN': '该记录已关联客户，不能改为其他客户', en: 'This record already belongs to a customer' },
  'user.extension_taken': { 'zh-CN': '分机号已分配给其他用户', en: 'That extension belongs to another user' },
  'telephony.not_configured': {
    'zh-CN': '尚未配置电话系统（Asterisk AMI），无法外呼；请联系管理员设置 KEFU_AMI_HOST 等参数',
    en: 'Telephony (Asterisk AMI) is not configured, so calls cannot be placed; ask the administrator to set KEFU_AMI_HOST and the rest',
  },
  'telephony.no_extension': {
    'zh-CN': '您还没有分机号，无法外呼；请联系管理员在用户设置中填写',
    en: 'You have no extension, so you cannot place calls; ask the administrator to set one',
  },
  'telephony.no_number': { 'zh-CN': '该客户没有这个电话号码', en: 'The customer has no such number' },
  'telephony.login_failed': { 'zh-CN': '电话系统拒绝登录（AMI 用户名或密码不正确）', en: 'The telephony server refused the login (wrong AMI user or secret)' },
  'telephony.unreachable': {
    'zh-CN': '无法连接电话系统，请稍后再试或联系管理员',
    en: 'The telephony server cannot be reached; try again later or ask the administrator',
  },
  'telephony.originate_failed': { 'zh-CN': '电话系统未能发起呼叫：{reason}', en: 'The telephony server could not place the call: {reason}' },
  'telephony.call_not_found': { 'zh-CN': '通话不存在或无权查看', en: 'Call not found, or you may not see it' },
  'telephony.call_has_customer': {
    'zh-CN': '该来电已关联客户 {name}，无需再新建',
    en: 'This call already belongs to customer {name}; no new customer is needed',
  },
} satisfies Record<string, MessageEntry>;
