import { LIFECYCLE_ACTIONS, allowedLifecycleActions, type LifecycleAction, type LifecycleState } from '@kefu/shared';
import { beforeAll, expect, it } from 'vitest';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** The shortest way from prospect to each state. */
const PATH_TO: Record<LifecycleState, LifecycleAction[]> = {
  prospect: [],
  active: ['activate'],
  dormant: ['activate', 'markDormant'],
  lost: ['activate', 'markLost'],
  closed: ['close'],
};

describeEachDb('customer lifecycle', (env) => {
  let manager: Client;
  let supervisor: Client;
  let agent: Client;
  let otherAgent: Client;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    agent = await userClient(env(), ['agent'], '张晓燕');
    otherAgent = await userClient(env(), ['agent'], '刘子豪');
  });

  async function customerIn(state: LifecycleState, by: Client = manager) {
    const created = await by.post('/api/v1/customers', buildCustomer({ name: '状态测试' }));
    expect(created.status).toBe(201);
    let c = created.body;
    for (const action of PATH_TO[state]) {
      const res = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action, version: c.version });
      expect(res.status).toBe(200);
      c = res.body;
    }
    expect(c.lifecycle).toBe(state);
    return c as { id: string; version: number; lifecycle: LifecycleState };
  }

  it('walks prospect -> active -> dormant -> lost -> active -> closed -> active, each step on the timeline and in the history', async () => {
    let c = await customerIn('prospect');
    const steps: [LifecycleAction, LifecycleState][] = [
      ['activate', 'active'],
      ['markDormant', 'dormant'],
      ['markLost', 'lost'],
      ['recall', 'active'],
      ['close', 'closed'],
      ['reopen', 'active'],
    ];
    for (const [action, to] of steps) {
      const res = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action, version: c.version, reason: `原因 ${action}` });
      expect(res.status, action).toBe(200);
      expect(res.body.lifecycle).toBe(to);
      expect(res.body.version).toBe(c.version + 1);
      c = res.body;
    }
    const timeline = await manager.get(`/api/v1/customers/${c.id}/timeline`);
    const events = timeline.body.items.filter((e: { kind: string }) => e.kind === 'customer.lifecycle').reverse();
    expect(events.map((e: { data: { from: string; to: string } }) => `${e.data.from}>${e.data.to}`)).toEqual([
      'prospect>active',
      'active>dormant',
      'dormant>lost',
      'lost>active',
      'active>closed',
      'closed>active',
    ]);
    expect(events[1].summary).toBe('状态：在册 → 沉睡（原因 markDormant）');
    expect(events[1].actorName).toBe('王经理');
    const history = await manager.get(`/api/v1/customers/${c.id}/history`);
    const lifecycle = history.body.items.filter((h: { field: string }) => h.field === 'lifecycle');
    expect(lifecycle).toHaveLength(6);
    expect(lifecycle[0]).toMatchObject({ oldValue: 'closed', newValue: 'active', actorName: '王经理' });
    const en = await manager.get(`/api/v1/customers/${c.id}/timeline`, { 'accept-language': 'en' });
    expect(en.body.items[0].summary).toBe('State: Closed → Active (原因 reopen)');
  });

  it('refuses every action the state does not allow: 409 with the allowed actions, nothing changed', async () => {
    for (const state of Object.keys(PATH_TO) as LifecycleState[]) {
      const c = await customerIn(state);
      const allowed = allowedLifecycleActions(state);
      for (const action of LIFECYCLE_ACTIONS.filter((a) => !allowed.includes(a))) {
        const res = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action, version: c.version });
        expect(res.status, `${state} ${action}`).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.code).toBe('customer.invalid_transition');
        expect(res.body.allowed).toEqual(allowed);
      }
      const after = await manager.get(`/api/v1/customers/${c.id}`);
      expect(after.body).toMatchObject({ lifecycle: state, version: c.version });
    }
  });

  it('says in the language of the request what is allowed', async () => {
    const c = await customerIn('closed');
    const zh = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action: 'activate', version: c.version });
    expect(zh.body.detail).toContain('reopen');
    const en = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action: 'activate', version: c.version }, { 'accept-language': 'en' });
    expect(en.body.title).toMatch(/^Not allowed from/);
  });

  it('a stale version is refused with 409 and nothing changes', async () => {
    const c = await customerIn('active');
    const res = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action: 'markDormant', version: c.version - 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('customer.version_conflict');
    expect((await manager.get(`/api/v1/customers/${c.id}`)).body.lifecycle).toBe('active');
  });

  it('close and reopen need customer:close; the other actions customer:update', async () => {
    const active = await customerIn('active');
    // the supervisor may update but not close
    expect((await supervisor.post(`/api/v1/customers/${active.id}/lifecycle`, { action: 'close', version: active.version })).status).toBe(403);
    const dormant = await supervisor.post(`/api/v1/customers/${active.id}/lifecycle`, { action: 'markDormant', version: active.version });
    expect(dormant.status).toBe(200);
    expect(dormant.body.abilities.lifecycle).toEqual(['markLost', 'recall']);
    const closed = await customerIn('closed');
    expect((await supervisor.post(`/api/v1/customers/${closed.id}/lifecycle`, { action: 'reopen', version: closed.version })).status).toBe(403);
    // an agent on their own customer: activate yes, close no; on someone else's: 404
    const own = await agent.post('/api/v1/customers', buildCustomer({ name: '自己的客户' }));
    expect((await agent.post(`/api/v1/customers/${own.body.id}/lifecycle`, { action: 'close', version: 1 })).status).toBe(403);
    expect((await agent.post(`/api/v1/customers/${own.body.id}/lifecycle`, { action: 'activate', version: 1 })).status).toBe(200);
    expect((await otherAgent.post(`/api/v1/customers/${own.body.id}/lifecycle`, { action: 'markDormant', version: 2 })).status).toBe(404);
  });

  it('a closed customer is read-only until reopened, and leaves the default list', async () => {
    const c = await customerIn('closed');
    const got = await manager.get(`/api/v1/customers/${c.id}`);
    expect(got.body.abilities).toMatchObject({ update: false, assign: false, merge: false, lifecycle: ['reopen'] });
    const patch = await manager.patch(`/api/v1/customers/${c.id}`, { notes: '改不了', version: c.version });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('customer.closed');
    const other = await customerIn('active');
    const merge = await manager.post(`/api/v1/customers/${c.id}/merge`, { otherId: other.id, version: c.version });
    expect(merge.status).toBe(409);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((x) => x.id);
    expect(ids(await manager.get('/api/v1/customers?limit=200'))).not.toContain(c.id);
    expect(ids(await manager.get('/api/v1/customers?lifecycle=closed&limit=200'))).toContain(c.id);
    const reopened = await manager.post(`/api/v1/customers/${c.id}/lifecycle`, { action: 'reopen', version: c.version });
    const edited = await manager.patch(`/api/v1/customers/${c.id}`, { notes: '可以改了', version: reopened.body.version });
    expect(edited.status).toBe(200);
  });

  it('every lifecycle change is in the audit log', async () => {
    const c = await customerIn('active');
    const audit = await manager.get(`/api/v1/audit-log?entityId=${c.id}&action=customer.activate`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].detail).toMatchObject({ from: 'prospect', to: 'active' });
  });
});
