import { expect, it } from 'vitest';
import { userClient, type Client } from './factories';
import { COMPLETE, customerFor, detail, insertTask, press, record } from './follow-up-fixtures';
import { describeEachDb } from './helpers';

describeEachDb('follow-up outcomes', (env) => {
  let manager: Client;
  let agent: Client;
  let other: Client;
  const setup = async () => {
    manager ??= await userClient(env(), ['manager'], '张经理');
    agent ??= await userClient(env(), ['agent'], '李专员');
    other ??= await userClient(env(), ['agent'], '赵专员');
  };
  const task = async (extra: Parameters<typeof insertTask>[1] extends infer T ? Partial<T> : never = {}) => {
    const c = await customerFor(manager, agent.userId);
    return { id: await insertTask(env(), { customerId: c.id, assigneeId: agent.userId, ...extra }), customerId: c.id };
  };

  it('no answer and busy count attempts; the last allowed one closes the task as unreachable', async () => {
    await setup();
    const { id } = await task({ maxAttempts: 3 });
    let res = await press(agent, id, 'no_answer');
    expect(res.status, res.text).toBe(201);
    expect(res.body.task).toMatchObject({ status: 'open', attempts: 1, closedAt: null });
    res = await press(agent, id, 'busy');
    expect(res.body.task).toMatchObject({ status: 'open', attempts: 2 });
    res = await press(agent, id, 'no_answer');
    expect(res.body.task).toMatchObject({ status: 'unreachable', attempts: 3, closedAt: '2026-10-09T02:00:00.000Z' });
    expect(res.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['no_answer', 'busy', 'no_answer']);
    // closed: no more outcomes
    res = await press(agent, id, 'no_answer');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('follow_up.closed');
  });

  it('invalid number closes unreachable at once; refused closes refused', async () => {
    await setup();
    const a = await task();
    expect((await press(agent, a.id, 'invalid_number')).body.task).toMatchObject({ status: 'unreachable', attempts: 1 });
    const b = await task();
    expect((await press(agent, b.id, 'refused')).body.task).toMatchObject({ status: 'refused', attempts: 1 });
  });

  it('call back later makes exactly one new task, due at the agreed time, for the same agent', async () => {
    await setup();
    const { id, customerId } = await task({ priority: 1 });
    const past = await press(agent, id, 'call_back', { callbackAt: '2026-10-09T09:00:00+08:00' });
    expect(past.status).toBe(422);
    expect(past.body.errors[0]).toMatchObject({ path: 'callbackAt' });
    const res = await press(agent, id, 'call_back', { callbackAt: '2026-10-10T15:00:00+08:00' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.task).toMatchObject({ status: 'rescheduled' });
    const rows = await env().handle.db.selectFrom('follow_up_tasks').selectAll().where('parent_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'open', customer_id: customerId, assignee_id: agent.userId, priority: 1, attempts: 0 });
    expect(rows[0]!.due_at.toISOString()).toBe('2026-10-10T07:00:00.000Z');
    // the timeline says when (the department's clock)
    const timeline = await manager.get(`/api/v1/customers/${customerId}/timeline`);
    const line = timeline.body.items.find((e: { kind: string }) => e.kind === 'follow_up.attempt');
    expect(line.summary).toContain('2026-10-10 15:00');
  });

  it('reached is refused (422) without a complete record; with it the task closes, on the timeline, last contact set', async () => {
    await setup();
    const { id, customerId } = await task();
    let res = await press(agent, id, 'reached');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('follow_up.record_incomplete');
    // an incomplete record (an issue ticked but not described) is not enough
    expect((await record(agent, id, { ...COMPLETE, hasIssue: true, issuesFound: null })).body.record).toMatchObject({ complete: false });
    expect((await press(agent, id, 'reached')).status).toBe(422);
    expect((await detail(agent, id)).task).toMatchObject({ status: 'open', attempts: 0 });
    const saved = await record(agent, id);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.record).toMatchObject({ complete: true, satisfaction: 5, recordedBy: { id: agent.userId } });
    res = await press(agent, id, 'reached');
    expect(res.status, res.text).toBe(201);
    expect(res.body.task).toMatchObject({ status: 'done', attempts: 1 });
    const customer = await manager.get(`/api/v1/customers/${customerId}`);
    expect(customer.body.lastContactAt).toBe('2026-10-09T02:00:00.000Z');
    const timeline = await manager.get(`/api/v1/customers/${customerId}/timeline`);
    expect(timeline.body.items.find((e: { kind: string }) => e.kind === 'follow_up.attempt').summary).toContain('成功');
    // the record of a closed task is fixed
    expect((await record(agent, id)).status).toBe(409);
  });

  it('a stale version is 409 and changes nothing; a reassigned task refuses the previous assignee', async () => {
    await setup();
    const { id } = await task();
    const { task: t } = await detail(agent, id);
    expect((await agent.post(`/api/v1/follow-up-tasks/${id}/attempts`, { outcome: 'busy', version: t.version })).status).toBe(201);
    const stale = await agent.post(`/api/v1/follow-up-tasks/${id}/attempts`, { outcome: 'busy', version: t.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('follow_up.version_conflict');
    expect((await detail(agent, id)).task.attempts).toBe(1);
    const moved = await manager.post('/api/v1/follow-up-tasks/distribute', { taskIds: [id], agentIds: [other.userId] });
    expect(moved.status, moved.text).toBe(200);
    // no longer theirs: not found for the previous assignee, the new one works it
    expect((await agent.post(`/api/v1/follow-up-tasks/${id}/attempts`, { outcome: 'busy', version: t.version + 2 })).status).toBe(404);
    expect((await press(other, id, 'busy')).status).toBe(201);
    // a supervisor sees it but only its assignee presses the buttons
    expect((await press(manager, id, 'busy')).status).toBe(409);
  });

  it('two agents pressing at once: one wins, the other 409, one attempt recorded', async () => {
    await setup();
    const { id } = await task({ maxAttempts: 10 });
    const { task: t } = await detail(agent, id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => agent.post(`/api/v1/follow-up-tasks/${id}/attempts`, { outcome: i % 2 ? 'busy' : 'no_answer', version: t.version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const attempts = await env().handle.db.selectFrom('follow_up_attempts').select('id').where('task_id', '=', id).execute();
    expect(attempts).toHaveLength(1);
    expect((await detail(agent, id)).task).toMatchObject({ attempts: 1, version: t.version + 1 });
  });

  it('access: 401 signed out, 403 without the permission, 404 for another agent’s task', async () => {
    await setup();
    const { id } = await task();
    expect((await env().app.inject({ method: 'GET', url: '/api/v1/follow-up-tasks' })).statusCode).toBe(401);
    const handler = await userClient(env(), ['handler']);
    expect((await handler.get('/api/v1/follow-up-tasks')).status).toBe(403);
    expect((await handler.get('/api/v1/follow-up-kpis?from=2026-10-01&to=2026-10-31')).status).toBe(403);
    expect((await agent.get('/api/v1/follow-up-kpis?from=2026-10-01&to=2026-10-31')).status).toBe(403);
    expect((await agent.post('/api/v1/follow-up-tasks/distribute', { taskIds: [id], agentIds: [agent.userId] })).status).toBe(403);
    expect((await other.get(`/api/v1/follow-up-tasks/${id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/follow-up-tasks/${id}/attempts`, { outcome: 'busy', version: 1 })).status).toBe(404);
    expect((await agent.get('/api/v1/follow-up-tasks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // the agent's list holds only their own tasks
    const mine = await agent.get('/api/v1/follow-up-tasks?status=open');
    expect(mine.body.items.every((x: { assignee: { id: string } }) => x.assignee.id === agent.userId)).toBe(true);
    expect((await other.get('/api/v1/follow-up-tasks?status=open')).body.items.map((x: { id: string }) => x.id)).not.toContain(id);
  });
});
