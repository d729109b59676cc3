import { beforeAll, expect, it } from 'vitest';
import { buildCustomer, uniqueMobile, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('customer merge', (env) => {
  let supervisor: Client;
  let agent: Client;

  beforeAll(async () => {
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    agent = await userClient(env(), ['agent'], '张晓燕');
  });

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((x) => x.id);

  it('fills empty fields, unites phones and tags, moves the timeline, and keeps the other record read-only', async () => {
    const mobile = uniqueMobile();
    const keep = await supervisor.post('/api/v1/customers', buildCustomer({ name: '合并甲', mobile: null, gender: 'unknown', otherPhones: ['010-8888 6666'], tags: ['瑜伽'], region: null }));
    const other = await supervisor.post('/api/v1/customers', {
      ...buildCustomer({ name: '合并乙', mobile, gender: 'female', otherPhones: ['021-6666 8888'], tags: ['瑜伽', '游泳'], region: '北京市朝阳区' }),
      email: 'yi@example.com',
      birthday: '1990-08-15',
      birthdayLunar: true,
    });
    await supervisor.patch(`/api/v1/customers/${other.body.id}`, { notes: '乙的备注', version: 1 });

    const res = await supervisor.post(`/api/v1/customers/${keep.body.id}/merge`, { otherId: other.body.id, version: keep.body.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '合并甲', // the kept record's own values win
      gender: 'female',
      region: '北京市朝阳区',
      email: 'yi@example.com',
      notes: '乙的备注',
      birthday: '1990-08-15',
      birthdayLunar: true, // a lunar birthday stays lunar
      nextBirthday: '2027-09-15',
      version: keep.body.version + 1,
    });
    expect(res.body.tags.sort()).toEqual(['游泳', '瑜伽'].sort());
    const numbers = await supervisor.post(`/api/v1/customers/${keep.body.id}/reveal`);
    expect(numbers.body.mobile).toBe(mobile); // the other's number, freed by the other record first
    expect(numbers.body.otherPhones.sort()).toEqual(['01088886666', '02166668888']);

    const timeline = await supervisor.get(`/api/v1/customers/${keep.body.id}/timeline`);
    const kinds = timeline.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('customer.merged');
    expect(kinds.filter((k: string) => k === 'customer.created')).toHaveLength(2);
    expect(kinds).toContain('customer.updated'); // the other's edit, now on this timeline
    expect(timeline.body.items[0].summary).toContain('合并乙');
    const otherTimeline = await supervisor.get(`/api/v1/customers/${other.body.id}/timeline`);
    expect(otherTimeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['customer.merged_away']);

    const history = await supervisor.get(`/api/v1/customers/${keep.body.id}/history`);
    expect(history.body.items.map((h: { field: string }) => h.field)).toEqual(expect.arrayContaining(['mobile', 'region', 'email', 'birthday', 'tags']));

    // the merged record: out of lists and search, read-only
    expect(ids(await supervisor.get('/api/v1/customers?q=合并乙'))).toEqual([]);
    expect(ids(await supervisor.get(`/api/v1/customers?q=${mobile}`))).toEqual([keep.body.id]);
    expect(ids(await supervisor.get(`/api/v1/customers?q=${mobile.slice(-4)}`))).not.toContain(other.body.id);
    const merged = await supervisor.get(`/api/v1/customers/${other.body.id}`);
    expect(merged.status).toBe(200);
    expect(merged.body.abilities).toEqual({ update: false, reveal: false, assign: false, merge: false, lifecycle: [] });
    const edit = await supervisor.patch(`/api/v1/customers/${other.body.id}`, { notes: 'x', version: merged.body.version });
    expect(edit.status).toBe(409);
    const again = await supervisor.post(`/api/v1/customers/${keep.body.id}/merge`, { otherId: other.body.id, version: res.body.version });
    expect(again.status).toBe(409);
    const dup = await supervisor.get(`/api/v1/customers/duplicates?mobile=${mobile}`);
    expect(dup.body.items.map((x: { id: string }) => x.id)).toEqual([keep.body.id]);

  });

  it('keeps its own mobile and takes the other\'s into other phones; a freed number can be given again', async () => {
    const aMobile = uniqueMobile();
    const a = await supervisor.post('/api/v1/customers', buildCustomer({ name: '号码甲', mobile: aMobile }));
    const bMobile = uniqueMobile();
    const b = await supervisor.post('/api/v1/customers', buildCustomer({ name: '号码乙', mobile: bMobile }));
    const res = await supervisor.post(`/api/v1/customers/${a.body.id}/merge`, { otherId: b.body.id, version: 1 });
    expect(res.status).toBe(200);
    const numbers = await supervisor.post(`/api/v1/customers/${a.body.id}/reveal`);
    expect(numbers.body.mobile).toBe(aMobile);
    expect(numbers.body.otherPhones).toContain(bMobile);
    // the number is no longer held by the merged record: the kept one may make it its main number
    const swap = await supervisor.patch(`/api/v1/customers/${a.body.id}`, { mobile: bMobile, version: res.body.version });
    expect(swap.status).toBe(200);
  });

  it('refuses a stale version (409), merging with itself (400), and customers outside the scope (404)', async () => {
    const a = await supervisor.post('/api/v1/customers', buildCustomer({ name: '过期甲' }));
    const b = await supervisor.post('/api/v1/customers', buildCustomer({ name: '过期乙' }));
    await supervisor.patch(`/api/v1/customers/${a.body.id}`, { notes: '改过', version: 1 });
    const stale = await supervisor.post(`/api/v1/customers/${a.body.id}/merge`, { otherId: b.body.id, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('customer.version_conflict');
    expect((await supervisor.get(`/api/v1/customers/${b.body.id}`)).body.abilities.merge).toBe(true); // b untouched
    const self = await supervisor.post(`/api/v1/customers/${a.body.id}/merge`, { otherId: a.body.id, version: 2 });
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('customer.merge_self');
    const missing = await supervisor.post(`/api/v1/customers/${a.body.id}/merge`, { otherId: '00000000-0000-4000-8000-000000000000', version: 2 });
    expect(missing.status).toBe(404);
    expect((await agent.post(`/api/v1/customers/${a.body.id}/merge`, { otherId: b.body.id, version: 2 })).status).toBe(403);
  });

  it('two merges of the same pair at once: one wins, the other is refused, no deadlock, nothing half-done', async () => {
    for (let round = 0; round < 3; round += 1) {
      const a = await supervisor.post('/api/v1/customers', buildCustomer({ name: `并发甲${round}` }));
      const b = await supervisor.post('/api/v1/customers', buildCustomer({ name: `并发乙${round}` }));
      const [x, y] = await Promise.all([
        supervisor.post(`/api/v1/customers/${a.body.id}/merge`, { otherId: b.body.id, version: 1 }),
        supervisor.post(`/api/v1/customers/${b.body.id}/merge`, { otherId: a.body.id, version: 1 }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const [keepId, goneId] = x.status === 200 ? [a.body.id, b.body.id] : [b.body.id, a.body.id];
      const kept = await supervisor.get(`/api/v1/customers/${keepId}`);
      const gone = await supervisor.get(`/api/v1/customers/${goneId}`);
      expect(kept.body.abilities.merge).toBe(true);
      expect(gone.body.abilities.merge).toBe(false);
      const keptEvents = (await supervisor.get(`/api/v1/customers/${keepId}/timeline`)).body.items.map((e: { kind: string }) => e.kind);
      expect(keptEvents.filter((k: string) => k === 'customer.merged')).toHaveLength(1);
      expect(keptEvents.filter((k: string) => k === 'customer.created')).toHaveLength(2);

      const [p, q] = await Promise.all([
        supervisor.post(`/api/v1/customers/${keepId}/merge`, { otherId: goneId, version: kept.body.version }),
        supervisor.post(`/api/v1/customers/${keepId}/merge`, { otherId: goneId, version: kept.body.version }),
      ]);
      expect([p.status, q.status]).toEqual([409, 409]);
    }
  });
});
