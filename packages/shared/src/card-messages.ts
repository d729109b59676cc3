import type { MessageEntry } from './message-entry';
import { MEMBER_EXTRAS_MESSAGES } from './member-extras-messages';

/** Messages of the member cards (会籍) area, zh-CN first. */
export const CARD_MESSAGES = {
  'v.card_amount': {
    'zh-CN': '数额须为 1 至 100,000,000 的整数（储值卡以分计）',
    en: 'The amount is a whole number from 1 to 100,000,000 (fen for stored-value cards)',
  },
  'v.card_adjustment': { 'zh-CN': '调整数额须为非零整数（可为负数）', en: 'An adjustment is a non-zero whole number (it may be negative)' },
  'v.card_type_code': { 'zh-CN': '代码为 2-32 位小写字母、数字、横线或下划线', en: 'Code: 2-32 lowercase letters, digits, dashes or underscores' },
  'v.card_prefix': { 'zh-CN': '卡号前缀为 2-4 个大写字母（例如 HY）', en: 'Card number prefix: 2-4 capital letters (e.g. HY)' },
  'v.card_type': { 'zh-CN': '请选择卡类型', en: 'Choose a card type' },
  'v.card': { 'zh-CN': '请选择会员卡', en: 'Choose a card' },
  'card.not_found': { 'zh-CN': '会员卡不存在', en: 'Card not found' },
  'card.type_not_found': { 'zh-CN': '卡类型不存在', en: 'Card type not found' },
  'card.type_inactive': { 'zh-CN': '该卡类型已停用，不能开卡', en: 'This card type is no longer issued' },
  'card.type_code_taken': { 'zh-CN': '卡类型代码或前缀已被使用', en: 'That card type code or prefix is already used' },
  'card.type_version_conflict': { 'zh-CN': '该卡类型刚被他人修改，请刷新后再保存', en: 'Someone else has just changed this card type; reload and save again' },
  'card.insufficient_balance': { 'zh-CN': '余额不足：当前余额 {balance}，本次需要 {amount}', en: 'Insufficient balance: {balance} left, {amount} needed' },
  'card.refund_not_allowed': { 'zh-CN': '本部门执行“不退费”原则，不能办理退费', en: 'Refunds are not allowed by the department’s policy (不退费)' },
  'card.entry_not_allowed': { 'zh-CN': '此类卡不能办理该业务', en: 'This kind of card does not take that movement' },
  'card.inactive': { 'zh-CN': '会员卡已冻结或注销，不能办理', en: 'The card is frozen or closed' },
  'card.expired': { 'zh-CN': '会员卡已于 {date} 过期', en: 'The card expired on {date}' },
  'card.transfer_type_mismatch': { 'zh-CN': '只能在同一类型的卡之间转账', en: 'Transfers go only between cards of the same type' },
  'card.transfer_same_card': { 'zh-CN': '不能转给同一张卡', en: 'A card cannot transfer to itself' },
  'card.not_reversible': { 'zh-CN': '冲正和转账记录不能再冲正', en: 'Reversals and transfers cannot be reversed' },
  'card.already_reversed': { 'zh-CN': '该记录已经冲正过', en: 'This entry has already been reversed' },
  'card.entry_not_found': { 'zh-CN': '流水记录不存在', en: 'Entry not found' },
  'card.adjustment_not_found': { 'zh-CN': '调整申请不存在', en: 'Adjustment request not found' },
  'card.adjustment_decided': { 'zh-CN': '该调整申请已处理', en: 'This adjustment has already been decided' },
  'card.adjustment_self_approval': { 'zh-CN': '调整须由申请人以外的另一人审批', en: 'An adjustment must be approved by someone other than the requester' },
  'card.status_unchanged': { 'zh-CN': '会员卡已是该状态', en: 'The card already has that status' },
  'card.closed_final': { 'zh-CN': '会员卡已注销，不能再变更', en: 'The card is closed for good' },
  'card.close_with_balance': {
    'zh-CN': '卡内还有余额，不能注销；请先转到同类型的另一张卡',
    en: 'The card still has a balance: transfer it to another card of the type before closing',
  },
  'card.version_conflict': { 'zh-CN': '该会员卡刚被他人修改，请刷新后再操作', en: 'Someone else has just changed this card; reload and try again' },
  'card.held_by_bookings': {
    'zh-CN': '卡内有 {held} 已被预约占用（余额 {balance}），不能动用；请先取消相应预约',
    en: '{held} on this card is held by bookings (balance {balance}); cancel those bookings first',
  },
  'card.booking_other_customer': { 'zh-CN': '这张卡不属于预约的客户', en: 'This card does not belong to the booking’s customer' },
  'card.booking_not_lessons': { 'zh-CN': '预约只能记在课时卡上', en: 'A booking is charged to a lesson package only' },
  'card.expires_before_booking': { 'zh-CN': '会员卡 {number} 将于 {date} 到期，早于上课时间', en: 'Card {number} expires on {date}, before the lesson' },
  'card.insufficient_lessons': {
    'zh-CN': '课时不足：会员卡 {number} 可用课时 {available}（已扣除其他预约占用），请先续卡',
    en: 'Not enough lessons: card {number} has {available} available (after other bookings); renew it first',
  },
  'idempotency.key_required': {
    'zh-CN': '此操作须带 Idempotency-Key 请求头（防止重复扣费）',
    en: 'This request needs an Idempotency-Key header (so a retry never charges twice)',
  },
  // referrals and member activities ride on this catalog (messages.ts spreads CARD_MESSAGES)
  ...MEMBER_EXTRAS_MESSAGES,
  'idempotency.key_reused': { 'zh-CN': '该 Idempotency-Key 已用于另一个不同的请求', en: 'This Idempotency-Key was already used for a different request' },
} satisfies Record<string, MessageEntry>;
