import { describe, expect, it } from 'vitest';
import { timelineSummary } from '../src/timeline';

/** The complaint steps on a customer's timeline (kinds written by the server's complaints module), in both languages. */
const N = 'KS20261009-0001';
const CASES: [string, Record<string, unknown>, string, string][] = [
  [
    'complaint.registered',
    { category: 'billing_refund', channel: 'hotline' },
    `登记客诉 ${N}（收费/退费，热线电话）`,
    `Complaint ${N} registered (Billing and refunds, Hotline)`,
  ],
  ['complaint.acknowledged', { late: false }, `客诉 ${N} 已受理，已答复客户`, `Complaint ${N} acknowledged, the customer answered`],
  [
    'complaint.acknowledged',
    { late: true },
    `客诉 ${N} 已受理，已答复客户（超过首次响应时限）`,
    `Complaint ${N} acknowledged, the customer answered (after the response deadline)`,
  ],
  ['complaint.verified', {}, `客诉 ${N} 情况已核实`, `Complaint ${N}: facts verified`],
  ['complaint.proposed', { compensationFen: 0, needsApproval: false }, `客诉 ${N} 提出处理意见`, `Complaint ${N}: proposal made`],
  [
    'complaint.proposed',
    { compensationFen: 80_050, needsApproval: true },
    `客诉 ${N} 提出处理意见，补偿 800.50 元，待批准`,
    `Complaint ${N}: proposal made, compensation ¥800.50, waiting for approval`,
  ],
  ['complaint.approved', {}, `客诉 ${N} 处理意见已批准`, `Complaint ${N}: proposal approved`],
  ['complaint.rejected', {}, `客诉 ${N} 处理意见被驳回`, `Complaint ${N}: proposal rejected`],
  ['complaint.resolved', { late: true }, `客诉 ${N} 已处理（超过解决时限）`, `Complaint ${N} resolved (after the resolution deadline)`],
  [
    'complaint.feedback',
    { satisfactionResult: 'fair', satisfactionSpeed: 'unsatisfied', unsatisfied: true },
    `客诉 ${N} 客户反馈：处理结果基本满意，处理速度不满意；继续处理并约定回电`,
    `Complaint ${N} feedback: result fairly satisfied, speed unsatisfied; handling continues, callback promised`,
  ],
  ['complaint.closed', {}, `客诉 ${N} 已结案`, `Complaint ${N} closed`],
  ['complaint.reopened', {}, `客诉 ${N} 重新打开`, `Complaint ${N} reopened`],
  ['complaint.paused', {}, `客诉 ${N} 等待客户回复（时限暂停）`, `Complaint ${N} waits for the customer (deadlines paused)`],
  ['complaint.resumed', {}, `客诉 ${N} 客户已回复，继续处理`, `Complaint ${N}: the customer replied, handling resumed`],
  ['complaint.transferred', { department: '前台' }, `客诉 ${N} 转交前台`, `Complaint ${N} transferred to 前台`],
  ['complaint.transfer_answered', { department: '前台' }, `客诉 ${N} 前台已答复`, `Complaint ${N}: 前台 answered`],
  ['complaint.promised', { dueAt: '2026-10-09T02:30:00.000Z' }, `客诉 ${N} 记录了对客户的承诺`, `Complaint ${N}: a promise to the customer recorded`],
  ['complaint.promise_kept', { late: true }, `客诉 ${N} 对客户的承诺已兑现（逾期）`, `Complaint ${N}: promise kept (late)`],
  ['complaint.follow_up_done', { kind: 'one_month' }, `客诉 ${N} 一个月回访已完成`, `Complaint ${N}: one-month follow-up done`],
];

describe('complaint steps on the timeline', () => {
  for (const [kind, data, zh, en] of CASES) {
    it(`${kind} ${JSON.stringify(data)}`, () => {
      expect(timelineSummary(kind, { number: N, ...data }, 'zh-CN')).toBe(zh);
      expect(timelineSummary(kind, { number: N, ...data }, 'en')).toBe(en);
    });
  }
  it('an unknown complaint kind reads as its kind, never as an empty line', () => {
    expect(timelineSummary('complaint.something_new', { number: N }, 'zh-CN')).toBe('complaint.something_new');
  });
});
