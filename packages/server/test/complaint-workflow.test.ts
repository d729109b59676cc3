import { COMPLAINT_STEPS, COMPLAINT_TRANSITIONS, allowedComplaintActions, allowedSteps, type ComplaintStep, type WorkflowFacts } from '@kefu/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/lib/context';
import { bodyFor, buildComplaint, complaintIn, notificationsOf, step, type Case } from './complaint-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** Each place a case can be in, the way to get there, and the facts the transitions table decides on. */
const SCENARIOS: { name: string; path: string[]; facts: WorkflowFacts }[] = [
  { name: 'registered', path: [], facts: { state: 'registered', needsApproval: false, paused: false, reopenable: false } },
  { name: 'registered, paused', path: ['pause'], facts: { state: 'registered', needsApproval: false, paused: true, reopenable: false } },
  { name: 'acknowledged', path: ['acknowledge'], facts: { state: 'acknowledged', needsApproval: false, paused: false, reopenable: false } },
  { name: 'verified', path: ['acknowledge', 'verify'], facts: { state: 'verified', needsApproval: false, paused: false, reopenable: false } },
  {
    name: 'proposed under the threshold',
    path: ['acknowledge', 'verify', 'propose'],
    facts: { state: 'proposed', needsApproval: false, paused: false, reopenable: false },
  },
  {
    name: 'proposed above the threshold',
    path: ['acknowledge', 'verify', 'proposeBig'],
    facts: { state: 'proposed', needsApproval: true, paused: false, reopenable: false },
  },
  {
    name: 'approved',
    path: ['acknowledge', 'verify', 'proposeBig', 'approve'],
    facts: { state: 'approved', needsApproval: true, paused: false, reopenable: false },
  },
  {
    name: 'resolved',
    path: ['acknowledge', 'verify', 'propose', 'resolve'],
    facts: { state: 'resolved', needsApproval: false, paused: false, reopenable: false },
  },
  {
    name: 'resolved, paused',
    path: ['acknowledge', 'verify', 'propose', 'resolve', 'pause'],
    facts: { state: 'resolved', needsApproval: false, paused: true, reopenable: false },
  },
  {
    name: 'feedback',
    path: ['acknowledge', 'verify', 'propose', 'resolve', 'feedback'],
    facts: { state: 'feedback', needsApproval: false, paused: false, reopenable: false },
  },
  {
    name: 'closed',
    path: ['acknowledge', 'verify', 'propose', 'resolve', 'feedback', 'close'],
    facts: { state: 'closed', needsApproval: false, paused: false, reopenable: true },
  },
];

/** Who may take a step at all: approve and reject need complaint:approve, the rest complaint:handle. */
const ROLES = ['complaints', 'manager', 'supervisor', 'agent', 'handler'] as const;
const MAY: Record<(typeof ROLES)[number], (s: ComplaintStep) => boolean> = {
  complaints: (s) => s !== 'approve' && s !== 'reject',
  supervisor: (s) => s !== 'approve' && s !== 'reject',
  manager: () => true,
  agent: () => false,
  handler: () => false,
};

