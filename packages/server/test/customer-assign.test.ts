import { beforeAll, expect, it } from 'vitest';
import { createApiKey } from './clients';
import { buildCustomer, createUser, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('customer assignment', (env) => {
  let supervisor: Client;
  let agent: Client;
  let admin: Client;

  beforeAll(async () => {
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    agent = await userClient(env(), ['agent'], '张晓燕');
    admin = await userClient(env(), ['admin'], '管理员');
  });

  async function unassigned(n: number, name = '待分配') {
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) out.push((await supervisor.post('/api/v1/customers', buildCustomer({ name: `${name}${i}` }))).body.id);
    return out;
  }

  it('by hand: the owner changes, with an event on each timeline and the history; the agent then sees them', async () => {
    const ids = await unassigned(2, '手工');
    const res = await supervisor.post('/api/v1/customers/assign', { customerIds: ids, ownerId: agent.userId });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ assigned: 2, byOwner: { 张晓燕: 2 } });
    for (const id of ids) {
      const c = await agent.get(`/api/v1/customers/${id}`);
      expect(c.status).toBe(200);
      expect(c.body.ownerName).toBe('张晓燕');
      expect(c.body.masked).toBe(false); // the owner sees the numbers
      const timeline = await agent.get(`/api/v1/customers/${id}/timeline`);
      expect(timeline.body.items[0]).toMatchObject({ kind: 'customer.assigned', actorName: '李主管', summary: '分配给 张晓燕' });
      const history = await agent.get(`/api/v1/customers/${id}/history`);
      expect(history.body.items[0]).toMatchObject({ field: 'ownerId', oldValue: null, newValue: '张晓燕' });
    }
    // assigning again to the same owner changes nothing
    expect((await supervisor.post('/api/v1/customers/assign', { customerIds: ids, ownerId: agent.userId })).body.assigned).toBe(0);
  });

  it('spreads by load: each customer to the agent with the fewest, loads end within one, one event per customer', async () => {
    const agents = [await createUser(env(), ['agent'], '甲专员'), await createUser(env(), ['agent'], '乙专员'), await createUser(env(), ['agent'], '丙专员')];
    // 甲 already has three customers
    await supervisor.post('/api/v1/customers/assign', { customerIds: await unassigned(3, '已有'), ownerId: agents[0]!.id });
    const ids = await unassigned(7, '均分');
    const res = await supervisor.post('/api/v1/customers/distribute', { customerIds: ids, agentIds: agents.map((a) => a.id) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ assigned: 7, byOwner: { 乙专员: 3, 丙专员: 3, 甲专员: 1 } });
    const loads = [];
    for (const a of agents) loads.push((await supervisor.get(`/api/v1/customers?ownerId=${a.id}&limit=200`)).body.items.length);
    expect(loads).toEqual([4, 3, 3]);
    for (const id of ids) {
      const timeline = await supervisor.get(`/api/v1/customers/${id}/timeline`);
      const assigned = timeline.body.items.filter((e: { kind: string }) => e.kind === 'customer.assigned');
      expect(assigned).toHaveLength(1);
      expect(assigned[0].data.how).toBe('distribute');
      expect(assigned[0].summary).toContain('按负载平均分配');
    }
    const audit = await userClient(env(), ['manager']).then((m) => m.get('/api/v1/audit-log?action=customer.assign&limit=1'));
    expect(audit.body.items[0].detail).toMatchObject({ how: 'distribute', count: 7 });
  });

  it('agents, handlers and the admin may not assign (403)', async () => {
    const ids = await unassigned(1, '权限');
    for (const who of [agent, admin]) {
      expect((await who.post('/api/v1/customers/assign', { customerIds: ids, ownerId: agent.userId })).status).toBe(403);
      expect((await who.post('/api/v1/customers/distribute', { customerIds: ids, agentIds: [agent.userId] })).status).toBe(403);
    }
  });

  it('a customer outside the scope or unknown is 404, and nothing is assigned', async () => {
    const ids = await unassigned(2, '范围');
    // an integration that may assign but sees only its own customers (none)
    const { client } = await createApiKey(env(), admin, ['customer:read', 'customer:assign']);
    const res = await client.post('/api/v1/customers/assign', { customerIds: ids, ownerId: agent.userId });
    expect(res.status).toBe(404);
    const unknown = await supervisor.post('/api/v1/customers/assign', { customerIds: [ids[0], '00000000-0000-4000-8000-000000000000'], ownerId: agent.userId });
    expect(unknown.status).toBe(404);
    expect((await supervisor.get(`/api/v1/customers/${ids[0]}`)).body.ownerId).toBeNull();
  });

  it('an unknown or disabled owner is refused (400); closed customers cannot be assigned', async () => {
    const ids = await unassigned(1, '负责人');
    const gone = await supervisor.post('/api/v1/customers/assign', { customerIds: ids, ownerId: '00000000-0000-4000-8000-000000000000' });
    expect(gone.status).toBe(400);
    expect(gone.body.errors[0].path).toBe('ownerId');
    const manager = await userClient(env(), ['manager']);
    const closed = await manager.post(`/api/v1/customers/${ids[0]}/lifecycle`, { action: 'close', version: 1 });
    expect(closed.status).toBe(200);
    expect((await supervisor.post('/api/v1/customers/assign', { customerIds: ids, ownerId: agent.userId })).status).toBe(404);
  });
});
