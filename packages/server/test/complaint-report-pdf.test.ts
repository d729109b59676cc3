import { inflateSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { CaseDriver, type Kase } from './complaint-report-cases';
import { systemCtx } from '../src/lib/context';
import { PASSWORD, signIn, userClient, type Client } from './factories';
import { describeEachDb, type TestEnv } from './helpers';

/**
 * The text of a pdfkit PDF: its fonts are embedded subsets whose glyph codes are mapped back to
 * Unicode by their ToUnicode CMaps; the page contents draw those codes with TJ. Enough to read what
 * a form says, without asserting anything about its bytes.
 */
function pdfText(pdf: Buffer): string {
  const latin = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of latin.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, latin.indexOf('endstream', start));
    try {
      streams.push((m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // an image or a font program that is not deflated text: not ours to read
    }
  }
  const glyphs = new Map<string, string>();
  for (const cmap of streams.filter((s) => s.includes('beginbfrange'))) {
    for (const [, start, list] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
      [...list!.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, hex], i) => {
        const chars = hex!.split(' ').map((h) => String.fromCharCode(parseInt(h, 16)));
        glyphs.set((parseInt(start!, 16) + i).toString(16).padStart(4, '0'), chars.join(''));
      });
    }
  }
  const lines: string[] = [];
  for (const content of streams.filter((s) => /\bTJ\b/.test(s))) {
    for (const [, array] of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const codes = [...array!.matchAll(/<([0-9a-f]+)>/gi)].map(([, hex]) => hex!.match(/.{4}/g) ?? []);
      lines.push(
        codes
          .flat()
          .map((c) => glyphs.get(c.toLowerCase()) ?? '?')
          .join(''),
      );
    }
  }
  return lines.join('\n');
}

/** GET as this user, in a language, with the raw bytes of the answer. */
async function rawGet(env: TestEnv, client: Client, url: string, lang = 'zh-CN') {
  const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: client.username, password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'kefu_session')!.value;
  const r = await env.app.inject({ method: 'GET', url, cookies: { kefu_session: cookie }, headers: { 'accept-language': lang } });
  return { status: r.statusCode, headers: r.headers, raw: r.rawPayload };
}

