import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './clients';
import { CaseDriver, type Kase } from './complaint-report-cases';
import { userClient, type Client } from './factories';
import { rawClient } from './files';
import { describeEachDb } from './helpers';

const zero = (keys: string[], counts: Record<string, number>) => keys.map((key) => ({ key, count: counts[key] ?? 0 }));
const CATEGORIES = ['product', 'service_attitude', 'environment', 'staff', 'booking_unavailable', 'billing_refund', 'logistics', 'other'];

describeEachDb('complaint reports', (env) => {
  let officer: Client;
  let manager: Client;
  let agent: Client;
  let cases: CaseDriver;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };

  beforeAll(async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    officer = await userClient(env(), ['complaints'], '赵客诉');
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张坐席');
    const admin = await userClient(env(), ['admin'], '管理员');
    deptA = (await admin.post('/api/v1/departments', { name: `运营部${Date.now() % 1000}` })).body;
    deptB = (await admin.post('/api/v1/departments', { name: `财务部${Date.now() % 1000}` })).body;
    cases = new CaseDriver(env, officer);
  });

  describe('counts by every dimension, weeks and months in Beijing time (April 2026)', () => {
    const made: Record<string, Kase> = {};
    beforeAll(async () => {
      // 04-01 00:30 Beijing is still 03-31 in UTC: it is April's
      made.c6 = await cases.register('2026-04-01T00:30:00+08:00', { category: 'logistics', channel: 'letter' });
      made.c1 = await cases.register('2026-04-13T10:00:00+08:00', { category: 'product', departmentId: deptA.id });
      made.c2 = await cases.register('2026-04-14T10:00:00+08:00', {
        category: 'product',
        severity: 'high',
        channel: 'email',
        departmentId: deptB.id,
        major: true,
      });
      let c3 = await cases.register('2026-04-15T10:00:00+08:00', {
        category: 'service_attitude',
        severity: 'urgent',
        channel: 'on_site',
        departmentId: deptA.id,
        major: true,
      });
      c3 = await cases.handle(c3, { acknowledge: '2026-04-15T10:20:00+08:00', resolve: '2026-04-15T16:00:00+08:00' });
      c3 = await cases.feedback(c3, '2026-04-16T10:00:00+08:00', 'satisfied', 'satisfied');
      made.c3 = await cases.step(c3, 'close', '2026-04-16T10:05:00+08:00', { note: '结案' });
      // Sunday 23:30 in Beijing belongs to the week that Sunday ends
      made.c4 = await cases.register('2026-04-19T23:30:00+08:00', { category: 'staff', severity: 'low', channel: 'chat' });
      // Monday 00:30 in Beijing (still Sunday in UTC) starts the next week
      made.c5 = await cases.register('2026-04-20T00:30:00+08:00', { category: 'product', departmentId: deptA.id });
      made.c7 = await cases.register('2026-03-31T23:30:00+08:00', { category: 'other' });
      env().clock.set('2026-10-09T02:00:00Z');
    });

    it('the week of 13-19 April: four cases, each dimension counted, majors listed', async () => {
      const res = await manager.get('/api/v1/complaint-reports/summary?period=week&date=2026-04-15');
      expect(res.status, res.text).toBe(200);
      const r = res.body;
      expect(r).toMatchObject({ period: 'week', from: '2026-04-13', to: '2026-04-19', timeZone: 'Asia/Shanghai', total: 4, open: 3, closed: 1, major: 2 });
      expect(r.byCategory).toEqual(zero(CATEGORIES, { product: 2, service_attitude: 1, staff: 1 }));
      expect(r.bySeverity).toEqual(zero(['low', 'normal', 'high', 'urgent'], { low: 1, normal: 1, high: 1, urgent: 1 }));
      expect(r.byChannel).toEqual(zero(['hotline', 'on_site', 'email', 'chat', 'letter', 'other'], { hotline: 1, email: 1, on_site: 1, chat: 1 }));
      expect(r.byDepartment).toEqual([
        { id: deptA.id, name: deptA.name, count: 2 },
        { id: deptB.id, name: deptB.name, count: 1 },
        { id: null, name: null, count: 1 },
      ]);
      expect(r.majorCases.map((m: { number: string }) => m.number)).toEqual([made.c2!.number, made.c3!.number]);
      expect(r.majorCases[1]).toMatchObject({
        state: 'closed',
        category: 'service_attitude',
        severity: 'urgent',
        departmentName: deptA.name,
        complainantName: '李女士',
      });
    });

    it('any day of the week gives the same week; the next week starts on Monday 00:00 Beijing', async () => {
      for (const date of ['2026-04-13', '2026-04-19'])
        expect((await officer.get(`/api/v1/complaint-reports/summary?period=week&date=${date}`)).body.total).toBe(4);
      const next = (await officer.get('/api/v1/complaint-reports/summary?period=week&date=2026-04-20')).body;
      expect(next).toMatchObject({ from: '2026-04-20', to: '2026-04-26', total: 1 });
      expect(next.byCategory.find((c: { key: string }) => c.key === 'product').count).toBe(1);
    });

    it('the month of April: from 1 April 00:00 to 30 April 24:00 Beijing', async () => {
      const r = (await manager.get('/api/v1/complaint-reports/summary?period=month&date=2026-04-30')).body;
      expect(r).toMatchObject({ from: '2026-04-01', to: '2026-04-30', total: 6, open: 5, closed: 1, major: 2 });
      expect(r.byCategory).toEqual(zero(CATEGORIES, { product: 3, service_attitude: 1, staff: 1, logistics: 1 }));
      expect(r.byDepartment[0]).toEqual({ id: deptA.id, name: deptA.name, count: 3 });
      const march = (await manager.get('/api/v1/complaint-reports/summary?period=month&date=2026-03-01')).body;
      expect(march).toMatchObject({ total: 1, byCategory: expect.arrayContaining([{ key: 'other', count: 1 }]) });
    });

    it('the xlsx: who exported it and when, the figures, every case of the period, the majors; audited', async () => {
      const file = await (await rawClient(env(), manager)).get('/api/v1/complaint-reports/summary.xlsx?period=month&date=2026-04-15');
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="complaints-2026-04-01-2026-04-30.xlsx"; filename*=UTF-8''${encodeURIComponent('客诉报表-2026-04-01至2026-04-30.xlsx')}`,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.raw as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '客诉清单', '重大投诉']);
      const rows = sheetRows(wb.worksheets[0]!);
      expect(rows.slice(0, 4)).toEqual([
        ['客诉月报（2026-04）'],
        ['导出人', `王经理（${manager.username}）`],
        ['导出时间', '2026-10-09 10:00'],
        ['数据截至', '2026-10-09 10:00'],
      ]);
      const byLabel = (label: string) => rows.find((r) => r[0] === label);
      expect(byLabel('受理客诉')).toEqual(['受理客诉', 6]);
      expect(byLabel('已结案')).toEqual(['已结案', 1]);
      expect(byLabel('产品质量')).toEqual(['产品质量', 3, 0.5]);
      expect(byLabel(deptA.name)).toEqual([deptA.name, 3, 0.5]);
      expect(byLabel('未指定部门')).toEqual(['未指定部门', 2, 2 / 6]);
      const list = sheetRows(wb.worksheets[1]!);
      expect(list[0]!.slice(0, 3)).toEqual(['编号', '受理时间', '渠道']);
      expect(list.slice(1).map((r) => r[0])).toEqual([made.c6, made.c1, made.c2, made.c3, made.c4, made.c5].map((c) => c!.number));
      expect(list[1]!.slice(1, 3)).toEqual(['2026-04-01 00:30', '信件']);
      expect(
        sheetRows(wb.worksheets[2]!)
          .slice(1)
          .map((r) => r[0]),
      ).toEqual([made.c2!.number, made.c3!.number]);
      const audit = await env().handle.db.selectFrom('audit_log').select(['actor_name', 'detail']).where('action', '=', 'complaint_report.export').execute();
      expect(audit.map((a) => [a.actor_name, (a.detail as { rows: number }).rows])).toContainEqual(['王经理', 6]);
    });
  });

  it('deadlines kept vs breached and satisfaction shares (June 2026)', async () => {
    const at = (s: string) => `2026-06-${s}+08:00`;
    const me = officer.userId;
    // three cases on Tuesday 06-09 09:30: response due 11:30, resolution due Friday 06-12 18:00
    let s1 = await cases.register(at('09T09:30:00'));
    let s2 = await cases.register(at('09T09:30:00'));
    await cases.register(at('09T09:30:00')); // s3: never answered
    const upToProposal = async (c: Kase, when: string) => {
      c = await cases.step(c, 'acknowledge', when);
      c = await cases.step(c, 'verify', when, { investigatorId: me, findings: '属实' });
      return cases.step(c, 'propose', when, { proposal: '补课', responsibleId: me });
    };
    s1 = await upToProposal(s1, at('09T10:00:00')); // answered in time
    s2 = await upToProposal(s2, at('09T15:00:00')); // answered late
    let s6 = await cases.register(at('10T09:00:00')); // resolution due Monday 06-15 18:00
    s6 = await upToProposal(s6, at('10T09:30:00'));
    s1 = await cases.step(s1, 'resolve', at('10T10:00:00'), { handlerId: me, result: '已补课' });
    await cases.feedback(s1, at('10T11:00:00'), 'satisfied', 'fair');
    s2 = await cases.step(s2, 'resolve', at('15T10:00:00'), { handlerId: me, result: '已补课' }); // late
    await cases.feedback(s2, at('15T11:00:00'), 'unsatisfied', 'satisfied');
    const s5 = await cases.register(at('16T09:00:00'));
    await cases.step(s5, 'pause', at('16T09:10:00'), { reason: '等待客户提供收据' }); // waiting for the customer: not breached
    s6 = await cases.step(s6, 'resolve', at('16T10:00:00'), { handlerId: me, result: '已补课' }); // late
    await cases.feedback(s6, at('16T10:30:00'), 'fair', 'fair');
    await cases.register(at('16T11:00:00')); // s4: just received
    env().clock.set(at('16T11:30:00'));

    const r = (await officer.get('/api/v1/complaint-reports/summary?period=month&date=2026-06-16')).body;
    expect(r).toMatchObject({ total: 6, open: 6, closed: 0, asOf: '2026-06-16T03:30:00.000Z' });
    expect(r.sla).toEqual({ response: { kept: 2, breached: 2, pending: 2 }, resolve: { kept: 1, breached: 3, pending: 2 } });
    expect(r.satisfaction).toEqual({
      result: { satisfied: 1, fair: 1, unsatisfied: 1, total: 3 },
      speed: { satisfied: 1, fair: 2, unsatisfied: 0, total: 3 },
    });
    // the late answer was recorded as a breach by the step itself
    const breaches = await env().handle.db.selectFrom('complaint_breaches').select('kind').where('complaint_id', '=', s2.id).execute();
    expect(breaches.map((b) => b.kind).sort()).toEqual(['resolve', 'response']);
    env().clock.set('2026-10-09T02:00:00Z');
  });

  it('monthly root causes: the figures beside the text; versioned save, 409 on a stale version; audited', async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    const empty = await officer.get('/api/v1/complaint-reports/root-cause/2026-10');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      month: '2026-10',
      analysis: '',
      version: 0,
      updatedBy: null,
      report: { period: 'month', from: '2026-10-01', to: '2026-10-31' },
    });

    const first = await officer.put('/api/v1/complaint-reports/root-cause/2026-10', { analysis: '  本月约课类投诉最多，集中在周末晚间。 ', version: 0 });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      analysis: '本月约课类投诉最多，集中在周末晚间。',
      version: 1,
      updatedBy: { id: officer.userId, name: '赵客诉' },
      updatedAt: '2026-10-09T02:00:00.000Z',
    });

    // the manager opened the page before the first save: their save is refused, nothing changes
    const stale = await manager.put('/api/v1/complaint-reports/root-cause/2026-10', { analysis: '经理的补充', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'complaint_report.version_conflict', detail: '该月的原因分析刚被他人修改过，请刷新后再保存' });
    const second = await manager.put('/api/v1/complaint-reports/root-cause/2026-10', { analysis: '约课类最多；建议周末增开晚间课程。', version: 1 });
    expect(second.body).toMatchObject({ version: 2, updatedBy: { name: '王经理' } });
    expect((await officer.put('/api/v1/complaint-reports/root-cause/2026-10', { analysis: '旧稿', version: 1 })).status).toBe(409);
    expect((await officer.get('/api/v1/complaint-reports/root-cause/2026-10')).body).toMatchObject({
      analysis: '约课类最多；建议周末增开晚间课程。',
      version: 2,
    });

    const audit = await env()
      .handle.db.selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'complaint_report.root_cause')
      .where('entity_id', '=', '2026-10')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.actor_name, (a.detail as { version: number }).version])).toEqual([
      ['赵客诉', 1],
      ['王经理', 2],
    ]);
    // a month that has not begun has nothing to analyse; a month that is not a month does not exist (as a malformed id)
    expect((await officer.put('/api/v1/complaint-reports/root-cause/2026-11', { analysis: '预写', version: 0 })).body.code).toBe(
      'complaint_report.future_month',
    );
    expect((await officer.get('/api/v1/complaint-reports/root-cause/2026-13')).status).toBe(404);

    // the month's xlsx carries the analysis
    const file = await (await rawClient(env(), officer)).get('/api/v1/complaint-reports/summary.xlsx?period=month&date=2026-10-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.raw as never);
    expect(sheetRows(wb.getWorksheet('原因分析')!)).toEqual([
      ['撰写人', '王经理'],
      ['日期', '2026-10-09 10:00'],
      ['原因分析', '约课类最多；建议周末增开晚间课程。'],
    ]);
  });

  it('every route of the reports checks who is calling: 401 without a session, 403 without the permission whatever the input', async () => {
    const routes: { method: 'GET' | 'PUT'; url: string; path: string }[] = [
      { method: 'GET', url: '/api/v1/complaint-reports/summary?period=week', path: '/api/v1/complaint-reports/summary' },
      { method: 'GET', url: '/api/v1/complaint-reports/summary.xlsx?period=month', path: '/api/v1/complaint-reports/summary.xlsx' },
      { method: 'GET', url: '/api/v1/complaint-reports/root-cause/2026-10', path: '/api/v1/complaint-reports/root-cause/{month}' },
      { method: 'PUT', url: '/api/v1/complaint-reports/root-cause/2026-10', path: '/api/v1/complaint-reports/root-cause/{month}' },
      { method: 'GET', url: '/api/v1/complaints/00000000-0000-4000-8000-000000000000/record.pdf', path: '/api/v1/complaints/{id}/record.pdf' },
    ];
    const doc = (await call(env(), { url: '/api/openapi.json' })).body as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/complaint-reports/') || p.endsWith('/record.pdf'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(served.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    const admin = await userClient(env(), ['admin'], '系统管理员');
    for (const r of routes) {
      expect((await call(env(), { method: r.method, url: r.url, body: r.method === 'PUT' ? {} : undefined })).status, `${r.method} ${r.url}`).toBe(401);
      const res = r.method === 'GET' ? await admin.get(r.url) : await admin.put(r.url, { nonsense: true });
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('without complaint:report: 403 for the figures, the files and the analysis', async () => {
    expect((await agent.get('/api/v1/complaint-reports/summary')).status).toBe(403);
    expect((await (await rawClient(env(), agent)).get('/api/v1/complaint-reports/summary.xlsx')).status).toBe(403);
    expect((await agent.get('/api/v1/complaint-reports/root-cause/2026-10')).status).toBe(403);
    expect((await agent.put('/api/v1/complaint-reports/root-cause/2026-10', { analysis: 'x', version: 0 })).status).toBe(403);
  });
});

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
