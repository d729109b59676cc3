import { addWorkingHours, isWorkingDay, missingYears, workingTimeBetween } from '@kefu/shared';
import { beforeAll, expect, it } from 'vitest';
import { call, rawSignIn } from './clients';
import { PASSWORD, createUser, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

describeEachDb('business calendar', (env) => {
  let manager: Client;
  let agent: Client;
  /** DELETE with the manager's session (the shared test client has no delete) */
  let del: (url: string) => Promise<{ status: number; body: any }>;

  beforeAll(async () => {
    const user = await createUser(env(), ['manager'], '王经理');
    manager = await signIn(env(), user.username);
    const { cookie, csrfToken } = await rawSignIn(env(), user.username, PASSWORD);
    del = (url) => call(env(), { method: 'DELETE', url, cookies: { kefu_session: cookie! }, headers: { 'x-csrf-token': csrfToken! } });
    agent = await userClient(env(), ['agent'], '张晓燕');
  });

  async function auditOf(action: string, entityId: string) {
    return env().handle.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('id').execute();
  }

  it('any signed-in user reads the week, the 2026 holidays and the coverage of this year and next', async () => {
    const config = await agent.get('/api/v1/calendar/config');
    expect(config.status).toBe(200);
    expect(config.body.timeZone).toBe('Asia/Shanghai');
    expect(config.body.week[1]).toEqual({ start: '09:00', end: '18:00' });

    const year = await agent.get('/api/v1/calendar/years/2026');
    expect(year.status).toBe(200);
    expect(year.body.coveredBy).toBe('shipped');
    const byDate = new Map(year.body.days.map((d: any) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'shipped' });
    expect(byDate.get('2026-10-10')).toMatchObject({ kind: 'workday', name: '国庆节调休', source: 'shipped' });

    // the fixed clock is 2026-10-09: this year and next are checked
    const coverage = await agent.get('/api/v1/calendar/coverage');
    expect(coverage.body).toMatchObject({ shipped: [2025, 2026], checked: [2026, 2027] });
    const { checked, covered, missing } = coverage.body;
    expect(missing).toEqual(checked.filter((y: number) => !covered.includes(y)));
    expect(missing).not.toContain(2026);
  });

  it('an agent may not change the calendar', async () => {
    expect((await agent.put('/api/v1/calendar/config', (await agent.get('/api/v1/calendar/config')).body)).status).toBe(403);
    expect((await agent.post('/api/v1/calendar/days', { date: '2027-01-01', kind: 'holiday', name: '元旦' })).status).toBe(403);
    expect((await agent.post('/api/v1/calendar/years/2027/covered')).status).toBe(403);
  });

  it('the manager enters 2027’s 元旦 and marks 2027 complete: deadlines skip it and the year is no longer missing', async () => {
    const before = await env().app.services.calendar.current();
    expect(isWorkingDay(before, '2027-01-01')).toBe(true);
    expect(missingYears(before, sh('2026-12-31 17:00'), sh('2027-01-04 10:00'))).toEqual([2027]);

    const set = await manager.post('/api/v1/calendar/days', { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'manual', shipped: null, updatedBy: '王经理' });

    const covered = await manager.post('/api/v1/calendar/years/2027/covered');
    expect(covered.status).toBe(200);
    expect(covered.body.missing).not.toContain(2027);
    expect(covered.body.covered).toEqual(expect.arrayContaining([2025, 2026, 2027]));

    const after = await env().app.services.calendar.current();
    expect(isWorkingDay(after, '2027-01-01')).toBe(false);
    expect(missingYears(after, sh('2026-12-31 17:00'), sh('2027-01-04 10:00'))).toEqual([]);
    // Thursday 17:00 + 2 working hours: Friday is 元旦 now, so Monday 10:00
    expect(addWorkingHours(after, sh('2026-12-31 17:00'), 2)).toEqual(sh('2027-01-04 10:00'));
    expect((await agent.get('/api/v1/calendar/years/2027')).body).toMatchObject({ coveredBy: 'manual', days: [{ date: '2027-01-01', kind: 'holiday' }] });

    const [dayAudit] = await auditOf('calendar.day.set', '2027-01-01');
    expect(dayAudit).toMatchObject({ actor_name: '王经理', entity_type: 'calendar_day' });
    expect(dayAudit!.detail).toMatchObject({ kind: 'holiday', name: '元旦', previous: null });
    expect(await auditOf('calendar.year.covered', '2027')).toHaveLength(1);
    // marking twice changes nothing and records nothing
    await manager.post('/api/v1/calendar/years/2027/covered');
    expect(await auditOf('calendar.year.covered', '2027')).toHaveLength(1);
  });

  it('a shipped holiday can be cancelled (normal) and restored by removing the change', async () => {
    const cancel = await manager.post('/api/v1/calendar/days', { date: '2026-10-02', kind: 'normal' });
    expect(cancel.body).toMatchObject({ kind: 'normal', source: 'manual', shipped: { kind: 'holiday', name: '国庆节' } });
    expect(isWorkingDay(await env().app.services.calendar.current(), '2026-10-02')).toBe(true);

    const removed = await del('/api/v1/calendar/days/2026-10-02');
    expect(removed.status).toBe(200);
    expect(isWorkingDay(await env().app.services.calendar.current(), '2026-10-02')).toBe(false);
    const day = (await agent.get('/api/v1/calendar/years/2026')).body.days.find((d: any) => d.date === '2026-10-02');
    expect(day).toMatchObject({ kind: 'holiday', source: 'shipped' });
    expect((await auditOf('calendar.day.remove', '2026-10-02'))[0]!.detail).toMatchObject({ kind: 'normal' });

    expect((await del('/api/v1/calendar/days/2026-10-02')).status).toBe(404);
  });

  it('a year the manager marked can be unmarked; a shipped year cannot', async () => {
    await manager.post('/api/v1/calendar/years/2031/covered');
    const unmarked = await del('/api/v1/calendar/years/2031/covered');
    expect(unmarked.status).toBe(200);
    expect(unmarked.body.covered).not.toContain(2031);
    expect(await auditOf('calendar.year.uncovered', '2031')).toHaveLength(1);

    const shipped = await del('/api/v1/calendar/years/2026/covered');
    expect(shipped.status).toBe(409);
    expect(shipped.body).toMatchObject({ code: 'calendar.year_shipped', title: '2026 年的节假日随系统提供，不能取消“已完成”；如有变动请逐日修改' });
  });

  it('saving the working week changes current() at once, and is audited', async () => {
    const base = (await manager.get('/api/v1/calendar/config')).body;
    const saved = await manager.put('/api/v1/calendar/config', { ...base, lunch: { start: '12:00', end: '13:30' } });
    expect(saved.status).toBe(200);
    const cal = await env().app.services.calendar.current();
    expect(cal.config.lunch).toEqual({ start: '12:00', end: '13:30' });
    expect(workingTimeBetween(cal, sh('2026-10-12 09:00'), sh('2026-10-12 18:00'))).toBe(7.5 * 3_600_000);
    const [audit] = await auditOf('calendar.config', 'calendar');
    expect(audit!.detail).toMatchObject({ lunch: { start: '12:00', end: '13:30' } });
    await manager.put('/api/v1/calendar/config', base);
    expect((await env().app.services.calendar.current()).config.lunch).toBeNull();
  });

  it.each([
    [
      'end before start',
      { timeZone: 'Asia/Shanghai', week: [null, { start: '18:00', end: '09:00' }, null, null, null, null, null], lunch: null },
      'zh-CN',
      [{ path: 'week.1.end', message: '结束时间必须晚于开始时间' }],
    ],
    [
      'lunch outside the working hours',
      { timeZone: 'Asia/Shanghai', week: [null, { start: '09:00', end: '18:00' }, null, null, null, null, null], lunch: { start: '19:00', end: '20:00' } },
      'zh-CN',
      [{ path: 'lunch.start', message: '午休时间必须在工作时间之内' }],
    ],
    [
      'an unknown time zone, in English',
      { timeZone: 'Asia/Atlantis', week: [null, { start: '09:00', end: '18:00' }, null, null, null, null, null], lunch: null },
      'en',
      [{ path: 'timeZone', message: 'Not a valid time zone (e.g. Asia/Shanghai)' }],
    ],
  ])('config refused: %s', async (_, body, lang, errors) => {
    const res = await manager.put('/api/v1/calendar/config', body, { 'accept-language': lang });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(errors);
  });

  it.each([
    [
      'a day that does not exist',
      { date: '2027-02-30', kind: 'holiday', name: '春节' },
      [{ path: 'date', message: '日期不正确，应为 YYYY-MM-DD 且确有这一天' }],
    ],
    [
      'a holiday without a name',
      { date: '2027-02-10', kind: 'holiday', name: '' },
      [{ path: 'name', message: '请填写名称（1-20 个字），例如“元旦”或“春节调休”' }],
    ],
    ['a year out of range', { date: '1999-10-01', kind: 'holiday', name: '国庆节' }, [{ path: 'date', message: '年份应在 2000 到 2100 之间' }]],
  ])('day refused: %s', async (_, body, errors) => {
    const res = await manager.post('/api/v1/calendar/days', body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(errors);
  });

  it('a year out of range is a clear 400', async () => {
    const res = await agent.get('/api/v1/calendar/years/1999');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'year', message: '年份应在 2000 到 2100 之间' }]);
  });
});
