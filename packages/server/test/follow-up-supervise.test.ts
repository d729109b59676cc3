import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { complaintIn, departmentWithHandler } from './complaint-fixtures';
import { userClient, type Client } from './factories';
import { COMPLETE, customerFor, detail, insertTask, press, record } from './follow-up-fixtures';
import { describeEachDb } from './helpers';

describeEachDb('follow-up supervision', (env) => {
  let manager: Client;
  let supervisor: Client;
  let agent: Client;
  const setup = async () => {
    manager ??= await userClient(env(), ['manager'], '张经理');
    supervisor ??= await userClient(env(), ['supervisor'], '孙主管');
    agent ??= await userClient(env(), ['agent'], '李专员');
  };

  it('distributes open tasks by load: each to whoever has the fewest open tasks', async () => {
    await setup();
    const x = await userClient(env(), ['agent'], '甲专员');
    const y = await userClient(env(), ['agent'], '乙专员');
    const c = await customerFor(manager, null);
    await insertTask(env(), { customerId: c.id, assigneeId: x.userId });
    await insertTask(env(), { customerId: c.id, assigneeId: x.userId });
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await insertTask(env(), { customerId: c.id, assigneeId: null }));
    const res = await supervisor.post('/api/v1/follow-up-tasks/distribute', { taskIds: ids, agentIds: [x.userId, y.userId] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.moved).toBe(4);
    expect(Object.fromEntries(res.body.loads.map((l: { agent: { name: string }; open: number }) => [l.agent.name, l.open]))).toEqual({ 甲专员: 3, 乙专员: 3 });
    // someone who does not do follow-ups is refused, nothing moves
    const bad = await supervisor.post('/api/v1/follow-up-tasks/distribute', {
      taskIds: ids,
      agentIds: [manager.userId, (await userClient(env(), ['handler'])).userId],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ path: 'agentIds' });
  });

  it('lists overdue tasks and the agent’s day in due order, then priority', async () => {
    await setup();
    const c = await customerFor(manager, agent.userId, '钱逾期');
    const late = await insertTask(env(), { customerId: c.id, assigneeId: agent.userId, dueAt: '2026-10-08T01:00:00Z', priority: 3 });
    const urgent = await insertTask(env(), { customerId: c.id, assigneeId: agent.userId, dueAt: '2026-10-09T03:00:00Z', priority: 1 });
    const normal = await insertTask(env(), { customerId: c.id, assigneeId: agent.userId, dueAt: '2026-10-09T03:00:00Z', priority: 2 });
    const tomorrow = await insertTask(env(), { customerId: c.id, assigneeId: agent.userId, dueAt: '2026-10-10T03:00:00Z' });
    const today = (await agent.get(`/api/v1/follow-up-tasks?due=today&customerId=${c.id}`)).body.items.map((t: { id: string }) => t.id);
    expect(today).toEqual([late, urgent, normal]);
    const all = (await agent.get(`/api/v1/follow-up-tasks?customerId=${c.id}&limit=2`)).body;
    expect(all.items.map((t: { id: string }) => t.id)).toEqual([late, urgent]);
    const next = (await agent.get(`/api/v1/follow-up-tasks?customerId=${c.id}&limit=2&cursor=${all.nextCursor}`)).body;
    expect(next.items.map((t: { id: string }) => t.id)).toEqual([normal, tomorrow]);
    const overdue = (await supervisor.get(`/api/v1/follow-up-tasks?overdue=true&customerId=${c.id}`)).body.items;
    expect(overdue.map((t: { id: string; overdue: boolean }) => [t.id, t.overdue])).toEqual([[late, true]]);
  });

  it('spot-checks a record: not ok needs a note, once only', async () => {
    await setup();
    const c = await customerFor(manager, agent.userId);
    const id = await insertTask(env(), { customerId: c.id, assigneeId: agent.userId });
    expect((await supervisor.post(`/api/v1/follow-up-tasks/${id}/check`, { ok: true, version: 1 })).status).toBe(409);
    await record(agent, id);
    await press(agent, id, 'reached');
    const { record: r } = await detail(supervisor, id);
    const noNote = await supervisor.post(`/api/v1/follow-up-tasks/${id}/check`, { ok: false, version: r.version });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0]).toMatchObject({ path: 'note' });
    const res = await supervisor.post(`/api/v1/follow-up-tasks/${id}/check`, { ok: false, note: '未询问保养意向', version: r.version });
    expect(res.status, res.text).toBe(200);
    expect(res.body.record.check).toMatchObject({ ok: false, note: '未询问保养意向', by: { id: supervisor.userId } });
    expect((await supervisor.post(`/api/v1/follow-up-tasks/${id}/check`, { ok: true, version: res.body.record.version })).status).toBe(409);
    expect((await agent.post(`/api/v1/follow-up-tasks/${id}/check`, { ok: true, version: 1 })).status).toBe(403);
  });

  it('makes a task by hand for the customer’s owner, and a campaign of tasks for a filtered set once', async () => {
    await setup();
    const owner = await userClient(env(), ['agent'], '周专员');
    const c1 = await customerFor(manager, owner.userId, '吴一');
    await customerFor(manager, owner.userId, '吴二');
    const made = await supervisor.post('/api/v1/follow-up-tasks', { customerId: c1.id, reason: '续卡意向回访', dueAt: '2026-10-10T10:00:00+08:00' });
    expect(made.status, made.text).toBe(201);
    expect(made.body.task).toMatchObject({ reasonText: '续卡意向回访', assignee: { id: owner.userId }, maxAttempts: 3, status: 'open' });
    const unknown = await supervisor.post('/api/v1/follow-up-tasks', {
      customerId: '00000000-0000-4000-8000-000000000000',
      reason: 'x',
      dueAt: '2026-10-10T10:00:00+08:00',
    });
    expect(unknown.status).toBe(422);
    const g = await supervisor.post('/api/v1/follow-up-campaigns', {
      name: '十月保养提醒',
      purpose: 'maintenance',
      startsOn: '2026-10-01',
      endsOn: '2026-10-31',
    });
    expect(g.status, g.text).toBe(201);
    const body = { filter: { ownerId: owner.userId }, reason: '提醒到店保养', dueAt: '2026-10-12T10:00:00+08:00' };
    const tasks = await supervisor.post(`/api/v1/follow-up-campaigns/${g.body.id}/tasks`, body);
    expect(tasks.body).toEqual({ created: 2, matched: 2 });
    expect((await supervisor.post(`/api/v1/follow-up-campaigns/${g.body.id}/tasks`, body)).body).toEqual({ created: 0, matched: 2 });
    const list = (await owner.get(`/api/v1/follow-up-tasks?campaignId=${g.body.id}`)).body.items;
    expect(list.map((t: { reasonText: string }) => t.reasonText)).toEqual(['十月保养提醒：提醒到店保养', '十月保养提醒：提醒到店保养']);
    expect((await supervisor.get(`/api/v1/follow-up-campaigns/${g.body.id}`)).body).toMatchObject({ tasks: 2, open: 2 });
    const none = await supervisor.post(`/api/v1/follow-up-campaigns/${g.body.id}/tasks`, { ...body, filter: { tag: '不存在的标签' } });
    expect(none.status).toBe(422);
  });

  it('turns an issue found into a complaint in one click, with the customer and the record’s text', async () => {
    await setup();
    const c = await customerFor(manager, agent.userId, '郑投诉');
    const id = await insertTask(env(), { customerId: c.id, assigneeId: agent.userId });
    expect((await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: 1 })).status).toBe(409);
    await record(agent, id, { ...COMPLETE, satisfaction: 2, hasIssue: true, issuesFound: '更衣室淋浴没有热水' });
    const version = (await detail(agent, id)).record.version;
    // transferring needs complaint:handle, which an agent has not
    expect((await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'transfer', version })).status).toBe(403);
    // two clicks at once: one complaint
    const both = await Promise.all([
      agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version }),
      agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const res = both.find((r) => r.status === 201)!;
    const made = await env().handle.db.selectFrom('complaints').select('id').where('customer_id', '=', c.id).execute();
    expect(made).toHaveLength(1);
    expect(res.status, res.text).toBe(201);
    expect(res.body.number).toMatch(/^KS\d{8}-\d{4}$/);
    const complaint = await manager.get(`/api/v1/complaints/${res.body.complaintId}`);
    expect(complaint.body).toMatchObject({ customer: { id: c.id }, complainantName: '郑投诉', state: 'registered' });
    expect(complaint.body.content).toContain('更衣室淋浴没有热水');
    expect((await detail(agent, id)).record.complaint).toEqual({ id: res.body.complaintId, number: res.body.number });
    const again = await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('follow_up.issue_taken');
    const timeline = await manager.get(`/api/v1/customers/${c.id}/timeline`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['follow_up.issue', 'complaint.registered']));
  });

  it('transfers an issue to a department in one click (someone who handles complaints)', async () => {
    await setup();
    const { department } = await departmentWithHandler(env(), '工程部');
    const c = await customerFor(manager, supervisor.userId, '冯转交');
    const id = await insertTask(env(), { customerId: c.id, assigneeId: supervisor.userId });
    await record(supervisor, id, { ...COMPLETE, hasIssue: true, issuesFound: '跑步机异响' });
    const { version } = (await detail(supervisor, id)).record;
    const res = await supervisor.post(`/api/v1/follow-up-tasks/${id}/issue`, {
      kind: 'transfer',
      version,
      departmentId: department.id,
      dueAt: '2026-10-12T18:00:00+08:00',
    });
    expect(res.status, res.text).toBe(201);
    const transfers = await manager.get(`/api/v1/complaints/${res.body.complaintId}/transfers`);
    expect(transfers.body[0] ?? transfers.body.items?.[0]).toMatchObject({ request: '跑步机异响' });
    expect((await detail(supervisor, id)).record.transferDepartment).toBe('工程部');
  });

  describe('issue -> complaint survives a failure half way (the complaints module registers in its own transaction)', () => {
    const db = () => env().handle.db;
    const casesOf = (customerId: string) => db().selectFrom('complaints').select(['id', 'number']).where('customer_id', '=', customerId).execute();
    const claimOf = (taskId: string) =>
      db().selectFrom('follow_up_records').select(['complaint_id', 'issue_claimed_at']).where('task_id', '=', taskId).executeTakeFirstOrThrow();
    /** A failure injected where the follow-ups module cannot see it coming: a trigger raising on one table. */
    async function failing<T>(table: string, when: string, fn: () => Promise<T>): Promise<T> {
      await sql
        .raw(
          `create or replace function e2e_fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$;
           create trigger e2e_fail before insert or update on ${table} for each row when (${when}) execute function e2e_fail();`,
        )
        .execute(db());
      try {
        return await fn();
      } finally {
        await sql.raw(`drop trigger e2e_fail on ${table}`).execute(db());
      }
    }
    const withIssue = async (name: string, assignee: Client) => {
      const c = await customerFor(manager, assignee.userId, name);
      const id = await insertTask(env(), { customerId: c.id, assigneeId: assignee.userId });
      await record(assignee, id, { ...COMPLETE, satisfaction: 2, hasIssue: true, issuesFound: '前台态度冷淡' });
      return { c, id };
    };

    it('the link fails after the case is registered: the case waits for its record, the next press links the same case', async () => {
      await setup();
      const { c, id } = await withIssue('褚重试', agent);
      const first = await failing('follow_up_records', 'new.complaint_id is not null', async () =>
        agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version }),
      );
      expect(first.status).toBe(500);
      const [orphan] = await casesOf(c.id);
      expect(orphan).toBeTruthy();
      expect(await claimOf(id)).toMatchObject({ complaint_id: null, issue_claimed_at: new Date('2026-10-09T02:00:00Z') });
      const retry = await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version });
      expect(retry.status, retry.text).toBe(201);
      expect(retry.body).toEqual({ complaintId: orphan!.id, number: orphan!.number });
      expect(await casesOf(c.id)).toHaveLength(1);
      expect((await detail(agent, id)).record.complaint).toEqual({ id: orphan!.id, number: orphan!.number });
      const again = await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version });
      expect(again.body.code).toBe('follow_up.issue_taken');
    });

    it('the registration fails: no case, the claim is released, the next press registers one', async () => {
      await setup();
      const { c, id } = await withIssue('卫失败', agent);
      const first = await failing('complaints', `new.customer_id = '${c.id}'`, async () =>
        agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version }),
      );
      expect(first.status).toBe(500);
      expect(await casesOf(c.id)).toHaveLength(0);
      expect(await claimOf(id)).toEqual({ complaint_id: null, issue_claimed_at: null });
      const retry = await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version });
      expect(retry.status).toBe(201);
      expect((await casesOf(c.id)).map((k) => k.id)).toEqual([retry.body.complaintId]);
    });

    it('the transfer fails after the case is registered: the next press transfers and links that case', async () => {
      await setup();
      const { department } = await departmentWithHandler(env(), '保洁部');
      const { c, id } = await withIssue('蒋转交', supervisor);
      const body = async () => ({
        kind: 'transfer',
        version: (await detail(supervisor, id)).record.version,
        departmentId: department.id,
        dueAt: '2026-10-12T18:00:00+08:00',
      });
      const first = await failing('complaint_transfers', 'true', async () => supervisor.post(`/api/v1/follow-up-tasks/${id}/issue`, await body()));
      expect(first.status).toBe(500);
      expect(await casesOf(c.id)).toHaveLength(1);
      const retry = await supervisor.post(`/api/v1/follow-up-tasks/${id}/issue`, await body());
      expect(retry.status, retry.text).toBe(201);
      expect(await casesOf(c.id)).toHaveLength(1);
      const transfers = await manager.get(`/api/v1/complaints/${retry.body.complaintId}/transfers`);
      expect(transfers.body[0] ?? transfers.body.items?.[0]).toMatchObject({ request: '前台态度冷淡' });
      expect((await detail(supervisor, id)).record).toMatchObject({ transferDepartment: '保洁部', complaint: { id: retry.body.complaintId } });
      // a due time already past is refused before anything is registered
      const { c: c2, id: id2 } = await withIssue('沈过去', supervisor);
      const past = await supervisor.post(`/api/v1/follow-up-tasks/${id2}/issue`, {
        ...(await body()),
        version: (await detail(supervisor, id2)).record.version,
        dueAt: '2026-10-09T09:00:00+08:00',
      });
      expect(past.status).toBe(400);
      expect(past.body.errors).toEqual([{ path: 'dueAt', message: '时间必须晚于现在' }]);
      expect(await casesOf(c2.id)).toHaveLength(0);
    });

    it('a press still at work (a claim without its case yet) answers 409 in Chinese; a claim left by a dead press is taken over later', async () => {
      await setup();
      const { c, id } = await withIssue('杨卡住', agent);
      await db()
        .updateTable('follow_up_records')
        .set({ issue_claimed_at: new Date('2026-10-09T01:59:50Z'), issue_claimed_by: agent.userId })
        .where('task_id', '=', id)
        .execute();
      const busy = await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version });
      expect(busy.status).toBe(409);
      expect(busy.body.title).toBe('该问题正在转为投诉，请稍候刷新查看');
      env().clock.set('2026-10-09T02:02:00Z');
      try {
        const later = await agent.post(`/api/v1/follow-up-tasks/${id}/issue`, { kind: 'complaint', version: (await detail(agent, id)).record.version });
        expect(later.status, later.text).toBe(201);
        expect(await casesOf(c.id)).toHaveLength(1);
      } finally {
        env().clock.set('2026-10-09T02:00:00Z');
      }
    });
  });

  it('a complaint follow-up task reached with a complete record marks the case’s follow-up done, on the case', async () => {
    await setup();
    const officer = await userClient(env(), ['complaints'], '赵客诉');
    const c = await customerFor(manager, agent.userId, '陈回访');
    const closed = await complaintIn('closed', officer, manager, { customerId: c.id });
    const followUps = (await officer.get(`/api/v1/complaints/${closed.id}/follow-ups`)).body;
    const afterClose = followUps.find((f: { kind: string }) => f.kind === 'after_close');
    const id = await insertTask(env(), {
      customerId: c.id,
      assigneeId: agent.userId,
      rule: 'complaint_follow_up',
      refType: 'complaint_follow_up',
      refId: afterClose.id,
    });
    // not reached: the follow-up stays open
    await press(agent, id, 'busy');
    expect((await officer.get(`/api/v1/complaints/${closed.id}/follow-ups`)).body.find((f: { id: string }) => f.id === afterClose.id).doneAt).toBeNull();
    await record(agent, id, { ...COMPLETE, opinions: '问题已解决，表示满意' });
    expect((await press(agent, id, 'reached')).status).toBe(201);
    const after = (await officer.get(`/api/v1/complaints/${closed.id}/follow-ups`)).body.find((f: { id: string }) => f.id === afterClose.id);
    expect(after).toMatchObject({ doneAt: '2026-10-09T02:00:00.000Z', doneBy: { id: agent.userId } });
    expect(after.note).toContain('问题已解决');
    const steps = (await officer.get(`/api/v1/complaints/${closed.id}/steps`)).body;
    expect(JSON.stringify(steps)).toContain('follow_up_done');
    const timeline = await manager.get(`/api/v1/customers/${c.id}/timeline`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toContain('complaint.follow_up_done');
  });
});
