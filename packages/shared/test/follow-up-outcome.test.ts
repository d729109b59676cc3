import { describe, expect, it } from 'vitest';
import { applyOutcome, isRecordComplete, rate, type FollowUpOutcomeCode, type TaskFacts } from '../src/follow-up';
import { countKpis, type KpiFact } from '../src/follow-up-kpi';
import { timelineSummary } from '../src/timeline';

const now = new Date('2026-10-09T02:00:00Z');
const later = new Date('2026-10-10T07:00:00Z');
const open = (attempts: number, maxAttempts = 3): TaskFacts => ({ status: 'open', attempts, maxAttempts });

describe('follow-up outcomes (one transitions table)', () => {
  const cases: [string, TaskFacts, FollowUpOutcomeCode, { recordComplete?: boolean; callbackAt?: Date | null }, unknown][] = [
    ['no answer, first try', open(0), 'no_answer', {}, { ok: true, status: 'open', attempts: 1, callback: false }],
    ['busy, second try', open(1), 'busy', {}, { ok: true, status: 'open', attempts: 2, callback: false }],
    ['no answer, the last allowed try', open(2), 'no_answer', {}, { ok: true, status: 'unreachable', attempts: 3, callback: false }],
    ['busy with a limit of 1', open(0, 1), 'busy', {}, { ok: true, status: 'unreachable', attempts: 1, callback: false }],
    ['invalid number at once', open(0, 5), 'invalid_number', {}, { ok: true, status: 'unreachable', attempts: 1, callback: false }],
    ['refused', open(1), 'refused', {}, { ok: true, status: 'refused', attempts: 2, callback: false }],
    ['reached without a record', open(0), 'reached', { recordComplete: false }, { ok: false, code: 'follow_up.record_incomplete', status: 422 }],
    ['reached with a complete record', open(2), 'reached', { recordComplete: true }, { ok: true, status: 'done', attempts: 3, callback: false }],
    ['call back at a later time', open(0), 'call_back', { callbackAt: later }, { ok: true, status: 'rescheduled', attempts: 1, callback: true }],
    ['call back without a time', open(0), 'call_back', { callbackAt: null }, { ok: false, code: 'follow_up.callback_in_past', status: 422 }],
    ['call back now', open(0), 'call_back', { callbackAt: now }, { ok: false, code: 'follow_up.callback_in_past', status: 422 }],
    ['a closed task', { status: 'done', attempts: 1, maxAttempts: 3 }, 'busy', {}, { ok: false, code: 'follow_up.closed', status: 409 }],
    [
      'a rescheduled task',
      { status: 'rescheduled', attempts: 1, maxAttempts: 3 },
      'reached',
      { recordComplete: true },
      { ok: false, code: 'follow_up.closed', status: 409 },
    ],
  ];
  it.each(cases)('%s', (_name, task, outcome, facts, expected) => {
    expect(applyOutcome(task, outcome, { recordComplete: facts.recordComplete ?? false, callbackAt: facts.callbackAt ?? null, now })).toEqual(expected);
  });
});

describe('the record form is complete when', () => {
  const base = { satisfaction: 4, opinions: '满意', hasIssue: false, issuesFound: null };
  it.each([
    ['all answered, no issue', base, true],
    ['no satisfaction', { ...base, satisfaction: null }, false],
    ['blank opinions', { ...base, opinions: '  ' }, false],
    ['an issue ticked but not described', { ...base, hasIssue: true }, false],
    ['an issue described', { ...base, hasIssue: true, issuesFound: '淋浴没有热水' }, true],
    ['satisfaction out of range', { ...base, satisfaction: 6 }, false],
  ])('%s', (_n, r, expected) => expect(isRecordComplete(r)).toBe(expected));
});

describe('KPI counting', () => {
  const fact = (o: Partial<KpiFact>): KpiFact => ({
    taskId: 't',
    agentId: 'a',
    agentName: 'A',
    rule: null,
    campaignId: null,
    campaignName: null,
    status: 'open',
    reached: false,
    complete: null,
    checkOk: null,
    invited: null,
    ...o,
  });
  it('counts a task once per rule but once per agent for each agent who worked it; rescheduled tasks are left out', () => {
    const facts = [
      fact({ taskId: '1', agentId: 'a', status: 'done', reached: false, complete: true, rule: 'r', invited: true }),
      fact({ taskId: '1', agentId: 'b', status: 'done', reached: true, complete: true, rule: 'r', invited: true }),
      fact({ taskId: '2', agentId: 'a', status: 'rescheduled', rule: 'r' }),
      fact({ taskId: '3', agentId: 'a', status: 'done', reached: true, complete: true, checkOk: false, rule: 'r', invited: false }),
    ];
    const byAgent = countKpis(facts, 'agent');
    expect(byAgent.groups.get('a')).toEqual({ attempted: 2, reached: 1, compliant: 0, invitationAsked: 1, invited: 0 });
    expect(byAgent.groups.get('b')).toEqual({ attempted: 1, reached: 1, compliant: 1, invitationAsked: 1, invited: 1 });
    expect(countKpis(facts, 'rule').groups.get('r')).toEqual({ attempted: 2, reached: 2, compliant: 1, invitationAsked: 2, invited: 1 });
    expect(byAgent.total).toEqual({ attempted: 2, reached: 2, compliant: 1, invitationAsked: 2, invited: 1 });
  });
  it('a rate with nothing to divide by is null, not 0', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
  });
});

describe('the follow-up line on the timeline', () => {
  it('reads the reason in the reader’s language and the agreed time as written', () => {
    const data = { outcome: 'call_back', attempt: 2, reason: 'follow_up.reason.manual', reasonParams: { text: '续卡回访' }, callbackLocal: '2026-10-10 15:00' };
    expect(timelineSummary('follow_up.attempt', data, 'zh-CN')).toBe('回访（第 2 次）：不方便（约时间再回访），约定 2026-10-10 15:00 再联系（续卡回访）');
    expect(timelineSummary('follow_up.attempt', { ...data, outcome: 'no_answer', callbackLocal: undefined }, 'en')).toBe('Follow-up call 2: No answer (续卡回访)');
  });
});
