import { beforeAll, expect, it } from 'vitest';
import { call } from './clients';
import { buildComplaint, complaintIn, notificationsOf, step } from './complaint-fixtures';
import { buildCustomer, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const NUMBER = /^KS(\d{8})-(\d{4})$/;
const seq = (n: string) => Number(NUMBER.exec(n)![2]);

describeEachDb('complaint registration', (env) => {
  let officer: Client;
  let manager: Client;
  let agent: Client;
  let otherAgent: Client;

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    otherAgent = await userClient(env(), ['agent'], '刘子豪');
  });

  it('records every field of the form; the registering user is the receiver; both deadlines from the calendar', async () => {
    const customer = (await agent.post('/api/v1/customers', buildCustomer({ name: '李娜' }))).body;
    const res = await agent.post(
      '/api/v1/complaints',
      buildComplaint({
        customerId: customer.id,
        complainantName: '李娜',
        complainantPhone: '138 1234 5678',
        channel: 'on_site',
        category: 'environment',
        severity: 'high',
        major: true,
      }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      state: 'registered',
      receivedAt: '2026-10-09T01:30:00.000Z',
      channel: 'on_site',
      complainantName: '李娜',
      complainantPhone: '13812345678',
      phoneMasked: false,
      customer: { id: customer.id, name: '李娜' },
      category: 'environment',
      severity: 'high',
      major: true,
      receiver: { name: '张晓燕' },
      assignee: null,
      version: 1,
      reopenCount: 0,
      openTransfers: 0,
      openPromises: 0,
      // the agent registers and reads; moving the case is the officer's
      actions: [],
    });
    expect(res.body.number).toMatch(/^KS20261009-\d{4}$/);
    // high severity: the default rules give 2 working hours and 2 working days (the 调休 Saturday 10-10 counts)
    expect(res.body.sla).toMatchObject({
      responseDueAt: '2026-10-09T03:30:00.000Z',
      resolveDueAt: '2026-10-12T10:00:00.000Z',
      status: 'on_track',
      calendarMissingYears: [],
    });
    const officerView = await officer.get(`/api/v1/complaints/${res.body.id}`);
    expect(officerView.body.actions).toEqual(['acknowledge', 'pause', 'transfer', 'assign', 'promise']);
  });

  it('numbers KS<day>-<4 digits>: a counter per day of the department, no gaps under concurrent registration', async () => {
    const bodies = Array.from({ length: 6 }, (_, i) => buildComplaint({ complainantName: `并发${i}` }));
    const results = await Promise.all(bodies.map((b, i) => (i % 2 ? officer : agent).post('/api/v1/complaints', b)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = results.map((r) => r.body.number as string).sort();
    expect(new Set(numbers).size).toBe(6);
    const first = seq(numbers[0]!);
    expect(numbers.map(seq)).toEqual([0, 1, 2, 3, 4, 5].map((i) => first + i));
    // 00:30 on Saturday in Beijing is still Friday in UTC: the department's day counts, and it starts at 0001
    env().clock.set('2026-10-09T16:30:00Z');
    try {
      // a new sign-in: the morning's session has expired by night
      const night = await signIn(env(), officer.username);
      const next = await night.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-10T00:20:00+08:00' }));
      expect(next.body.number).toBe('KS20261010-0001');
      const again = await night.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-10T00:25:00+08:00' }));
      expect(again.body.number).toBe('KS20261010-0002');
    } finally {
      env().clock.set('2026-10-09T02:00:00Z');
    }
  });

  it('refuses a complaint received in the future (a letter may be logged later, never earlier)', async () => {
    const future = await officer.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-09T12:00:00+08:00' }));
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({
      code: 'complaint.received_in_future',
      title: '受理时间不能晚于现在',
      errors: [{ path: 'receivedAt', message: '受理时间不能晚于现在' }],
    });
    const en = await officer.post('/api/v1/complaints', buildComplaint({ receivedAt: '2026-10-10T09:00:00+08:00' }), { 'accept-language': 'en' });
    expect(en.body.title).toBe('Received at cannot be in the future');
    // a letter that arrived on Monday, logged on Friday
    const letter = await officer.post('/api/v1/complaints', buildComplaint({ channel: 'letter', receivedAt: '2026-10-05T16:00:00+08:00' }));
    expect(letter.status).toBe(201);
    expect(letter.body.sla.status).toBe('breached');
  });

  it('refuses a receivedAt too far in the past: a typo of the year must not make deadlines, breaches and clocks over years', async () => {
    const lastYear = await officer.post('/api/v1/complaints', buildComplaint({ receivedAt: '2025-10-09T09:30:00+08:00' }));
    expect(lastYear.status, lastYear.text).toBe(400);
    expect(lastYear.body).toMatchObject({
      code: 'complaint.received_too_early',
      title: '受理时间不能早于 31 天前',
      errors: [{ path: 'receivedAt', message: '受理时间不能早于 31 天前' }],
    });
    const ancient = await officer.post('/api/v1/complaints', buildComplaint({ receivedAt: '0001-01-01T00:00:00Z' }), { 'accept-language': 'en' });
    expect(ancient.status, ancient.text).toBe(400);
    expect(ancient.body.title).toBe('Received at cannot be more than 31 days ago');
    // a letter that took a month to reach the desk is still logged
    const month = await officer.post('/api/v1/complaints', buildComplaint({ channel: 'letter', receivedAt: '2026-09-09T10:00:00+08:00' }));
    expect(month.status, month.text).toBe(201);
  });

  it('says what is wrong with each field, in zh-CN by default and in English on request', async () => {
    const res = await officer.post('/api/v1/complaints', {
      receivedAt: '2026-10-09 09:00',
      channel: 'fax',
      complainantName: '  ',
      complainantPhone: '12345',
      content: '',
      category: 'x',
      severity: 'normal',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('error.validation');
    const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      receivedAt: '时间格式不正确（例如 2026-10-09T10:00:00+08:00）',
      complainantName: '必填',
      complainantPhone: '电话号码格式不正确',
      content: '必填',
    });
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['channel', 'category']));
    const en = await officer.post('/api/v1/complaints', { ...buildComplaint(), content: '' }, { 'accept-language': 'en' });
    expect(en.body.errors).toEqual([{ path: 'content', message: 'Required' }]);
    const unsatisfied = await officer.post(`/api/v1/complaints/${(await complaintIn('resolved', officer, manager)).id}/feedback`, {
      version: 5,
      satisfactionResult: 'unsatisfied',
      satisfactionSpeed: 'fair',
    });
    expect(unsatisfied.body.errors).toEqual([{ path: 'callbackAt', message: '客户不满意时必须约定回电时间' }]);
  });

  it('checks the people, the department and the customer it names', async () => {
    const ghost = '00000000-0000-4000-8000-000000000001';
    const cases: [Record<string, unknown>, string, string][] = [
      [{ customerId: ghost }, 'customerId', '客户不存在或无权查看'],
      [{ departmentId: ghost }, 'departmentId', '部门不存在'],
      [{ receiverId: ghost }, 'receiverId', '人员不存在或已停用'],
      [{ assigneeId: ghost }, 'assigneeId', '人员不存在或已停用'],
      [{ assigneeId: agent.userId }, 'assigneeId', '所选人员没有处理客诉的权限'],
    ];
    for (const [fields, path, message] of cases) {
      const res = await officer.post('/api/v1/complaints', buildComplaint(fields));
      expect(res.status, path).toBe(400);
      expect(res.body.errors).toEqual([{ path, message }]);
    }
    // an agent links only a customer they may see, and may not assign the case
    const theirs = (await otherAgent.post('/api/v1/customers', buildCustomer({ name: '别人的客户' }))).body;
    expect((await agent.post('/api/v1/complaints', buildComplaint({ customerId: theirs.id }))).body.errors[0].path).toBe('customerId');
    expect((await agent.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId }))).status).toBe(403);
    const assigned = await manager.post('/api/v1/complaints', buildComplaint({ assigneeId: officer.userId, receiverId: agent.userId }));
    expect(assigned.body).toMatchObject({ assignee: { id: officer.userId, name: '赵客诉' }, receiver: { id: agent.userId, name: '张晓燕' } });
    const told = await notificationsOf(env(), officer.userId, 'complaint.assigned');
    expect(told.map((n) => n.link)).toContain(`/complaints/${assigned.body.id}`);
  });

  it("puts the case and every step on the customer's timeline, without phone numbers", async () => {
    const customer = (await officer.post('/api/v1/customers', buildCustomer({ name: '周杰' }))).body;
    const c = await complaintIn('closed', officer, manager, { customerId: customer.id, complainantName: '周杰', complainantPhone: '13987654321' });
    const timeline = await officer.get(`/api/v1/customers/${customer.id}/timeline`);
    const lines = timeline.body.items.filter((e: { kind: string }) => e.kind.startsWith('complaint.')).reverse();
    expect(lines.map((e: { kind: string }) => e.kind)).toEqual([
      'complaint.registered',
      'complaint.acknowledged',
      'complaint.verified',
      'complaint.proposed',
      'complaint.resolved',
      'complaint.feedback',
      'complaint.closed',
    ]);
    expect(lines[0].summary).toBe(`登记客诉 ${c.number}（员工/教练/老师，热线电话）`);
    expect(lines[5].summary).toBe(`客诉 ${c.number} 客户反馈：处理结果满意，处理速度基本满意`);
    expect(lines.every((e: { actorName: string }) => e.actorName === '赵客诉')).toBe(true);
    expect(JSON.stringify(timeline.body)).not.toContain('13987654321');
    const en = await officer.get(`/api/v1/customers/${customer.id}/timeline`, { 'accept-language': 'en' });
    expect(en.body.items.find((e: { kind: string }) => e.kind === 'complaint.closed').summary).toBe(`Complaint ${c.number} closed`);
    // the officer's queue filtered by customer
    const list = await officer.get(`/api/v1/complaints?view=all&customerId=${customer.id}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
  });

  it('lists the steps with who, when and their fields', async () => {
    const c = await complaintIn('proposed', officer, manager);
    const res = await officer.get(`/api/v1/complaints/${c.id}/steps`);
    expect(res.body.map((s: { action: string }) => s.action)).toEqual(['register', 'acknowledge', 'verify', 'propose']);
    expect(res.body[2]).toMatchObject({
      fromState: 'acknowledged',
      toState: 'verified',
      actor: { id: officer.userId, name: '赵客诉' },
      data: { investigator: '赵客诉', findings: '核实：教练当日迟到 25 分钟' },
    });
    expect(res.body[3].data).toMatchObject({ compensationFen: 0, needsApproval: false, thresholdFen: 50_000 });
    const audit = await env().handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['complaint.register', 'complaint.acknowledge', 'complaint.verify', 'complaint.propose']);
  });

  it('serves the settings: the defaults of seed 003 附件三 #4 until the manager changes them', async () => {
    const res = await officer.get('/api/v1/complaint-settings');
    expect(res.body).toMatchObject({
      defaults: { responseHours: 2, resolveDays: 3 },
      approvalThresholdFen: 50_000,
      atRiskFraction: 0.8,
      reopenDays: 30,
      followUpDays: [0, 30],
    });
    expect((await officer.put('/api/v1/complaint-settings', res.body)).status).toBe(403);
    const saved = await manager.put('/api/v1/complaint-settings', {
      ...res.body,
      rules: [{ category: 'billing_refund', severity: null, responseHours: 1, resolveDays: 5 }],
    });
    expect(saved.status).toBe(200);
    // new cases take the matching rule; a later settings change does not move their deadlines
    const refund = await officer.post('/api/v1/complaints', buildComplaint({ category: 'billing_refund' }));
    expect(refund.body.sla).toMatchObject({ responseDueAt: '2026-10-09T02:30:00.000Z', resolveDueAt: '2026-10-15T10:00:00.000Z' });
    await manager.put('/api/v1/complaint-settings', res.body);
    expect((await officer.get(`/api/v1/complaints/${refund.body.id}`)).body.sla.resolveDueAt).toBe('2026-10-15T10:00:00.000Z');
    const step1 = await step(officer, refund.body, 'acknowledge', { officerId: officer.userId });
    expect(step1.sla.respondedAt).toBe('2026-10-09T02:00:00.000Z');
  });

  it('OpenAPI lists the complaint and notification routes with their schemas', async () => {
    const doc = (await call(env(), { url: '/api/openapi.json' })).body;
    const paths = [
      ['post', '/api/v1/complaints'],
      ['get', '/api/v1/complaints'],
      ['get', '/api/v1/complaints/{id}'],
      ['get', '/api/v1/complaints/{id}/steps'],
      ...['acknowledge', 'verify', 'propose', 'approve', 'reject', 'resolve', 'feedback', 'close', 'reopen', 'pause', 'resume', 'assign'].map((a) => [
        'post',
        `/api/v1/complaints/{id}/${a}`,
      ]),
      ['post', '/api/v1/complaints/{id}/transfers'],
      ['get', '/api/v1/complaints/{id}/transfers'],
      ['get', '/api/v1/complaint-transfers'],
      ['post', '/api/v1/complaint-transfers/{id}/answer'],
      ['post', '/api/v1/complaints/{id}/promises'],
      ['get', '/api/v1/complaint-promises'],
      ['post', '/api/v1/complaint-promises/{id}/keep'],
      ['get', '/api/v1/complaints/{id}/follow-ups'],
      ['post', '/api/v1/complaint-follow-ups/{id}/done'],
      ['get', '/api/v1/complaint-settings'],
      ['put', '/api/v1/complaint-settings'],
      ['get', '/api/v1/notifications'],
      ['post', '/api/v1/notifications/{id}/read'],
      ['post', '/api/v1/notifications/read-all'],
    ] as const;
    expect(paths.filter(([m, p]) => !doc.paths[p]?.[m]).map(([m, p]) => `${m} ${p}`)).toEqual([]);
    const body = doc.paths['/api/v1/complaints'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['receivedAt', 'channel', 'complainantName', 'complainantPhone', 'customerId', 'content', 'category', 'severity', 'major']),
    );
  });
});