describeEachDb('complaint record form (PDF)', (env) => {
  let officer: Client;
  let agent: Client;
  let otherAgent: Client;
  let handler: Client;
  let otherHandler: Client;
  let admin: Client;
  let closed: Kase;
  let agents: Kase;

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    agent = await userClient(env(), ['agent'], '张坐席');
    otherAgent = await userClient(env(), ['agent'], '钱坐席');
    admin = await userClient(env(), ['admin'], '管理员');
    // department handlers (相关部门): they read only what was transferred to their department
    const departmentHandler = async (department: string, name: string) => {
      const dept = (await admin.post('/api/v1/departments', { name: `${department}${Date.now() % 10000}` })).body;
      const username = `handler_${dept.id.slice(0, 8)}`;
      await env().app.services.users.create(systemCtx(), {
        username,
        displayName: name,
        password: PASSWORD,
        roles: ['handler'],
        departmentId: dept.id,
        agentNo: null,
      });
      return { dept, client: await signIn(env(), username) };
    };
    const store = await departmentHandler('门店', '周店长');
    handler = store.client;
    otherHandler = (await departmentHandler('财务', '吴会计')).client;
    const cases = new CaseDriver(env, officer);
    const me = officer.userId;
    let c = await cases.register('2026-10-09T09:30:00+08:00', {
      complainantName: '孙女士',
      complainantPhone: '13912345678',
      content: '瑜伽课教练迟到半小时，课程被缩短',
    });
    c = await cases.step(c, 'acknowledge', '2026-10-09T09:40:00+08:00', { note: '已回电致歉' });
    env().clock.set('2026-10-09T10:00:00+08:00');
    const transfer = await officer.post(`/api/v1/complaints/${c.id}/transfers`, {
      version: c.version,
      departmentId: store.dept.id,
      request: '请门店核实教练考勤',
      dueAt: '2026-10-09T17:00:00+08:00',
    });
    expect(transfer.status, transfer.text).toBe(201);
    c = (await officer.get(`/api/v1/complaints/${c.id}`)).body;
    c = await cases.step(c, 'verify', '2026-10-09T11:00:00+08:00', { investigatorId: me, findings: '核实：教练当日迟到二十五分钟' });
    c = await cases.step(c, 'propose', '2026-10-09T11:30:00+08:00', { proposal: '补课一节并书面道歉', responsibleId: me });
    c = await cases.step(c, 'resolve', '2026-10-09T15:00:00+08:00', { handlerId: me, result: '已补课，教练当面道歉' });
    c = await cases.feedback(c, '2026-10-09T16:00:00+08:00', 'satisfied', 'fair');
    closed = await cases.step(c, 'close', '2026-10-09T16:05:00+08:00', { note: '客户满意' });
    // an agent registers a walk-in complaint: it is theirs to read, and nobody else's among the agents
    env().clock.set('2026-10-09T08:00:00Z');
    const res = await agent.post('/api/v1/complaints', {
      receivedAt: '2026-10-09T15:50:00+08:00',
      channel: 'on_site',
      complainantName: '周先生',
      complainantPhone: '13698765432',
      content: '更衣室卫生差',
      category: 'environment',
      severity: 'low',
    });
    expect(res.status, res.text).toBe(201);
    agents = res.body;
  });

  it('answers a PDF of the 附件二 form with the case on it, the phone as the reader sees it; printing is audited', async () => {
    const res = await rawGet(env(), officer, `/api/v1/complaints/${closed.id}/record.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(`filename="complaint-record-${closed.number}.pdf"`);
    expect(res.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.raw);
    for (const expected of [
      '客户投诉记录表',
      `编号：${closed.number}`,
      '投诉客户姓名',
      '孙女士',
      '瑜伽课教练迟到半小时，课程被缩短',
      '核实：教练当日迟到二十五分钟',
      '补课一节并书面道歉',
      '已补课，教练当面道歉',
      '客户签字：',
    ])
      expect(text).toContain(expected);
    expect(text).toContain('受诉人：赵客诉');
    // the steps follow, in words: who and what, no machine timestamps or ids
    expect(text).toContain('附：处理过程');
    expect(text).toContain('调查人：赵客诉；核实：教练当日迟到二十五分钟');
    expect(text).toContain('请门店核实教练考勤');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).toContain('日期：2026-10-09 09:30');
    const view = (await officer.get(`/api/v1/complaints/${closed.id}`)).body;
    expect(text).toContain(view.complainantPhone);
    if (view.phoneMasked) expect(text).not.toContain('13912345678');
    const audit = await env().handle.db.selectFrom('audit_log').select(['actor_name', 'entity_id']).where('action', '=', 'complaint.print_record').execute();
    expect(audit).toContainEqual({ actor_name: '赵客诉', entity_id: closed.id });
  });

  it('in English for an English reader', async () => {
    const text = pdfText((await rawGet(env(), officer, `/api/v1/complaints/${closed.id}/record.pdf`, 'en')).raw);
    expect(text).toContain('Customer complaint record');
    expect(text).toContain(`No.: ${closed.number}`);
  });

  it('a department handler prints what was transferred to them, with the phone masked as their case view has it', async () => {
    const view = (await handler.get(`/api/v1/complaints/${closed.id}`)).body;
    expect(view).toMatchObject({ phoneMasked: true, complainantPhone: '139****5678' });
    const res = await rawGet(env(), handler, `/api/v1/complaints/${closed.id}/record.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(res.raw);
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
    expect((await rawGet(env(), otherHandler, `/api/v1/complaints/${closed.id}/record.pdf`)).status).toBe(404);
  });

  it('same scope as the case: 404 for an agent who may not read it, 403 without complaint:read or :respond', async () => {
    expect((await rawGet(env(), agent, `/api/v1/complaints/${agents.id}/record.pdf`)).status).toBe(200);
    expect((await rawGet(env(), otherAgent, `/api/v1/complaints/${agents.id}/record.pdf`)).status).toBe(404);
    expect((await rawGet(env(), otherAgent, `/api/v1/complaints/${closed.id}/record.pdf`)).status).toBe(404);
    expect((await rawGet(env(), admin, `/api/v1/complaints/${closed.id}/record.pdf`)).status).toBe(403);
    expect((await rawGet(env(), officer, '/api/v1/complaints/00000000-0000-4000-8000-000000000000/record.pdf')).status).toBe(404);
  });
});
