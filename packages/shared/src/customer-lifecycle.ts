/**
 * The customer lifecycle of seed 001 (开户、购销、销户全过程): one transitions table.
 * prospect (潜在) -> active (在册) -> dormant (沉睡) -> lost (流失) -> closed (销户).
 */
export const LIFECYCLE_STATES = ['prospect', 'active', 'dormant', 'lost', 'closed'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export const LIFECYCLE_ACTIONS = ['activate', 'markDormant', 'markLost', 'recall', 'close', 'reopen'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const LIFECYCLE_TRANSITIONS: Record<LifecycleAction, { from: LifecycleState[]; to: LifecycleState }> = {
  activate: { from: ['prospect'], to: 'active' },
  markDormant: { from: ['active'], to: 'dormant' },
  markLost: { from: ['active', 'dormant'], to: 'lost' },
  recall: { from: ['dormant', 'lost'], to: 'active' },
  close: { from: ['prospect', 'active', 'dormant', 'lost'], to: 'closed' },
  reopen: { from: ['closed'], to: 'active' },
};

export const LIFECYCLE_LABELS: Record<LifecycleState, { 'zh-CN': string; en: string }> = {
  prospect: { 'zh-CN': '潜在', en: 'Prospect' },
  active: { 'zh-CN': '在册', en: 'Active' },
  dormant: { 'zh-CN': '沉睡', en: 'Dormant' },
  lost: { 'zh-CN': '流失', en: 'Lost' },
  closed: { 'zh-CN': '销户', en: 'Closed' },
};

export const LIFECYCLE_ACTION_LABELS: Record<LifecycleAction, { 'zh-CN': string; en: string }> = {
  activate: { 'zh-CN': '转为在册', en: 'Activate' },
  markDormant: { 'zh-CN': '标记沉睡', en: 'Mark dormant' },
  markLost: { 'zh-CN': '标记流失', en: 'Mark lost' },
  recall: { 'zh-CN': '召回', en: 'Recall' },
  close: { 'zh-CN': '销户', en: 'Close' },
  reopen: { 'zh-CN': '重新开户', en: 'Reopen' },
};

export function allowedLifecycleActions(state: LifecycleState): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((a) => LIFECYCLE_TRANSITIONS[a].from.includes(state));
}

export type TransitionResult = { ok: true; to: LifecycleState } | { ok: false; allowed: LifecycleAction[] };

export function lifecycleTransition(state: LifecycleState, action: LifecycleAction): TransitionResult {
  const t = LIFECYCLE_TRANSITIONS[action];
  if (t.from.includes(state)) return { ok: true, to: t.to };
  return { ok: false, allowed: allowedLifecycleActions(state) };
}
