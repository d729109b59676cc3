import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { signIn, userClient, type Client } from './factories';
import { rawClient } from './files';
import { COMPLETE, customerFor, detail, insertTask, press, record } from './follow-up-fixtures';
import { describeEachDb } from './helpers';

/**
 * A small fixed data set for November 2026 (seed 000 #6/#10 KPIs), figures worked out by hand:
 * agent 甲 owns c1..c5; 乙 owns c6.
 *  t1 甲 monthly_coverage c1: reached, complete                       -> attempted, reached, compliant
 *  t2 甲 monthly_coverage c2: no answer (still open)                  -> attempted
 *  t3 甲 after_service   c3: reached, invited, spot check failed     -> attempted, reached, asked+invited
 *  t4 甲 campaign G      c4: call back (rescheduled: not counted); its callback reached later that day, not invited
 *  t5 乙 campaign G      c6: refused                                   -> attempted
 *  t0 甲 in October: reached (outside the period)
 */
describeEachDb('follow-up KPIs', (env) => {
  let manager: Client;
  let a: Client;
  let b: Client;
  let campaignId: string;

  const build = async () => {
    if (campaignId) return;
    manager = await userClient(env(), ['manager'], '张经理');
    a = await userClient(env(), ['agent'], '甲专员');
    b = await userClient(env(), ['agent'], '乙专员');
    const cs = [];
    for (const name of ['客一', '客二', '客三', '客四', '客五']) cs.push(await customerFor(manager, a.userId, name));
    const c6 = await customerFor(manager, b.userId, '客六');
    const g = await manager.post('/api/v1/follow-up-campaigns', {
      name: '十一月保养提醒',
      purpose: 'maintenance',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
    });
    campaignId = g.body.id;
    const t0 = await insertTask(env(), { customerId: cs[4]!.id, assigneeId: a.userId });
    await record(a, t0);
    await press(a, t0, 'reached');
    // a month later: the sessions of October have ended, everyone signs in again
    env().clock.set('2026-11-10T02:00:00Z');
    [manager, a, b] = await Promise.all([signIn(env(), manager.username), signIn(env(), a.username), signIn(env(), b.username)]);
    const t1 = await insertTask(env(), { customerId: cs[0]!.id, assigneeId: a.userId, rule: 'monthly_coverage' });
    const t2 = await insertTask(env(), { customerId: cs[1]!.id, assigneeId: a.userId, rule: 'monthly_coverage' });
    const t3 = await insertTask(env(), { customerId: cs[2]!.id, assigneeId: a.userId, rule: 'after_service' });
    const t4 = await insertTask(env(), { customerId: cs[3]!.id, assigneeId: a.userId, rule: null, campaignId });
    const t5 = await insertTask(env(), { customerId: c6.id, assigneeId: b.userId, rule: null, campaignId });
    await record(a, t1);
    expect((await press(a, t1, 'reached')).status).toBe(201);
    await press(a, t2, 'no_answer');
    await record(a, t3, { ...COMPLETE, satisfaction: 4, invited: true });
    await press(a, t3, 'reached');
    const { record: r3 } = await detail(manager, t3);
    expect((await manager.post(`/api/v1/follow-up-tasks/${t3}/check`, { ok: false, note: '未核对车辆信息', version: r3.version })).status).toBe(200);
    await press(a, t4, 'call_back', { callbackAt: '2026-11-10T16:00:00+08:00' });
    await press(b, t5, 'refused');
    env().clock.set('2026-11-10T09:00:00Z');
    const t4b = (await a.get(`/api/v1/follow-up-tasks?customerId=${cs[3]!.id}`)).body.items[0].id;
    await record(a, t4b, { ...COMPLETE, satisfaction: 3, invited: false });
    expect((await press(a, t4b, 'reached')).status).toBe(201);
  };

  it('by agent: success, compliance, invitation and coverage, exactly', async () => {
    await build();
    const res = await manager.get('/api/v1/follow-up-kpis?by=agent&from=2026-11-01&to=2026-11-30');
    expect(res.status, res.text).toBe(200);
    const row = (id: string) => res.body.rows.find((r: { key: string }) => r.key === id);
    expect(row(a.userId)).toEqual({
      key: a.userId,
      label: '甲专员',
      attempted: 4,
      reached: 3,
      successRate: 0.75,
      successTarget: 0.95,
      compliant: 2,
      complianceRate: 0.6667,
      invitationAsked: 2,
      invited: 1,
      invitationRate: 0.5,
      owned: 5,
      covered: 3,
      coverageRate: 0.6,
    });
    expect(row(b.userId)).toMatchObject({ attempted: 1, reached: 0, successRate: 0, complianceRate: null, owned: 1, covered: 0, coverageRate: 0 });
    expect(res.body.total).toMatchObject({ attempted: 5, reached: 3, successRate: 0.6 });
    expect(res.body.targets).toMatchObject({ satisfactionSuccess: 0.95, maintenanceSuccess: 0.9, compliance: 0.9 });
    // October holds only t0
    const oct = await manager.get('/api/v1/follow-up-kpis?by=agent&from=2026-10-01&to=2026-10-31');
    expect(oct.body.rows.find((r: { key: string }) => r.key === a.userId)).toMatchObject({ attempted: 1, reached: 1, owned: 5, covered: 1 });
  });

  it('by rule and by campaign, with the campaign purpose’s target', async () => {
    await build();
    const rules = (await manager.get('/api/v1/follow-up-kpis?by=rule&from=2026-11-01&to=2026-11-30')).body.rows;
    const rule = (k: string) => rules.find((r: { key: string }) => r.key === k);
    expect(rule('monthly_coverage')).toMatchObject({ attempted: 2, reached: 1, successRate: 0.5, label: '每位客户每月至少回访一次' });
    expect(rule('after_service')).toMatchObject({ attempted: 1, reached: 1, compliant: 0, complianceRate: 0 });
    expect(rule('manual')).toMatchObject({ attempted: 2, reached: 1, label: '手工任务' });
    const campaigns = (await manager.get('/api/v1/follow-up-kpis?by=campaign&from=2026-11-01&to=2026-11-30')).body.rows;
    expect(campaigns.find((r: { key: string }) => r.key === campaignId)).toMatchObject({
      label: '十一月保养提醒',
      attempted: 2,
      reached: 1,
      successRate: 0.5,
      successTarget: 0.9,
    });
    expect(campaigns.find((r: { key: string }) => r.key === 'none')).toMatchObject({ attempted: 3, reached: 2 });
  });

  it('targets are settings: a new compliance target is returned with the KPIs', async () => {
    await build();
    const s = (await manager.get('/api/v1/follow-up-settings')).body;
    const saved = await manager.put('/api/v1/follow-up-settings', { ...s, maxAttempts: 4, targets: { ...s.targets, compliance: 0.85 } });
    expect(saved.status, saved.text).toBe(200);
    expect((await manager.get('/api/v1/follow-up-kpis?from=2026-11-01&to=2026-11-30')).body.targets.compliance).toBe(0.85);
    expect((await manager.put('/api/v1/follow-up-settings', { ...s, maxAttempts: 0 })).status).toBe(400);
    expect((await a.put('/api/v1/follow-up-settings', s)).status).toBe(403);
    await manager.put('/api/v1/follow-up-settings', s);
  });

  it('the campaign summary report: figures, the written summary, and its xlsx', async () => {
    await build();
    const g = (await manager.get(`/api/v1/follow-up-campaigns/${campaignId}`)).body;
    const patched = await manager.patch(`/api/v1/follow-up-campaigns/${campaignId}`, {
      version: g.version,
      summary: '本月保养提醒成功率偏低，拒访客户需复核。',
    });
    expect(patched.status, patched.text).toBe(200);
    expect((await manager.patch(`/api/v1/follow-up-campaigns/${campaignId}`, { version: g.version, summary: 'x' })).status).toBe(409);
    const report = (await manager.get(`/api/v1/follow-up-campaigns/${campaignId}/report`)).body;
    expect(report).toMatchObject({
      statuses: { rescheduled: 1, done: 1, refused: 1 },
      outcomes: { call_back: 1, reached: 1, refused: 1 },
      averageSatisfaction: 3,
      issues: 0,
      complaints: 0,
      total: { attempted: 2, reached: 1, successRate: 0.5, successTarget: 0.9 },
    });
    expect(report.campaign.summary).toBe('本月保养提醒成功率偏低，拒访客户需复核。');
    const raw = await rawClient(env(), manager);
    const res = await raw.get(`/api/v1/follow-up-campaigns/${campaignId}/report.xlsx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const ws = wb.worksheets[0]!;
    const values = new Map<string, unknown>();
    ws.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('成功率')).toBe(0.5);
    expect(values.get('目标成功率')).toBe(0.9);
    expect(values.get('任务数')).toBe(3);
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('本月保养提醒成功率偏低，拒访客户需复核。');
    const agents = wb.worksheets[1]!;
    const names: unknown[] = [];
    agents.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toEqual(expect.arrayContaining(['甲专员', '乙专员', '合计']));
    const kpi = await raw.get('/api/v1/follow-up-kpis.xlsx?by=agent&from=2026-11-01&to=2026-11-30');
    expect(kpi.status).toBe(200);
    const kwb = new ExcelJS.Workbook();
    await kwb.xlsx.load(kpi.raw as never);
    let found: unknown[] = [];
    kwb.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).value === '甲专员') found = [2, 3, 4, 6, 7, 8, 9, 10].map((i) => row.getCell(i).value);
    });
    expect(found).toEqual([4, 3, 0.75, 0.6667, 0.5, 5, 3, 0.6]);
    expect((await a.get(`/api/v1/follow-up-campaigns/${campaignId}/report`)).status).toBe(403);
  });
});
