import type { MessageEntry } from './message-entry';

/** Messages of referrals (转介绍) and member activities (会员活动), zh-CN first; spread into CARD_MESSAGES. */
export const MEMBER_EXTRAS_MESSAGES = {
  'referral.self': { 'zh-CN': '介绍人和被介绍人不能是同一人', en: 'A customer cannot refer themselves' },
  'referral.not_found': { 'zh-CN': '转介绍记录不存在', en: 'Referral not found' },
  'referral.already_referred': { 'zh-CN': '该客户已登记过介绍人', en: 'This customer already has a referrer' },
  'referral.unknown_customer': { 'zh-CN': '客户不存在或已合并', en: 'No such customer (or merged away)' },
  'referral.not_qualified': { 'zh-CN': '被介绍人尚未充值或到课，暂不能发放奖励', en: 'The new customer has neither bought nor attended yet' },
  'referral.already_rewarded': { 'zh-CN': '该转介绍奖励已发放', en: 'This referral has already been rewarded' },
  'referral.no_reward_setting': { 'zh-CN': '尚未设置转介绍奖励（奖励卡类型和数额）', en: 'No referral reward is set (card type and amount)' },
  'referral.no_reward_card': { 'zh-CN': '介绍人没有可用的奖励卡（请先为其开卡）', en: 'The referrer has no usable card of the reward type (issue one first)' },
  'referral.version_conflict': { 'zh-CN': '该记录刚被他人修改，请刷新后再操作', en: 'Someone else has just changed this referral; reload and try again' },
  'activity.not_found': { 'zh-CN': '活动不存在', en: 'Activity not found' },
  'activity.invitation_not_found': { 'zh-CN': '该客户未被邀请参加此活动', en: 'This customer is not invited to the activity' },
  'activity.version_conflict': { 'zh-CN': '该记录刚被他人修改，请刷新后再操作', en: 'Someone else has just changed this; reload and try again' },
  'activity.full': { 'zh-CN': '活动名额已满（{capacity} 人）', en: 'The activity is full ({capacity} places)' },
  'activity.capacity_below_accepted': { 'zh-CN': '已有 {accepted} 人接受邀请，名额不能少于此数', en: '{accepted} have accepted: the capacity cannot be lower' },
  'activity.already_checked_in': { 'zh-CN': '该会员已签到', en: 'This member has already checked in' },
  'activity.not_checked_in': { 'zh-CN': '只有已签到的会员才能填写活动意见', en: 'Only members who came can give an opinion' },
  'activity.declined': { 'zh-CN': '该会员已婉拒邀请，请先改为接受', en: 'This member declined; change the answer to accepted first' },
  'activity.not_started': { 'zh-CN': '活动尚未开始，活动结束后再收集意见', en: 'The activity has not started yet; collect opinions afterwards' },
  'activity.unchanged': { 'zh-CN': '邀请已是该状态', en: 'The invitation already has that answer' },
  'activity.no_invitees': { 'zh-CN': '没有符合条件的客户（已邀请的不会重复邀请）', en: 'No matching customers (those already invited are not invited again)' },
  'activity.v.capacity': { 'zh-CN': '名额须为 1 至 10000 的整数', en: 'Places: a whole number from 1 to 10,000' },
  'activity.v.time_order': { 'zh-CN': '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'activity.v.invitees': { 'zh-CN': '请选择客户，或按等级、标签筛选', en: 'Choose customers, or a tier or tag' },
  'activity.v.rating': { 'zh-CN': '评分为 1 至 5 星', en: 'The rating is 1 to 5 stars' },
} satisfies Record<string, MessageEntry>;