describeEachDb('complaint workflow', (env) => {
  let officer: Client;
  let manager: Client;
  const clients = {} as Record<(typeof ROLES)[number], Client>;

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    manager = await userClient(env(), ['manager'], '王经理');
    clients.complaints = officer;
    clients.manager = manager;
    clients.supervisor = await userClient(env(), ['supervisor'], '李主管');
    clients.agent = await userClient(env(), ['agent'], '张晓燕');
    clients.handler = await userClient(env(), ['handler'], '周前台');
  });

  /** A case in the scenario's place, registered by the agent (so that the agent is in its scope). */
  async function caseAt(path: string[]): Promise<Case> {
    const created = await clients.agent.post('/api/v1/complaints', buildComplaint());
    let c: Case = created.body;
    for (const action of path) c = await step(action === 'approve' ? manager : officer, c, action, { officerId: officer.userId });
    return c;
  }

  describe('every step from every place, per role (table: COMPLAINT_TRANSITIONS)', () => {
    for (const sc of SCENARIOS) {
      it(`${sc.name}: allowed steps move the case, the others are refused with what is allowed`, async () => {
        const allowed = allowedSteps(sc.facts);
        const base = await caseAt(sc.path);
        for (const role of ROLES) {
          const who = clients[role];
          for (const s of COMPLAINT_STEPS) {
            const { path, body } = bodyFor(s, base, { officerId: officer.userId });
            if (!MAY[role](s)) {
              const res = await who.post(`/api/v1/complaints/${base.id}/${path}`, body);
              expect(res.status, `${role} ${s}`).toBe(403);
              continue;
            }
            if (!allowed.includes(s)) {
              const res = await who.post(`/api/v1/complaints/${base.id}/${path}`, body);
              expect(res.status, `${role} ${s} from ${sc.name}`).toBe(409);
              expect(res.body.code).toBe('complaint.invalid_transition');
              // the allowed list is what THIS reader may do now, from the one table
              expect(res.body.allowed).toEqual(
                allowedComplaintActions(sc.facts).filter((a) => (a === 'approve' || a === 'reject' ? role === 'manager' : true)),
              );
              continue;
            }
            // an allowed step: on a fresh case in the same place, it moves to the table's state
            const fresh = await caseAt(sc.path);
            const moved = await who.post(`/api/v1/complaints/${fresh.id}/${path}`, bodyFor(s, fresh, { officerId: officer.userId }).body);
            expect(moved.status, `${role} ${s} from ${sc.name}: ${moved.text}`).toBe(200);
            expect(moved.body.state).toBe(COMPLAINT_TRANSITIONS[s].to);
            expect(moved.body.version).toBe(fresh.version + 1);
          }
        }
        // nothing refused changed anything
        const after = await officer.get(`/api/v1/complaints/${base.id}`);
        expect(after.body).toMatchObject({ state: base.state, version: base.version });
        expect(after.body.actions).toEqual(allowedComplaintActions(sc.facts).filter((a) => a !== 'approve' && a !== 'reject'));
        expect((await manager.get(`/api/v1/complaints/${base.id}`)).body.actions).toEqual(allowedComplaintActions(sc.facts));
      });
    }
  });

  it('says in the reader’s language which state the case is in and what may be done', async () => {
    const c = await caseAt(['acknowledge']);
    const zh = await officer.post(`/api/v1/complaints/${c.id}/close`, { version: c.version });
    expect(zh.body.title).toBe('客诉当前为“已受理”，不能执行此操作；当前可执行：情况核实、等待客户回复、转交部门、指派处理人、记录对客户的承诺');
    const en = await officer.post(`/api/v1/complaints/${c.id}/close`, { version: c.version }, { 'accept-language': 'en' });
    expect(en.body.title).toBe(
      'The complaint is “Acknowledged”: not allowed now; allowed: Verify, Wait for customer, Transfer to department, Assign, Record a promise',
    );
  });

  it('approval is needed above the threshold only; never by the one who proposed', async () => {
    const small = await caseAt(['acknowledge', 'verify']);
    const atThreshold = await step(officer, small, 'propose', { officerId: officer.userId });
    const under = await officer.post(`/api/v1/complaints/${small.id}/reject`, { version: atThreshold.version, reason: 'x' });
    expect(under.status).toBe(403);
    const exactly = await caseAt(['acknowledge', 'verify']);
    const p = await officer.post(`/api/v1/complaints/${exactly.id}/propose`, {
      version: exactly.version,
      proposal: '退 500 元',
      responsibleId: officer.userId,
      compensationFen: 50_000,
    });
    expect(p.body.proposal).toMatchObject({ compensationFen: 50_000, needsApproval: false });
    expect(p.body.actions).toContain('resolve');
    const above = await caseAt(['acknowledge', 'verify']);
    const big = await officer.post(`/api/v1/complaints/${above.id}/propose`, {
      version: above.version,
      proposal: '退 500.01 元',
      responsibleId: officer.userId,
      compensationFen: 50_001,
    });
    expect(big.body.proposal).toMatchObject({ needsApproval: true });
    expect(big.body.actions).not.toContain('resolve');
    const resolveEarly = await officer.post(`/api/v1/complaints/${above.id}/resolve`, { version: big.body.version, handlerId: officer.userId, result: 'x' });
    expect(resolveEarly.status).toBe(409);
    // the managers are told; the approval list shows it
    const told = await notificationsOf(env(), manager.userId, 'complaint.approval_needed');
    expect(told.at(-1)?.params).toMatchObject({ number: big.body.number, amount: '500.01', by: '赵客诉' });
    const approvals = await manager.get('/api/v1/complaints?view=approvals&limit=200');
    expect(approvals.body.items.map((i: { id: string }) => i.id)).toContain(above.id);
    expect((await officer.get('/api/v1/complaints?view=approvals')).status).toBe(403);
    // a manager's own proposal needs another approver
    const own = await caseAt(['acknowledge', 'verify']);
    const mine = await manager.post(`/api/v1/complaints/${own.id}/propose`, {
      version: own.version,
      proposal: '赔偿 1000 元',
      responsibleId: manager.userId,
      compensationFen: 100_000,
    });
    expect(mine.body.actions).not.toContain('approve');
    const self = await manager.post(`/api/v1/complaints/${own.id}/approve`, { version: mine.body.version });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('complaint.own_proposal');
    // rejected: back to verified, a new proposal needs a new approval
    const rejected = await manager.post(`/api/v1/complaints/${above.id}/reject`, { version: big.body.version, reason: '金额过高' });
    expect(rejected.body).toMatchObject({ state: 'verified', proposal: { needsApproval: false } });
    expect((await notificationsOf(env(), officer.userId, 'complaint.rejected')).at(-1)?.params).toMatchObject({ reason: '金额过高', by: '王经理' });
    const approved = await step(manager, await step(officer, rejected.body, 'proposeBig', { officerId: officer.userId }), 'approve', {
      officerId: officer.userId,
    });
    expect(approved).toMatchObject({ state: 'approved', approval: { approver: { id: manager.userId, name: '王经理' }, note: '同意' } });
  });

  it('two people moving the same case at once: one wins, the other gets 409, the record stays consistent', async () => {
    for (const [a, b] of [
      ['acknowledge', 'acknowledge'],
      ['acknowledge', 'pause'],
      ['assign', 'transfer'],
    ] as const) {
      const c = await caseAt([]);
      const other = clients.supervisor;
      const dept = await env().app.services.users.createDepartment(systemCtx(), '工程维修');
      const send = (who: Client, action: string) =>
        action === 'transfer'
          ? who.post(`/api/v1/complaints/${c.id}/transfers`, {
              version: c.version,
              departmentId: dept.id,
              request: '请检修淋浴',
              dueAt: '2026-10-09T16:00:00+08:00',
            })
          : who.post(
              `/api/v1/complaints/${c.id}/${bodyFor(action, c, { officerId: officer.userId }).path}`,
              bodyFor(action, c, { officerId: officer.userId }).body,
            );
      const results = await Promise.all([send(officer, a), send(other, b)]);
      // a transfer answers 201 (it creates the transfer)
      const statuses = results.map((r) => (r.status === 201 ? 200 : r.status)).sort();
      expect(statuses, `${a} vs ${b}`).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.code).toBe('complaint.version_conflict');
      const after = (await officer.get(`/api/v1/complaints/${c.id}`)).body;
      expect(after.version).toBe(c.version + 1);
      const steps = (await officer.get(`/api/v1/complaints/${c.id}/steps`)).body;
      expect(steps.length).toBe(2);
      const audit = await env().handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute();
      expect(audit.length).toBe(2);
      const transfers = await env().handle.db.selectFrom('complaint_transfers').select('id').where('complaint_id', '=', c.id).execute();
      expect(transfers.length).toBe(steps[1].action === 'transfer' ? 1 : 0);
    }
  });

  it('a stale version is 409 and nothing changes', async () => {
    const c = await caseAt(['acknowledge']);
    const res = await officer.post(`/api/v1/complaints/${c.id}/verify`, { version: c.version - 1, investigatorId: officer.userId, findings: 'x' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'complaint.version_conflict', title: '该客诉刚被他人处理过，请刷新后再操作' });
    expect((await officer.get(`/api/v1/complaints/${c.id}`)).body).toMatchObject({ state: 'acknowledged', version: c.version, verification: null });
  });

  it('unsatisfied feedback goes back to handling with the callback promised on record', async () => {
    const c = await caseAt(['acknowledge', 'verify', 'propose', 'resolve']);
    const past = await officer.post(`/api/v1/complaints/${c.id}/feedback`, {
      version: c.version,
      satisfactionResult: 'fair',
      satisfactionSpeed: 'unsatisfied',
      callbackAt: '2026-10-09T09:00:00+08:00',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ path: 'callbackAt', message: '时间必须晚于现在' }]);
    const res = await officer.post(`/api/v1/complaints/${c.id}/feedback`, {
      version: c.version,
      satisfactionResult: 'fair',
      satisfactionSpeed: 'unsatisfied',
      suggestion: '处理太慢',
      callbackAt: '2026-10-09T15:00:00+08:00',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'verified',
      feedback: { satisfactionResult: 'fair', satisfactionSpeed: 'unsatisfied', suggestion: '处理太慢' },
      openPromises: 1,
    });
    const promises = await officer.get(`/api/v1/complaint-promises?complaintId=${c.id}`);
    expect(promises.body.items).toEqual([
      expect.objectContaining({ dueAt: '2026-10-09T07:00:00.000Z', owner: { id: officer.userId, name: '赵客诉' }, keptAt: null, overdue: false }),
    ]);
    // handled again: a new proposal, a new result, satisfied this time; the SLA stays the first resolution's
    let again = await step(officer, res.body, 'propose', { officerId: officer.userId });
    again = await step(officer, again, 'resolve', { officerId: officer.userId });
    expect(again.sla.resolvedAt).toBe(c.sla.resolvedAt);
    again = await step(officer, again, 'feedback', { officerId: officer.userId });
    expect(again.state).toBe('feedback');
  });

  it('closing sets the follow-ups (right away and a month later); reopening only within the window', async () => {
    const c = await caseAt(['acknowledge', 'verify', 'propose', 'resolve', 'feedback']);
    const closed = await step(officer, c, 'close', { officerId: officer.userId });
    expect(closed).toMatchObject({ state: 'closed', closedAt: '2026-10-09T02:00:00.000Z', actions: ['reopen'], sla: { status: 'met' } });
    const followUps = await officer.get(`/api/v1/complaints/${c.id}/follow-ups`);
    expect(followUps.body).toEqual([
      expect.objectContaining({ kind: 'after_close', days: 0, dueDate: '2026-10-09', doneAt: null }),
      expect.objectContaining({ kind: 'one_month', days: 30, dueDate: '2026-11-08', doneAt: null }),
    ]);
    const done = await officer.post(`/api/v1/complaint-follow-ups/${followUps.body[0].id}/done`, { note: '客户表示满意' });
    expect(done.body).toMatchObject({ doneBy: { id: officer.userId, name: '赵客诉' }, note: '客户表示满意' });
    expect((await officer.post(`/api/v1/complaint-follow-ups/${followUps.body[0].id}/done`, {})).status).toBe(409);
    expect((await clients.agent.post(`/api/v1/complaint-follow-ups/${followUps.body[1].id}/done`, {})).status).toBe(403);
    // 30 days later it may still be reopened; the pending one-month follow-up goes with the old closing
    env().clock.set('2026-11-08T01:59:00Z');
    try {
      const late = await userClient(env(), ['complaints'], '钱客诉');
      const reopened = await late.post(`/api/v1/complaints/${c.id}/reopen`, { version: closed.version, reason: '客户再次来电投诉' });
      expect(reopened.body).toMatchObject({ state: 'verified', reopenCount: 1, closedAt: null });
      expect((await late.get(`/api/v1/complaints/${c.id}/follow-ups`)).body.map((f: { kind: string }) => f.kind)).toEqual(['after_close']);
      let again = reopened.body as Case;
      for (const a of ['propose', 'resolve', 'feedback', 'close']) again = await step(late, again, a, { officerId: late.userId });
      env().clock.set('2026-12-08T02:00:01Z');
      const fresh = await userClient(env(), ['complaints'], '孙客诉');
      const expired = await fresh.post(`/api/v1/complaints/${c.id}/reopen`, { version: again.version, reason: '又来电' });
      expect(expired.status).toBe(409);
      expect(expired.body).toMatchObject({ code: 'complaint.reopen_expired', title: '结案已超过 30 天，不能重新打开' });
      expect((await fresh.get(`/api/v1/complaints/${c.id}`)).body.actions).toEqual([]);
    } finally {
      env().clock.set('2026-10-09T02:00:00Z');
    }
  });

  it('assigning needs someone who handles complaints, and tells them', async () => {
    const c = await caseAt([]);
    const wrong = await officer.post(`/api/v1/complaints/${c.id}/assign`, { version: c.version, assigneeId: clients.agent.userId });
    expect(wrong.body.errors).toEqual([{ path: 'assigneeId', message: '所选人员没有处理客诉的权限' }]);
    const res = await manager.post(`/api/v1/complaints/${c.id}/assign`, { version: c.version, assigneeId: clients.supervisor.userId });
    expect(res.body.assignee).toEqual({ id: clients.supervisor.userId, name: '李主管' });
    const told = await notificationsOf(env(), clients.supervisor.userId, 'complaint.assigned');
    expect(told.at(-1)).toMatchObject({ link: `/complaints/${c.id}`, params: { number: c.number, by: '王经理' } });
    // whoever acknowledges an unassigned case takes it
    const open = await caseAt([]);
    expect((await step(officer, open, 'acknowledge', { officerId: officer.userId })).assignee).toEqual({ id: officer.userId, name: '赵客诉' });
  });

  it('the case registered in any state reads the same whole (complaintIn)', async () => {
    const c = await complaintIn('approved', officer, manager);
    expect(c).toMatchObject({ state: 'approved', proposal: { compensationFen: 80_000, needsApproval: true }, approval: { approver: { name: '王经理' } } });
  });
});
