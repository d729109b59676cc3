import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, uniqueMobile, userClient, type Client } from './factories';
import { rawClient, readXlsx } from './files';
import { describeEachDb } from './helpers';

describeEachDb('customer export', (env) => {
  let agent: Client;
  let supervisor: Client;
  let otherSupervisor: Client;
  let manager: Client;
  let handler: Client;
  const tag = `导出${randomBytes(3).toString('hex')}`;
  const agentsMobile = uniqueMobile();
  const supervisorsMobile = uniqueMobile();

  beforeAll(async () => {
    agent = await userClient(env(), ['agent'], '张晓燕');
    supervisor = await userClient(env(), ['supervisor'], '李主管');
    otherSupervisor = await userClient(env(), ['supervisor'], '赵主管');
    manager = await userClient(env(), ['manager'], '王经理');
    handler = await userClient(env(), ['handler'], '周前台');
    expect(
      (await agent.post('/api/v1/customers', buildCustomer({ name: '甲客户', mobile: agentsMobile, tags: [tag], otherPhones: ['010-88886666'] }))).status,
    ).toBe(201);
    expect(
      (await manager.post('/api/v1/customers', buildCustomer({ name: '乙客户', mobile: supervisorsMobile, tags: [tag], ownerId: supervisor.userId }))).status,
    ).toBe(201);
    expect((await manager.post('/api/v1/customers', buildCustomer({ name: '丙客户', tags: ['别的标签'] }))).status).toBe(201);
  });

  const request = (c: Client, reason = '年度客户回访，需要名单') => c.post('/api/v1/customer-exports', { reason, filter: { tag } });

  it('request -> approval -> download: the file says who, when and who approved; numbers masked as for the requester', async () => {
    const req = await request(supervisor);
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'pending', requestedByName: '李主管', filter: { tag }, abilities: { approve: false, download: false } });
    const id = req.body.id;

    const early = await (await rawClient(env(), supervisor)).get(`/api/v1/customer-exports/${id}/file`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('export.not_approved');
    expect((await supervisor.post(`/api/v1/customer-exports/${id}/approve`, {})).status).toBe(403);
    expect((await supervisor.get('/api/v1/customer-exports?scope=all')).status).toBe(403);
    expect((await supervisor.get('/api/v1/customer-exports')).body.items.map((i: any) => i.id)).toContain(id);

    const pending = await manager.get('/api/v1/customer-exports?scope=pending');
    expect(pending.body.items.find((i: any) => i.id === id)).toMatchObject({ status: 'pending', abilities: { approve: true, reject: true, download: false } });
    const approved = await manager.post(`/api/v1/customer-exports/${id}/approve`, { note: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedByName: '王经理', decisionNote: '同意' });
    expect((await manager.get('/api/v1/customer-exports?scope=pending')).body.items.map((i: any) => i.id)).not.toContain(id);

    // only the requester downloads
    expect((await (await rawClient(env(), manager)).get(`/api/v1/customer-exports/${id}/file`)).status).toBe(404);
    expect((await otherSupervisor.get(`/api/v1/customer-exports/${id}`)).status).toBe(404);

    const file = await (await rawClient(env(), supervisor)).get(`/api/v1/customer-exports/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="customers-export-202610091000.xlsx"; filename*=UTF-8''${encodeURIComponent('客户档案导出-202610091000.xlsx')}`,
    );
    const rows = await readXlsx(file.raw);
    expect(rows.slice(0, 4)).toEqual([
      ['导出人', `李主管（${supervisor.username}）`],
      ['导出时间', '2026-10-09 10:00:00'],
      ['审批人', '王经理'],
      ['导出理由', '年度客户回访，需要名单'],
    ]);
    expect(rows[6]!.slice(0, 5)).toEqual(['姓名', '称呼', '性别', '手机号', '其他电话']);
    const data = rows.slice(7).map((r) => [r[0], r[3], r[4], r[14]]);
    expect(data).toHaveLength(2);
    expect(data).toEqual(
      expect.arrayContaining([
        ['甲客户', `${agentsMobile.slice(0, 3)}****${agentsMobile.slice(7)}`, '010****6666', '张晓燕'],
        ['乙客户', supervisorsMobile, '', '李主管'],
      ]),
    );
    // the masked number appears nowhere in the file, in any cell
    const everything = rows.flat().join('|');
    expect(everything).not.toContain(agentsMobile);
    expect(everything).not.toContain('01088886666');

    const after = await supervisor.get(`/api/v1/customer-exports/${id}`);
    expect(after.body).toMatchObject({ status: 'downloaded', rowCount: 2, abilities: { download: true } });
    const audit = await manager.get(`/api/v1/audit-log?entityId=${id}`);
    expect(audit.body.items.map((a: any) => [a.action, a.actorName])).toEqual([
      ['export.download', '李主管'],
      ['export.approve', '王经理'],
      ['export.request', '李主管'],
    ]);
    expect(audit.body.items[0].detail).toMatchObject({ rowCount: 2 });
  });

  it('the owner of every exported customer sees the numbers in full; a manager cannot approve their own request', async () => {
    const own = await request(manager, '经理自己导出');
    const self = await manager.post(`/api/v1/customer-exports/${own.body.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('export.self_approve');
    expect(self.body.detail).toBe('不能批准自己的导出申请');
    expect((await manager.get(`/api/v1/customer-exports/${own.body.id}`)).body).toMatchObject({ status: 'pending', abilities: { approve: false } });
  });

  it('a rejected request cannot be downloaded nor approved afterwards', async () => {
    const req = await request(supervisor, '想看看');
    const rejected = await manager.post(`/api/v1/customer-exports/${req.body.id}/reject`, { note: '理由不充分' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '理由不充分' });
    const file = await (await rawClient(env(), supervisor)).get(`/api/v1/customer-exports/${req.body.id}/file`);
    expect(file.status).toBe(409);
    expect(file.body.code).toBe('export.not_approved');
    const late = await manager.post(`/api/v1/customer-exports/${req.body.id}/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('export.invalid_state');
    const logged = await manager.get(`/api/v1/audit-log?entityId=${req.body.id}&action=export.reject`);
    expect(logged.body.items).toHaveLength(1);
  });

  it('needs a reason; agents and department handlers may not request (403), nor anyone read without a session (401)', async () => {
    const noReason = await supervisor.post('/api/v1/customer-exports', { reason: ' ', filter: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].message).toBe('请填写导出理由（至少 2 个字）');
    expect((await request(agent)).status).toBe(403);
    const id = (await request(supervisor)).body.id;
    for (const [method, url] of [
      ['POST', '/api/v1/customer-exports'],
      ['GET', '/api/v1/customer-exports'],
      ['GET', `/api/v1/customer-exports/${id}`],
      ['POST', `/api/v1/customer-exports/${id}/approve`],
      ['POST', `/api/v1/customer-exports/${id}/reject`],
      ['GET', `/api/v1/customer-exports/${id}/file`],
    ] as const) {
      const res = method === 'GET' ? await handler.get(url) : await handler.post(url, { reason: '需要', filter: {} });
      expect(res.status, `${method} ${url}`).toBe(403);
      const anon = await env().app.inject({ method, url, payload: method === 'POST' ? { reason: '需要', filter: {} } : undefined });
      expect(anon.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('export file name', () => {
  it('is encoded per RFC 5987', async () => {
    const { contentDisposition } = await import('../src/modules/customer-export/customer-export.sheet');
    expect(contentDisposition("客户(1)'s.xlsx", 'c.xlsx')).toBe('attachment; filename="c.xlsx"; filename*=UTF-8\'\'%E5%AE%A2%E6%88%B7%281%29%27s.xlsx');
  });
});
