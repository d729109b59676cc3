import { afterEach, beforeAll, expect, it } from 'vitest';
import { buildComplaint, departmentWithHandler, notificationsOf, step, type Case } from './complaint-fixtures';
import { buildCustomer, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/**
 * Transfers (seed 001 客诉专员 "转交相关部门…要做到跟进和督促") and promises (seed 004 原则 1
 * "承诺必须兑现").
 */
describeEachDb('complaint transfers and promises', (env) => {
  let officer: Client;
  let manager: Client;
  let agent: Client;
  let front: { department: { id: string; name: string }; handler: Client };
  let kitchen: { department: { id: string; name: string }; handler: Client };

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    front = await departmentWithHandler(env(), '前台', '周前台');
    kitchen = await departmentWithHandler(env(), '餐厅', '吴餐厅');
  });
  afterEach(() => env().clock.set('2026-10-09T02:00:00Z'));

  const sweep = (iso: string) => env().app.services.complaints.sweep(new Date(iso));
  const at = async (iso: string, who: Client) => {
    env().clock.set(iso);
    return signIn(env(), who.username);
  };

  async function transferred(dueAt = '2026-10-09T14:00:00+08:00'): Promise<{ c: Case; transfer: any }> {
    const customer = (await officer.post('/api/v1/customers', buildCustomer({ name: '孙丽' }))).body;
    const c: Case = (await officer.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId, customerId: customer.id, complainantName: '孙丽' })))
      .body;
    const res = await officer.post(`/api/v1/complaints/${c.id}/transfers`, {
      version: c.version,
      departmentId: front.department.id,
      request: '请核实当日前台是否拒绝办理停卡',
      dueAt,
    });
    expect(res.status, res.text).toBe(201);
    return { c: (await officer.get(`/api/v1/complaints/${c.id}`)).body, transfer: res.body };
  }

  it("the department's handler sees only what was transferred to them, in a reduced view, and answers in the case", async () => {
    const { c, transfer } = await transferred();
    expect(transfer).toMatchObject({
      complaintId: c.id,
      complaintNumber: c.number,
      department: { id: front.department.id, name: '前台' },
      dueAt: '2026-10-09T06:00:00.000Z',
      createdBy: { id: officer.userId, name: '赵客诉' },
      answer: null,
      overdue: false,
      remindersSent: 0,
    });
    expect(c.openTransfers).toBe(1);
    expect((await notificationsOf(env(), front.handler.userId, 'complaint.transferred')).at(-1)?.params).toEqual({
      number: c.number,
      department: '前台',
      due: '2026-10-09 14:00',
    });

    const inbox = await front.handler.get('/api/v1/complaint-transfers?open=true');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((t: { id: string }) => t.id)).toContain(transfer.id);
    expect((await kitchen.handler.get('/api/v1/complaint-transfers?open=true')).body.items).toEqual([]);

    const view = await front.handler.get(`/api/v1/complaints/${c.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ complainantPhone: '138****5678', phoneMasked: true, customer: null, actions: [] });
    const steps = (await front.handler.get(`/api/v1/complaints/${c.id}/steps`)).body;
    expect(steps.map((s: { action: string }) => s.action)).toEqual(['register', 'transfer']);
    // another department, an agent outside the case: not found; the queue is not theirs at all
    expect((await kitchen.handler.get(`/api/v1/complaints/${c.id}`)).status).toBe(404);
    expect((await agent.get(`/api/v1/complaints/${c.id}`)).status).toBe(404);
    expect((await front.handler.get('/api/v1/complaints')).status).toBe(403);
    expect((await front.handler.post(`/api/v1/complaints/${c.id}/acknowledge`, { version: c.version })).status).toBe(403);

    expect((await kitchen.handler.post(`/api/v1/complaint-transfers/${transfer.id}/answer`, { answer: '不是我们' })).status).toBe(404);
    const answered = await front.handler.post(`/api/v1/complaint-transfers/${transfer.id}/answer`, { answer: '已核实：前台当日系统故障，已向客户致歉' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      answer: '已核实：前台当日系统故障，已向客户致歉',
      answeredBy: { id: front.handler.userId, name: '周前台' },
      answeredAt: '2026-10-09T02:00:00.000Z',
    });
    expect((await front.handler.post(`/api/v1/complaint-transfers/${transfer.id}/answer`, { answer: '再答一次' })).body.code).toBe(
      'complaint.transfer_answered',
    );
    expect((await notificationsOf(env(), officer.userId, 'complaint.transfer_answered')).at(-1)?.params).toMatchObject({
      number: c.number,
      department: '前台',
    });
    const after = (await officer.get(`/api/v1/complaints/${c.id}`)).body;
    expect(after.openTransfers).toBe(0);
    expect((await officer.get(`/api/v1/complaints/${c.id}/transfers`)).body).toEqual([
      expect.objectContaining({ id: transfer.id, answer: expect.any(String) }),
    ]);
    const timeline = (await officer.get(`/api/v1/customers/${c.customer.id}/timeline`)).body.items.map((e: { summary: string }) => e.summary);
    expect(timeline).toEqual(expect.arrayContaining([`客诉 ${c.number} 转交前台`, `客诉 ${c.number} 前台已答复`]));
  });

  it('an overdue transfer reminds the handlers and the assignee once a day until answered', async () => {
    const { c, transfer } = await transferred('2026-10-09T11:00:00+08:00');
    const reminders = async () =>
      (await notificationsOf(env(), front.handler.userId, 'complaint.transfer_overdue')).filter((n) => n.link === `/complaints/${c.id}`);
    await sweep('2026-10-09T02:59:00Z');
    expect(await reminders()).toEqual([]);
    await sweep('2026-10-09T03:01:00Z');
    await Promise.all([sweep('2026-10-09T05:00:00Z'), sweep('2026-10-09T05:00:00Z')]);
    expect((await reminders()).length).toBe(1);
    expect((await notificationsOf(env(), officer.userId, 'complaint.transfer_overdue')).filter((n) => n.link === `/complaints/${c.id}`).length).toBe(1);
    // the department's next day (Saturday 10-10 is worked, and reminders count calendar days anyway)
    await sweep('2026-10-10T01:00:00Z');
    expect((await reminders()).length).toBe(2);
    const me = await at('2026-10-10T01:00:00Z', officer);
    const inbox = (await me.get('/api/v1/complaint-transfers?open=true&limit=200')).body.items.find((t: { id: string }) => t.id === transfer.id);
    expect(inbox).toMatchObject({ overdue: true, remindersSent: 2 });
    const handler = await at('2026-10-10T02:00:00Z', front.handler);
    await handler.post(`/api/v1/complaint-transfers/${transfer.id}/answer`, { answer: '已处理' });
    await sweep('2026-10-11T02:00:00Z');
    expect((await reminders()).length).toBe(2);
    // (the case's own response deadline passed meanwhile: the watch's breach step is on the list too)
    const steps = (await me.get(`/api/v1/complaints/${c.id}/steps`)).body
      .map((s: { action: string }) => s.action)
      .filter((a: string) => a !== 'breach' && a !== 'at_risk');
    expect(steps).toEqual(['register', 'transfer', 'transfer_reminder', 'transfer_reminder', 'transfer_answer']);
  });

  it('an officer may record the answer for the department; a transfer needs a future deadline and a department', async () => {
    const c: Case = (await officer.post('/api/v1/complaints', buildComplaint())).body;
    const past = await officer.post(`/api/v1/complaints/${c.id}/transfers`, {
      version: c.version,
      departmentId: front.department.id,
      request: '请核实',
      dueAt: '2026-10-09T09:00:00+08:00',
    });
    expect(past.body.errors).toEqual([{ path: 'dueAt', message: '时间必须晚于现在' }]);
    const nowhere = await officer.post(`/api/v1/complaints/${c.id}/transfers`, {
      version: c.version,
      departmentId: '00000000-0000-4000-8000-000000000009',
      request: '请核实',
      dueAt: '2026-10-09T15:00:00+08:00',
    });
    expect(nowhere.body.errors).toEqual([{ path: 'departmentId', message: '部门不存在' }]);
    const t = (
      await officer.post(`/api/v1/complaints/${c.id}/transfers`, {
        version: c.version,
        departmentId: kitchen.department.id,
        request: '请核实',
        dueAt: '2026-10-09T15:00:00+08:00',
      })
    ).body;
    const byOfficer = await officer.post(`/api/v1/complaint-transfers/${t.id}/answer`, { answer: '餐厅经理电话答复：已更换厨师' });
    expect(byOfficer.body.answeredBy).toEqual({ id: officer.userId, name: '赵客诉' });
    expect((await agent.post(`/api/v1/complaint-transfers/${t.id}/answer`, { answer: 'x' })).status).toBe(403);
    // the agent's inbox holds only transfers of their own cases
    expect((await agent.get('/api/v1/complaint-transfers')).body.items).toEqual([]);
  });

  it('promises: recorded with their deadline, listed for their owner, flagged and told once when overdue, kept', async () => {
    const c: Case = (await officer.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId }))).body;
    const past = await officer.post(`/api/v1/complaints/${c.id}/promises`, { what: '半小时后回电', dueAt: '2026-10-09T09:00:00+08:00' });
    expect(past.status).toBe(400);
    const res = await officer.post(`/api/v1/complaints/${c.id}/promises`, { what: '半小时后给客户回电话，告知补课时间', dueAt: '2026-10-09T10:30:00+08:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      complaintNumber: c.number,
      what: '半小时后给客户回电话，告知补课时间',
      dueAt: '2026-10-09T02:30:00.000Z',
      owner: { id: officer.userId, name: '赵客诉' },
      keptAt: null,
      overdue: false,
    });
    expect((await officer.get(`/api/v1/complaints/${c.id}`)).body.openPromises).toBe(1);
    const mine = await officer.get('/api/v1/complaint-promises?mine=true&limit=200');
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    expect((await manager.get('/api/v1/complaint-promises?mine=true')).body.items.map((p: { id: string }) => p.id)).not.toContain(res.body.id);
    expect((await agent.get('/api/v1/complaint-promises')).body.items).toEqual([]);

    await sweep('2026-10-09T02:29:00Z');
    await Promise.all([sweep('2026-10-09T02:31:00Z'), sweep('2026-10-09T02:31:00Z')]);
    await sweep('2026-10-09T03:31:00Z');
    const told = (await notificationsOf(env(), officer.userId, 'complaint.promise_overdue')).filter((n) => n.link === `/complaints/${c.id}`);
    expect(told.map((n) => n.params)).toEqual([{ number: c.number, what: '半小时后给客户回电话，告知补课时间', due: '2026-10-09 10:30' }]);
    const me = await at('2026-10-09T02:40:00Z', officer);
    const overdue = await me.get('/api/v1/complaint-promises?mine=true&overdue=true&limit=200');
    expect(overdue.body.items.find((p: { id: string }) => p.id === res.body.id)).toMatchObject({ overdue: true });
    const kept = await me.post(`/api/v1/complaint-promises/${res.body.id}/keep`);
    expect(kept.body).toMatchObject({ keptAt: '2026-10-09T02:40:00.000Z', overdue: false });
    expect((await me.post(`/api/v1/complaint-promises/${res.body.id}/keep`)).body.code).toBe('complaint.promise_kept');
    expect((await me.get('/api/v1/complaint-promises?mine=true&overdue=true&limit=200')).body.items.map((p: { id: string }) => p.id)).not.toContain(
      res.body.id,
    );
    const steps = (await me.get(`/api/v1/complaints/${c.id}/steps`)).body
      .map((s: { action: string }) => s.action)
      .filter((a: string) => a !== 'breach' && a !== 'at_risk');
    expect(steps).toEqual(['register', 'promise', 'promise_overdue', 'promise_kept']);
  });

  it('after the clocks have stopped the queue follows the promised callback', async () => {
    let c: Case = (await officer.post('/api/v1/complaints', buildComplaint({ complainantName: '回电排序' }))).body;
    for (const a of ['acknowledge', 'verify', 'propose', 'resolve']) c = await step(officer, c, a, { officerId: officer.userId });
    const row = () => env().handle.db.selectFrom('complaints').select(['current_due_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect((await row()).current_due_at).toBeNull();
    const back = await officer.post(`/api/v1/complaints/${c.id}/feedback`, {
      version: c.version,
      satisfactionResult: 'unsatisfied',
      satisfactionSpeed: 'fair',
      callbackAt: '2026-10-10T10:00:00+08:00',
    });
    expect(back.body.state).toBe('verified');
    expect((await row()).current_due_at).toEqual(new Date('2026-10-10T02:00:00Z'));
    const p = (await officer.get(`/api/v1/complaint-promises?complaintId=${c.id}`)).body.items[0];
    await officer.post(`/api/v1/complaint-promises/${p.id}/keep`);
    expect((await row()).current_due_at).toBeNull();
  });
});
