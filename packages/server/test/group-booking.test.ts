import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking, sh } from './booking-fixtures';
import { PASSWORD, userClient, type Client } from './factories';
import { groupBody, takeGroup } from './group-booking-fixtures';
import { describeEachDb } from './helpers';

const MON = '2026-10-19';

describeEachDb('group bookings (团体预约)', (env) => {
  let manager: Client;
  let agent: Client;
  let organiserId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['membership'], '陈会籍');
    organiserId = (await createCustomer(agent, '赵总')).id;
  });

  it('takes its places through the bookings: the tee time whole, 12 of the 40 places of the course; the open checklist of the seed', async () => {
    const tee = await createResource(manager, { name: '1号发球台', kind: 'tee_time' });
    const course = await createResource(manager, { name: '南场', kind: 'court', capacity: 40 });
    const res = await takeGroup(
      agent,
      groupBody(organiserId, [
        { resourceId: tee.id, places: 1 },
        { resourceId: course.id, places: 12 },
      ]),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ status: 'booked', organiserName: '赵总', size: 12, takenBy: '陈会籍', leadWarning: null });
    expect(res.body.number).toMatch(/^TD20261009-\d{4}$/);
    expect(res.body.holds).toHaveLength(2);
    expect(res.body.holds.every((h: { status: string }) => h.status === 'booked')).toBe(true);
    expect(res.body.checklist.map((c: { item: string }) => c.item)).toEqual([
      'roster',
      'grouping',
      'start_time',
      'dining',
      'lodging',
      'room_time',
      'equipment',
      'scoring',
      'settlement',
      'other_prep',
      'ceremony',
    ]);
    expect(res.body.checklist.every((c: { done: boolean }) => !c.done)).toBe(true);

    // nobody else gets the tee time; the course has 28 places left at that slot, not 29
    const solo = await takeBooking(agent, bookingBody(organiserId, tee.id, MON, '10:00', '11:00'));
    expect(solo.status).toBe(409);
    expect(solo.body.code).toBe('booking.slot_full');
    expect((await takeBooking(agent, bookingBody(organiserId, course.id, MON, '09:00', '12:00', { places: 28 }))).status).toBe(201);
    expect((await takeBooking(agent, bookingBody(organiserId, course.id, MON, '09:00', '12:00', { places: 1 }))).status).toBe(409);

    // the organiser's timeline has the group
    const tl = await agent.get(`/api/v1/customers/${organiserId}/timeline`);
    expect(JSON.stringify(tl.body)).toContain(res.body.number);
  });

  it('a group and a single booking for the same tee time at once: exactly one gets it', async () => {
    const tee = await createResource(manager, { name: '2号发球台', kind: 'tee_time' });
    const [group, solo] = await Promise.all([
      takeGroup(agent, groupBody(organiserId, [{ resourceId: tee.id, places: 1 }])),
      takeBooking(agent, bookingBody(organiserId, tee.id, MON, '09:30', '10:30')),
    ]);
    expect([group.status, solo.status].sort()).toEqual([201, 409]);
    if (group.status === 409) expect(group.body).toMatchObject({ code: 'booking.slot_full', suggestions: expect.any(Array) });
    const live = await env().handle.db.selectFrom('bookings').select('id').where('resource_id', '=', tee.id).where('status', '=', 'booked').execute();
    expect(live).toHaveLength(1);
  });

  it('a group that does not fit rolls back every place it took, and answers 409 with quieter times', async () => {
    const tee = await createResource(manager, { name: '3号发球台', kind: 'tee_time' });
    const course = await createResource(manager, { name: '北场', kind: 'court', capacity: 10 });
    const res = await takeGroup(
      agent,
      groupBody(organiserId, [
        { resourceId: tee.id, places: 1 },
        { resourceId: course.id, places: 11 },
      ]),
    );
    expect(res.status).toBe(400); // 11 places on a resource of 10
    const full = await takeBooking(agent, bookingBody(organiserId, course.id, MON, '09:00', '12:00', { places: 5 }));
    expect(full.status).toBe(201);
    const over = await takeGroup(
      agent,
      groupBody(organiserId, [
        { resourceId: tee.id, places: 1 },
        { resourceId: course.id, places: 6 },
      ]),
    );
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('booking.slot_full');
    expect(over.body.suggestions.length).toBeGreaterThan(0);
    // the tee time taken first was given back with the rollback
    expect((await takeBooking(agent, bookingBody(organiserId, tee.id, MON, '09:00', '10:00'))).status).toBe(201);
  });

  it('seed 003 需提前1-2星期: too soon refused (a manager may let it through), too early accepted with a warning; the window is a setting', async () => {
    const tee = await createResource(manager, { name: '4号发球台', kind: 'tee_time' });
    const soon = groupBody(organiserId, [{ resourceId: tee.id, places: 1 }], { startsAt: sh('2026-10-12', '09:00'), endsAt: sh('2026-10-12', '11:00') });
    const refused = await takeGroup(agent, soon, { 'accept-language': 'zh-CN' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'group_booking.too_soon' });
    expect(refused.body.detail).toContain('只有 3 天');
    expect((await takeGroup(agent, { ...soon, leadOverride: true })).status).toBe(403);
    const let_ = await takeGroup(manager, { ...soon, leadOverride: true });
    expect(let_.status, let_.text).toBe(201);
    expect(let_.body).toMatchObject({ leadOverrideBy: '王经理', leadWarning: expect.stringContaining('3 天') });

    const early = await takeGroup(
      agent,
      groupBody(organiserId, [{ resourceId: tee.id, places: 1 }], { startsAt: sh('2026-11-02', '09:00'), endsAt: sh('2026-11-02', '11:00') }),
    );
    expect(early.status).toBe(201);
    expect(early.body.leadWarning).toContain('24 天');

    // the desk may only warn instead: the manager changes the setting
    const s = await manager.put('/api/v1/group-bookings/settings', { minDaysAhead: 7, maxDaysAhead: 14, tooSoon: 'warn', maxPerTeam: 4 });
    expect(s.status).toBe(200);
    const warned = await takeGroup(agent, { ...soon, startsAt: sh('2026-10-13', '09:00'), endsAt: sh('2026-10-13', '11:00') });
    expect(warned.status, warned.text).toBe(201);
    expect(warned.body.leadWarning).toContain('4 天');
    expect((await agent.put('/api/v1/group-bookings/settings', { minDaysAhead: 7, maxDaysAhead: 14, tooSoon: 'refuse', maxPerTeam: 4 })).status).toBe(403);
    expect((await manager.put('/api/v1/group-bookings/settings', { minDaysAhead: 7, maxDaysAhead: 14, tooSoon: 'refuse', maxPerTeam: 4 })).status).toBe(200);
  });

  it('roster: over the size, a phone twice, a flight of five are refused with the rows named; a good one is saved by version', async () => {
    const tee = await createResource(manager, { name: '5号发球台', kind: 'tee_time' });
    const g = (await takeGroup(agent, groupBody(organiserId, [{ resourceId: tee.id, places: 1 }], { size: 5 }))).body;
    const member = (i: number, team: number | null = 1) => ({ name: `队员${i}`, phone: `1391234560${i}`, handicap: 10 + i, team });
    const tooMany = await agent.put(`/api/v1/group-bookings/${g.id}/roster`, {
      members: [1, 2, 3, 4, 5, 6].map((i) => member(i, null)),
      groupingMode: 'self',
      version: g.version,
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0]).toMatchObject({ path: 'members', message: expect.stringContaining('超过团体人数') });
    const twice = await agent.put(`/api/v1/group-bookings/${g.id}/roster`, {
      members: [member(1), { ...member(2), phone: '139 1234 5601' }],
      groupingMode: 'self',
      version: g.version,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([{ path: 'members.1.phone', message: expect.stringContaining('第 1 人') }]);
    const flight = await agent.put(`/api/v1/group-bookings/${g.id}/roster`, {
      members: [1, 2, 3, 4, 5].map((i) => member(i)),
      groupingMode: 'self',
      version: g.version,
    });
    expect(flight.status).toBe(422);
    expect(flight.body.errors).toEqual([{ path: 'members.4.team', message: expect.stringContaining('第 1 组超过 4 人') }]);
    const badPhone = await agent.put(`/api/v1/group-bookings/${g.id}/roster`, {
      members: [{ ...member(1), phone: '12345' }],
      groupingMode: 'self',
      version: g.version,
    });
    expect(badPhone.status).toBe(422);

    const ok = await agent.put(`/api/v1/group-bookings/${g.id}/roster`, {
      members: [member(1), member(2), member(3, 2), member(4, 2), member(5, 2)],
      groupingMode: 'self',
      version: g.version,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.roster).toHaveLength(5);
    expect(ok.body.roster[2]).toMatchObject({ name: '队员3', team: 2, handicap: 13 });
    expect(ok.body).toMatchObject({ groupingMode: 'self', version: g.version + 1 });
    const stale = await agent.put(`/api/v1/group-bookings/${g.id}/roster`, { members: [], groupingMode: 'venue', version: g.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('group_booking.version_conflict');
  });

  it('checklist: ticked by whom and when with a note, opened again; a stale item version is 409; cancelling gives the places back', async () => {
    const tee = await createResource(manager, { name: '6号发球台', kind: 'tee_time' });
    const g = (await takeGroup(agent, groupBody(organiserId, [{ resourceId: tee.id, places: 1 }]))).body;
    const dining = g.checklist.find((c: { item: string }) => c.item === 'dining');
    const ticked = await agent.put(`/api/v1/group-bookings/${g.id}/checklist/dining`, { done: true, note: '中午自助餐，12 人', version: dining.version });
    expect(ticked.status, ticked.text).toBe(200);
    const item = ticked.body.checklist.find((c: { item: string }) => c.item === 'dining');
    expect(item).toMatchObject({
      done: true,
      note: '中午自助餐，12 人',
      doneBy: '陈会籍',
      doneAt: env().clock.now().toISOString(),
      version: dining.version + 1,
    });
    // the other desk ticked the same item from a page loaded before: refused, nothing changes
    const stale = await manager.put(`/api/v1/group-bookings/${g.id}/checklist/dining`, { done: false, note: '', version: dining.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('group_booking.checklist_conflict');
    // two ticks of one item at once: one wins
    const both = await Promise.all([
      agent.put(`/api/v1/group-bookings/${g.id}/checklist/scoring`, { done: true, version: 1 }),
      manager.put(`/api/v1/group-bookings/${g.id}/checklist/scoring`, { done: true, version: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const untick = await manager.put(`/api/v1/group-bookings/${g.id}/checklist/dining`, { done: false, note: '客户改为不用餐', version: item.version });
    expect(untick.status).toBe(200);
    expect(untick.body.checklist.find((c: { item: string }) => c.item === 'dining')).toMatchObject({ done: false, doneBy: '王经理' });
    expect(untick.body.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'ticked', 'ticked', 'unticked']);
    expect((await agent.put(`/api/v1/group-bookings/${g.id}/checklist/nonsense`, { done: true, version: 1 })).status).toBe(404);

    const cancelled = await agent.post(`/api/v1/group-bookings/${g.id}/cancel`, { reason: '客户改期', version: untick.body.version });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.holds[0].status).toBe('cancelled');
    expect((await takeBooking(agent, bookingBody(organiserId, tee.id, MON, '09:00', '10:00'))).status).toBe(201);
    expect((await agent.post(`/api/v1/group-bookings/${g.id}/cancel`, { reason: '再取消', version: cancelled.body.version })).status).toBe(409);
  });

  it('the same Idempotency-Key twice takes the group once', async () => {
    const tee = await createResource(manager, { name: '7号发球台', kind: 'tee_time' });
    const body = groupBody(organiserId, [{ resourceId: tee.id, places: 1 }]);
    const key = { 'idempotency-key': 'group-retry-1' };
    const [a, b] = await Promise.all([agent.post('/api/v1/group-bookings', body, key), agent.post('/api/v1/group-bookings', body, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const list = await agent.get('/api/v1/group-bookings?q=' + encodeURIComponent(a.body.number));
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ number: a.body.number, checklistDone: 0, checklistTotal: 11 });

    // the manager's list as xlsx, one column per checklist item
    await agent.put(`/api/v1/group-bookings/${a.body.id}/checklist/settlement`, { done: true, note: '月结', version: 1 });
    const login = await env().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: manager.username, password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'kefu_session')!.value;
    const xlsx = await env().app.inject({ method: 'GET', url: `/api/v1/group-bookings/export.xlsx?q=${a.body.number}`, cookies: { kefu_session: cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((v) => (v as unknown[]).slice(1));
    const head = rows.find((r) => r.includes('编号'))!;
    const line = rows.find((r) => r.includes(a.body.number))!;
    expect(line).toEqual(expect.arrayContaining(['华信公司秋季球会', '赵总', '7号发球台×1', '已预约']));
    expect(line[head.indexOf('确定团体赛事结帐方式')]).toBe('✓');
    expect(line[head.indexOf('确认记分事项')] ?? '').toBe('');
  });
});
