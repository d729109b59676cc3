/**
 * The complaint workflow of seed 003 附件二 (客户投诉记录表), in one transitions table:
 * registered (登记) -> acknowledged (受理: the customer has been answered) -> verified (情况核实)
 * -> proposed (处理意见) -> [approved (批准), only when the compensation is above the threshold]
 * -> resolved (处理结果) -> feedback (客户反馈) -> closed (结案).
 * Unsatisfied feedback sends the case back to handling (verified) with a promised callback; a closed
 * case may be reopened within a set number of days (back to handling as well).
 */
export const COMPLAINT_STATES = ['registered', 'acknowledged', 'verified', 'proposed', 'approved', 'resolved', 'feedback', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** Actions that move the case from one state to another. */
export const COMPLAINT_STEPS = ['acknowledge', 'verify', 'propose', 'approve', 'reject', 'resolve', 'recordFeedback', 'close', 'reopen'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Actions on an open case that do not change its state. */
export const COMPLAINT_SIDE_ACTIONS = ['pause', 'resume', 'transfer', 'assign', 'promise'] as const;
export type ComplaintSideAction = (typeof COMPLAINT_SIDE_ACTIONS)[number];

export const COMPLAINT_ACTIONS_ALL = [...COMPLAINT_STEPS, ...COMPLAINT_SIDE_ACTIONS] as const;
export type ComplaintAction = ComplaintStep | ComplaintSideAction;

export const OPEN_COMPLAINT_STATES: readonly ComplaintState[] = COMPLAINT_STATES.filter((s) => s !== 'closed');

/** What the rules need to know about a case. */
export interface WorkflowFacts {
  state: ComplaintState;
  /** the current proposal's compensation is above the manager's threshold */
  needsApproval: boolean;
  /** waiting for the customer (待客户回复): the SLA clocks stand still */
  paused: boolean;
  /** closed and still inside the reopen window */
  reopenable: boolean;
}

interface Transition {
  from: readonly ComplaintState[];
  /** the state after the step; recordFeedback goes back to verified when the customer is unsatisfied */
  to: ComplaintState;
  /** an extra condition beyond the state */
  when?: (f: WorkflowFacts) => boolean;
}

export const COMPLAINT_TRANSITIONS: Record<ComplaintStep, Transition> = {
  acknowledge: { from: ['registered'], to: 'acknowledged' },
  verify: { from: ['acknowledged'], to: 'verified' },
  propose: { from: ['verified'], to: 'proposed' },
  approve: { from: ['proposed'], to: 'approved', when: (f) => f.needsApproval },
  reject: { from: ['proposed'], to: 'verified', when: (f) => f.needsApproval },
  resolve: { from: ['proposed', 'approved'], to: 'resolved', when: (f) => f.state === 'approved' || !f.needsApproval },
  recordFeedback: { from: ['resolved'], to: 'feedback' },
  close: { from: ['feedback'], to: 'closed' },
  reopen: { from: ['closed'], to: 'verified', when: (f) => f.reopenable },
};

/** Steps that move the case forward are not taken while it waits for the customer: resume first. */
const BLOCKED_WHILE_PAUSED = new Set<ComplaintStep>(['acknowledge', 'verify', 'propose', 'resolve', 'close']);

export function allowedSteps(f: WorkflowFacts): ComplaintStep[] {
  return COMPLAINT_STEPS.filter((step) => {
    const t = COMPLAINT_TRANSITIONS[step];
    if (!t.from.includes(f.state)) return false;
    if (t.when && !t.when(f)) return false;
    return !(f.paused && BLOCKED_WHILE_PAUSED.has(step));
  });
}

export function allowedSideActions(f: WorkflowFacts): ComplaintSideAction[] {
  if (f.state === 'closed') return [];
  return COMPLAINT_SIDE_ACTIONS.filter((a) => (a === 'pause' ? !f.paused : a === 'resume' ? f.paused : true));
}

export function allowedComplaintActions(f: WorkflowFacts): ComplaintAction[] {
  return [...allowedSteps(f), ...allowedSideActions(f)];
}

export type StepResult = { ok: true; to: ComplaintState } | { ok: false; allowed: ComplaintAction[] };

/** The state after `step`, or the actions allowed now. Unsatisfied feedback returns to handling. */
export function complaintStep(f: WorkflowFacts, step: ComplaintStep, opts: { unsatisfied?: boolean } = {}): StepResult {
  if (!allowedSteps(f).includes(step)) return { ok: false, allowed: allowedComplaintActions(f) };
  if (step === 'recordFeedback' && opts.unsatisfied) return { ok: true, to: 'verified' };
  return { ok: true, to: COMPLAINT_TRANSITIONS[step].to };
}

export const COMPLAINT_STATE_LABELS: Record<ComplaintState, { 'zh-CN': string; en: string }> = {
  registered: { 'zh-CN': '已登记', en: 'Registered' },
  acknowledged: { 'zh-CN': '已受理', en: 'Acknowledged' },
  verified: { 'zh-CN': '已核实', en: 'Verified' },
  proposed: { 'zh-CN': '已提处理意见', en: 'Proposal made' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  resolved: { 'zh-CN': '已处理', en: 'Resolved' },
  feedback: { 'zh-CN': '已回访反馈', en: 'Feedback recorded' },
  closed: { 'zh-CN': '已结案', en: 'Closed' },
};

export const COMPLAINT_ACTION_LABELS: Record<ComplaintAction, { 'zh-CN': string; en: string }> = {
  acknowledge: { 'zh-CN': '受理（已答复客户）', en: 'Acknowledge' },
  verify: { 'zh-CN': '情况核实', en: 'Verify' },
  propose: { 'zh-CN': '提出处理意见', en: 'Propose' },
  approve: { 'zh-CN': '批准', en: 'Approve' },
  reject: { 'zh-CN': '驳回处理意见', en: 'Reject proposal' },
  resolve: { 'zh-CN': '登记处理结果', en: 'Resolve' },
  recordFeedback: { 'zh-CN': '记录客户反馈', en: 'Record feedback' },
  close: { 'zh-CN': '结案', en: 'Close' },
  reopen: { 'zh-CN': '重新打开', en: 'Reopen' },
  pause: { 'zh-CN': '等待客户回复', en: 'Wait for customer' },
  resume: { 'zh-CN': '客户已回复，继续处理', en: 'Customer replied: resume' },
  transfer: { 'zh-CN': '转交部门', en: 'Transfer to department' },
  assign: { 'zh-CN': '指派处理人', en: 'Assign' },
  promise: { 'zh-CN': '记录对客户的承诺', en: 'Record a promise' },
};

/**
 * Marking a promise kept (承诺已兑现): whoever handles complaints, or the promise's owner (the agent who
 * said "I will call you back"). The server refuses anyone else (403); the screens offer it to no one else.
 */
export function mayKeepPromise(permissions: { has(p: 'complaint:handle'): boolean }, userId: string, ownerId: string | null): boolean {
  return permissions.has('complaint:handle') || (ownerId !== null && ownerId === userId);
}
