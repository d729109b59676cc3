import { expect, it } from 'vitest';
import { call } from './clients';
import { buildCustomer, userClient, type Client } from './factories';
import { rawClient, readXlsx } from './files';
import { describeEachDb } from './helpers';
import { createArticle, recordInquiry } from './knowledge-fixtures';

describeEachDb('inquiries and the knowledge base', (env) => {
  let agent: Client;
  let otherAgent: Client;
  let supervisor: Client;
  let archivist: Client;
  const setup = async () => {
    agent ??= await userClient(env(), ['agent'], '客服小周');
    otherAgent ??= await userClient(env(), ['agent'], '客服小吴');
    supervisor ??= await userClient(env(), ['supervisor'], '李主管');
    archivist ??= await userClient(env(), ['archivist'], '档案小陈');
  };
  const ownCustomer = async (name = '陈小明') => {
    const res = await agent.post('/api/v1/customers', buildCustomer({ name }));
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('records an inquiry for the agent’s customer, on the customer’s timeline; an anonymous caller’s too', async () => {
    await setup();
    const customer = await ownCustomer();
    const inquiry = await recordInquiry(agent, {
      customerId: customer.id,
      question: '私教课怎么预约？',
      answer: '打 400 电话或在前台预约。',
      category: 'booking',
    });
    expect(inquiry).toMatchObject({
      question: '私教课怎么预约？',
      category: 'booking',
      customer: { id: customer.id, name: '陈小明' },
      recordedBy: { name: '客服小周' },
      createdAt: '2026-10-09T02:00:00.000Z',
      abilities: { promote: false },
    });
    const timeline = await agent.get(`/api/v1/customers/${customer.id}/timeline`);
    const event = timeline.body.items.find((e: { kind: string }) => e.kind === 'inquiry.recorded');
    expect(event.summary).toBe('咨询（预约）：私教课怎么预约？');
    const anonymous = await recordInquiry(agent, { customerId: null });
    expect(anonymous.customer).toBeNull();
  });

  it('refuses a bad inquiry in Chinese and writes nothing', async () => {
    await setup();
    const before = (await agent.get('/api/v1/inquiries?limit=200')).body.items.length;
    const bad = await agent.post('/api/v1/inquiries', { question: '啊', category: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'question', message: '请填写客户的问题（2-500 个字）' },
        { path: 'category', message: '请选择咨询类别' },
      ]),
    );
    // a customer the agent does not own is not theirs to record against: 404, as not found
    const theirs = (await otherAgent.post('/api/v1/customers', buildCustomer({ name: '别人的客户' }))).body;
    const foreign = await agent.post('/api/v1/inquiries', { question: '会员卡能转让吗', category: 'membership', customerId: theirs.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('inquiry.unknown_customer');
    expect((await agent.get('/api/v1/inquiries?limit=200')).body.items.length).toBe(before);
  });

  it('suggests published articles for a question phrased differently, best first, and not for an unrelated one', async () => {
    await setup();
    const refund = await createArticle(supervisor);
    const hours = await createArticle(supervisor, {
      title: '游泳馆几点开门',
      variants: ['营业时间'],
      answer: '每天早上 6 点到晚上 10 点。',
      category: 'facility',
      tags: [],
    });
    await createArticle(supervisor, { title: '会员卡退费的草稿', variants: ['我想退卡'], status: 'draft' });
    const q = encodeURIComponent('我想退卡，钱能退吗');
    const found = await agent.get(`/api/v1/knowledge-articles/suggestions?q=${q}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([refund.id]); // the draft is not suggested
    const open = await agent.get(`/api/v1/knowledge-articles/suggestions?q=${encodeURIComponent('你们几点开门')}`);
    expect(open.body.items[0]).toMatchObject({ id: hours.id, answer: '每天早上 6 点到晚上 10 点。' });
    // one shared character (卡) is noise, and a question of nothing but function words finds nothing
    for (const none of ['VIP年卡多少钱', '停车场在哪里', '请问，可以吗？']) {
      const r = await agent.get(`/api/v1/knowledge-articles/suggestions?q=${encodeURIComponent(none)}`);
      expect(
        r.body.items.filter((s: { id: string }) => s.id === refund.id || s.id === hours.id),
        none,
      ).toEqual([]);
    }
  });

  it('ranks the title’s words above the answer’s', async () => {
    await setup();
    const inAnswer = await createArticle(supervisor, {
      title: '泳池水温多少度',
      variants: [],
      answer: '恒温泳池，瑜伽教室在三楼。',
      category: 'facility',
      tags: [],
    });
    const inTitle = await createArticle(supervisor, { title: '瑜伽教室在几楼', variants: [], answer: '三楼东侧。', category: 'facility', tags: [] });
    const r = await agent.get(`/api/v1/knowledge-articles/suggestions?q=${encodeURIComponent('瑜伽教室怎么走')}`);
    const ids = r.body.items.map((s: { id: string }) => s.id);
    expect(ids.indexOf(inTitle.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(inTitle.id)).toBeLessThan(ids.indexOf(inAnswer.id) === -1 ? Infinity : ids.indexOf(inAnswer.id));
    expect(r.body.items[0].score).toBeGreaterThan(r.body.items.at(-1).score - 1);
  });

  it('searches the list by words; readers see published articles only, the supervisor drafts too', async () => {
    await setup();
    const draft = await createArticle(supervisor, {
      title: '寒假班什么时候开课',
      variants: [],
      answer: '一月中旬，以通知为准。',
      category: 'course',
      tags: [],
      status: 'draft',
    });
    const mine = await agent.get(`/api/v1/knowledge-articles?q=${encodeURIComponent('寒假班开课')}`);
    expect(mine.body.items.map((a: { id: string }) => a.id)).not.toContain(draft.id);
    expect((await agent.get(`/api/v1/knowledge-articles/${draft.id}`)).status).toBe(404);
    const theirs = await supervisor.get(`/api/v1/knowledge-articles?q=${encodeURIComponent('寒假班开课')}`);
    expect(theirs.body.items[0]).toMatchObject({ id: draft.id, status: 'draft', abilities: { edit: true } });
    expect((await archivist.get('/api/v1/knowledge-articles')).status).toBe(200);
  });

  it('edits an article by version: a stale version is 409 and changes nothing', async () => {
    await setup();
    const a = await createArticle(supervisor, { title: '储值卡余额怎么查', variants: [], tags: [], answer: '前台或公众号查询。' });
    const body = { title: a.title, variants: ['余额查询'], answer: '前台、公众号或拨打 400 电话查询。', category: a.category, tags: [], status: 'published' };
    const ok = await supervisor.patch(`/api/v1/knowledge-articles/${a.id}`, { ...body, version: a.version });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, answer: '前台、公众号或拨打 400 电话查询。', updatedBy: { name: '李主管' } });
    const stale = await supervisor.patch(`/api/v1/knowledge-articles/${a.id}`, { ...body, answer: '旧的答案', version: a.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('knowledge.version_conflict');
    expect((await supervisor.get(`/api/v1/knowledge-articles/${a.id}`)).body.answer).toBe('前台、公众号或拨打 400 电话查询。');
    // the new variant is searchable at once
    const found = await agent.get(`/api/v1/knowledge-articles/suggestions?q=${encodeURIComponent('余额查询')}`);
    expect(found.body.items.map((s: { id: string }) => s.id)).toContain(a.id);
  });

  it('promotes an inquiry to an article once; a second promote is 409 naming the article', async () => {
    await setup();
    const inquiry = await recordInquiry(agent, { question: '周末能带孩子来游泳吗', answer: '可以，1.2 米以下儿童须家长陪同下水。' });
    expect((await supervisor.get(`/api/v1/inquiries/${inquiry.id}`)).body.abilities.promote).toBe(true);
    const first = await supervisor.post(`/api/v1/inquiries/${inquiry.id}/promote`, { title: '儿童可以游泳吗', publish: true });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      title: '儿童可以游泳吗',
      variants: ['周末能带孩子来游泳吗'],
      answer: '可以，1.2 米以下儿童须家长陪同下水。',
      status: 'published',
      sourceInquiryId: inquiry.id,
    });
    const again = await supervisor.post(`/api/v1/inquiries/${inquiry.id}/promote`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'inquiry.already_promoted', articleId: first.body.id, title: '这条咨询已转为知识库条目' });
    const after = await supervisor.get(`/api/v1/inquiries/${inquiry.id}`);
    expect(after.body).toMatchObject({ promotedArticleId: first.body.id, abilities: { promote: false } });
    // the caller's words now find the new article
    const s = await agent.get(`/api/v1/knowledge-articles/suggestions?q=${encodeURIComponent('孩子能来游泳吗')}`);
    expect(s.body.items.map((x: { id: string }) => x.id)).toContain(first.body.id);
    // an inquiry without an answer cannot become an article
    const empty = await recordInquiry(agent, { question: '有没有团购价', answer: '' });
    const refused = await supervisor.post(`/api/v1/inquiries/${empty.id}/promote`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('inquiry.no_answer');
  });

  it('two supervisors promoting the same inquiry at once make one article', async () => {
    await setup();
    const other = await userClient(env(), ['supervisor'], '赵主管');
    const inquiry = await recordInquiry(agent, { question: '年卡可以分期付款吗', answer: '可以分 3 期或 6 期。', category: 'price' });
    const results = await Promise.all([supervisor, other, supervisor, other].map((c) => c.post(`/api/v1/inquiries/${inquiry.id}/promote`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const made = results.find((r) => r.status === 201)!.body.id;
    expect(results.filter((r) => r.status === 409).every((r) => r.body.articleId === made)).toBe(true);
    const list = await supervisor.get(`/api/v1/knowledge-articles?q=${encodeURIComponent('年卡分期付款')}`);
    expect(list.body.items.filter((a: { sourceInquiryId: string }) => a.sourceInquiryId === inquiry.id)).toHaveLength(1);
  });

  it('lists an agent’s own inquiries, the supervisor’s all, newest first; search by words', async () => {
    await setup();
    const mine = await recordInquiry(agent, { question: '瑜伽课需要自带垫子吗', answer: '馆内提供瑜伽垫。', category: 'course' });
    const theirs = await recordInquiry(otherAgent, { question: '瑜伽课有几个老师', answer: '三位。', category: 'course' });
    const agentList = await agent.get('/api/v1/inquiries?limit=200');
    const ids = agentList.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await agent.get(`/api/v1/inquiries/${theirs.id}`)).status).toBe(404);
    const all = await supervisor.get(`/api/v1/inquiries?q=${encodeURIComponent('瑜伽课')}&category=course`);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const unpromoted = await supervisor.get('/api/v1/inquiries?unpromoted=true&limit=200');
    expect(unpromoted.body.items.every((i: { promotedArticleId: string | null }) => i.promotedArticleId === null)).toBe(true);
  });

  it('exports the filtered list as xlsx: who and when first, one row per inquiry, the department’s clock; audited', async () => {
    await setup();
    const i = await recordInquiry(agent, { question: '动感单车课要自带水杯吗', answer: '需要，馆内有饮水机。', category: 'course' });
    const file = await (await rawClient(env(), supervisor)).get(`/api/v1/inquiries/export.xlsx?q=${encodeURIComponent('动感单车')}`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const rows = await readXlsx(file.raw);
    expect(rows[1]).toEqual(['导出人', '李主管']);
    const row = rows.find((r) => r[3] === i.question)!;
    expect(row.slice(0, 5)).toEqual(['2026-10-09 10:00', '课程', '匿名来电', '动感单车课要自带水杯吗', '需要，馆内有饮水机。']);
    const audit = await env().handle.db.selectFrom('audit_log').select('action').where('action', '=', 'inquiry.export').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('checks permissions: 401 without a session, 403 without the permission', async () => {
    await setup();
    const none = await call(env(), { url: '/api/v1/inquiries' });
    expect(none.status).toBe(401);
    expect((await call(env(), { url: '/api/v1/knowledge-articles/suggestions?q=x' })).status).toBe(401);
    const handler = await userClient(env(), ['handler'], '部门处理人');
    expect((await handler.get('/api/v1/knowledge-articles')).status).toBe(403);
    expect((await archivist.get('/api/v1/inquiries')).status).toBe(403);
    const inquiry = await recordInquiry(agent);
    const promote = await agent.post(`/api/v1/inquiries/${inquiry.id}/promote`, {});
    expect(promote.status).toBe(403);
    const write = await agent.post('/api/v1/knowledge-articles', { title: '标题', answer: '答案', category: 'other' });
    expect(write.status).toBe(403);
    expect((await supervisor.get('/api/v1/inquiries/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
