import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, uniqueMobile, userClient, type Client } from './factories';
import { csvOf, rawClient, xlsxOf } from './files';
import { describeEachDb, type TestEnv } from './helpers';
import { loadUserActor } from '../src/lib/auth';
import { createCustomerImportService } from '../src/modules/customer-import';

const HEADERS = ['姓名', '手机', '性别', '生日', '农历', '负责人', '等级', '标签', '备注'];

describeEachDb('customer import', (env) => {
  let manager: Client;
  let agent: Client;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
  });

  /** A fresh archivist per test, so "what they imported" is "what they created". */
  async function archivist() {
    const client = await userClient(env(), ['archivist'], '档案员');
    return { client, raw: await rawClient(env(), client) };
  }
  const createdBy = (e: TestEnv, userId: string) =>
    e.handle.db
      .selectFrom('customers')
      .select(['id', 'name', 'mobile', 'owner_id', 'tier_code', 'birthday', 'birthday_lunar', 'tags'])
      .where('created_by', '=', userId)
      .orderBy('name')
      .execute();

  describe('upload', () => {
    it('reads an xlsx with Chinese headers and suggests the mapping', async () => {
      const { raw } = await archivist();
      const file = await xlsxOf([
        HEADERS,
        ['张三', '13800138001', '男', new Date(Date.UTC(1990, 1, 3)), '否', '', 'VIP', 'VIP，老客户', '老顾客'],
        ['李四', 13900139001],
      ]);
      const res = await raw.upload('客户名册.xlsx', file);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ fileName: '客户名册.xlsx', total: 2, headers: HEADERS });
      expect(res.body.preview[0]).toEqual({ row: 2, cells: ['张三', '13800138001', '男', '1990-02-03', '否', '', 'VIP', 'VIP，老客户', '老顾客'] });
      expect(res.body.preview[1].cells.slice(0, 2)).toEqual(['李四', '13900139001']);
      expect(res.body.suggestedMapping).toEqual({ name: 0, mobile: 1, gender: 2, birthday: 3, birthdayLunar: 4, owner: 5, tierCode: 6, tags: 7, notes: 8 });
    });

    it.each([['gbk'], ['utf8-bom'], ['utf8']] as const)('reads a %s csv as Excel and WPS save it', async (encoding) => {
      const { raw } = await archivist();
      const file = csvOf(
        [
          ['客户姓名', '手机号码', '地址'],
          ['王小明', '138-0013-8002', '北京市朝阳区"望京"1号,2楼'],
        ],
        encoding,
      );
      const res = await raw.upload('名册.csv', file);
      expect(res.status).toBe(201);
      expect(res.body.headers).toEqual(['客户姓名', '手机号码', '地址']);
      expect(res.body.preview[0].cells).toEqual(['王小明', '138-0013-8002', '北京市朝阳区"望京"1号,2楼']);
      expect(res.body.suggestedMapping).toEqual({ name: 0, mobile: 1, address: 2 });
    });

    it('refuses an old binary .xls, an empty file, and an agent (403)', async () => {
      const { raw } = await archivist();
      const xls = await raw.upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      expect(xls.status).toBe(400);
      expect(xls.body.code).toBe('import.unreadable');
      expect((await raw.upload('empty.csv', csvOf([['姓名']]))).body.code).toBe('import.empty');
      const asAgent = await (await rawClient(env(), agent)).upload('a.csv', csvOf([['姓名'], ['张三']]));
      expect(asAgent.status).toBe(403);
      expect((await agent.get('/api/v1/customer-imports/00000000-0000-4000-8000-000000000000')).status).toBe(403);
    });
  });

  describe('validation report', () => {
    it('reports bad phone, missing name, duplicate in file and in archive, row by row, in the request language', async () => {
      const inArchive = uniqueMobile();
      expect((await manager.post('/api/v1/customers', buildCustomer({ name: '老客户', mobile: inArchive }))).status).toBe(201);
      const dup = uniqueMobile();
      const { client, raw } = await archivist();
      const up = await raw.upload(
        'check.csv',
        csvOf(
          [HEADERS, ['甲', dup], ['乙', '1380013'], ['', uniqueMobile()], ['丙', dup], ['丁', inArchive], ['戊', uniqueMobile(), '', '', '', '不存在的人']],
          'gbk',
        ),
      );
      const mapping = up.body.suggestedMapping;
      const zh = await client.post(`/api/v1/customer-imports/${up.body.id}/validate`, { mapping });
      expect(zh.status).toBe(200);
      expect(zh.body).toMatchObject({ total: 6, valid: 1, invalid: 5, truncated: false });
      expect(zh.body.issues.map((i: any) => [i.row, i.field, i.message])).toEqual([
        [3, 'mobile', '手机号码格式不正确，应为 11 位中国大陆手机号'],
        [4, 'name', '请填写姓名（1-50 个字）'],
        [5, 'mobile', '手机号与第 2 行重复'],
        [6, 'mobile', '该手机号已在客户档案中'],
        [7, 'owner', '找不到负责人“不存在的人”（请填姓名或用户名）'],
      ]);
      const en = await client.post(`/api/v1/customer-imports/${up.body.id}/validate`, { mapping }, { 'accept-language': 'en' });
      expect(en.body.issues[2].message).toBe('Same mobile as row 2');
      const noName = await client.post(`/api/v1/customer-imports/${up.body.id}/validate`, { mapping: { mobile: 1 } });
      expect(noName.status).toBe(400);
      expect(noName.body.code).toBe('import.no_name_column');
      const badColumn = await client.post(`/api/v1/customer-imports/${up.body.id}/validate`, { mapping: { name: 0, notes: 42 } });
      expect(badColumn.status).toBe(400);
      expect(await createdBy(env(), client.userId)).toEqual([]);
    });

    it("another user's import is not found", async () => {
      const { raw } = await archivist();
      const up = await raw.upload('a.csv', csvOf([['姓名'], ['张三']]));
      const other = await archivist();
      expect((await other.client.get(`/api/v1/customer-imports/${up.body.id}`)).status).toBe(404);
      expect((await other.client.post(`/api/v1/customer-imports/${up.body.id}/run`, { mapping: { name: 0 }, mode: 'valid_only' })).status).toBe(404);
    });
  });

  describe('run', () => {
    async function mixedFile() {
      const { client, raw } = await archivist();
      const good = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
      const rows = [
        HEADERS,
        ['赵一', good[0], '男', '1985/6/7', '', '张晓燕', 'VIP', '老客户，转介绍'],
        ['钱二', '12345'],
        ['孙三', good[1], '', '农历1990-02-30'],
        ['李四', good[1]],
        ['周五', good[2], '女', '', '是', agent.username],
      ];
      const up = await raw.upload('mixed.xlsx', await xlsxOf(rows));
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      return { client, raw, up, good };
    }

    it('all or nothing: any bad row imports nothing (409 with the report) and the table is unchanged', async () => {
      const { client, up } = await mixedFile();
      const before = await env()
        .handle.db.selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await client.post(`/api/v1/customer-imports/${up.body.id}/run`, { mapping: up.body.suggestedMapping, mode: 'all_or_nothing' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('import.has_errors');
      expect(res.body.detail).toContain('2 行有问题');
      expect(res.body.errors).toEqual([
        { path: 'rows.3.mobile', message: '手机号码格式不正确，应为 11 位中国大陆手机号' },
        { path: 'rows.5.mobile', message: '手机号与第 4 行重复' },
      ]);
      const after = await env()
        .handle.db.selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const status = await client.get(`/api/v1/customer-imports/${up.body.id}`);
      expect(status.body).toMatchObject({ status: 'uploaded', imported: 0, report: { total: 5, valid: 3, invalid: 2 } });
    });

    it('valid only: exactly the valid rows go in, each with its timeline event, one audit row, progress at 100', async () => {
      const { client, up, good } = await mixedFile();
      const res = await client.post(`/api/v1/customer-imports/${up.body.id}/run`, { mapping: up.body.suggestedMapping, mode: 'valid_only' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'done',
        mode: 'valid_only',
        total: 5,
        processed: 5,
        imported: 3,
        percent: 100,
        report: { valid: 3, invalid: 2 },
      });
      const rows = await createdBy(env(), client.userId);
      expect(rows.map((r) => [r.name, r.mobile])).toEqual([
        ['周五', good[2]],
        ['孙三', good[1]],
        ['赵一', good[0]],
      ]);
      const zhao = rows.find((r) => r.name === '赵一')!;
      expect(zhao).toMatchObject({ owner_id: agent.userId, tier_code: 'vip', birthday: '1985-06-07', tags: ['老客户', '转介绍'] });
      expect(rows.find((r) => r.name === '孙三')).toMatchObject({ birthday: '1990-02-30', birthday_lunar: true, owner_id: null });
      expect(rows.find((r) => r.name === '周五')!.owner_id).toBe(agent.userId);
      const timeline = await client.get(`/api/v1/customers/${zhao.id}/timeline`);
      expect(timeline.body.items).toEqual([
        expect.objectContaining({ kind: 'customer.created', summary: '建档（来源：导入）', data: expect.objectContaining({ via: 'import' }) }),
      ]);
      const audit = await manager.get(`/api/v1/audit-log?action=customer.import&entityId=${up.body.id}`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].detail).toMatchObject({ fileName: 'mixed.xlsx', mode: 'valid_only', total: 5, imported: 3, invalid: 2 });
      const again = await client.post(`/api/v1/customer-imports/${up.body.id}/run`, { mapping: up.body.suggestedMapping, mode: 'valid_only' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('import.already_done');
    });

    it('a run left "running" by a process that died may run again after 15 minutes, not before', async () => {
      const { client, raw } = await archivist();
      const mobile = uniqueMobile();
      const up = await raw.upload(
        'crashed.csv',
        csvOf([
          ['姓名', '手机'],
          ['陈中断', mobile],
        ]),
      );
      expect(up.status).toBe(201);
      const claimedAt = new Date(env().clock.now().getTime() - 5 * 60_000);
      await env().handle.db.updateTable('customer_imports').set({ status: 'running', claimed_at: claimedAt }).where('id', '=', up.body.id).execute();
      const run = () => client.post(`/api/v1/customer-imports/${up.body.id}/run`, { mapping: { name: 0, mobile: 1 }, mode: 'valid_only' });
      const early = await run();
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('import.running');
      expect((await client.get(`/api/v1/customer-imports/${up.body.id}`)).body.status).toBe('running');
      env().clock.set(new Date(env().clock.now().getTime() + 11 * 60_000)); // 16 minutes after the claim
      try {
        expect((await client.get(`/api/v1/customer-imports/${up.body.id}`)).body.status).toBe('uploaded');
        const res = await run();
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'done', imported: 1 });
        expect((await createdBy(env(), client.userId)).map((r) => r.mobile)).toEqual([mobile]);
      } finally {
        env().clock.set(new Date(env().clock.now().getTime() - 11 * 60_000));
      }
    });

    it('shows progress while a larger file runs', async () => {
      const { client, raw } = await archivist();
      const rows: unknown[][] = [['姓名', '手机']];
      for (let i = 0; i < 6000; i++) rows.push([`导入客户${i}`, uniqueMobile()]);
      const up = await raw.upload('big.csv', csvOf(rows, 'gbk'));
      expect(up.body.total).toBe(6000);
      const running = client.post(`/api/v1/customer-imports/${up.body.id}/run`, { mapping: { name: 0, mobile: 1 }, mode: 'valid_only' });
      const seen: any[] = [];
      let done = false;
      void running.then(() => (done = true));
      while (!done) {
        const s = await client.get(`/api/v1/customer-imports/${up.body.id}`);
        seen.push(s.body);
        await new Promise((r) => setTimeout(r, 5));
      }
      const res = await running;
      expect(res.body).toMatchObject({ status: 'done', total: 6000, processed: 6000, imported: 6000, percent: 100 });
      const during = seen.filter((s) => s.status === 'running');
      expect(during.length).toBeGreaterThan(0);
      for (const s of during) {
        expect(s.processed).toBeLessThanOrEqual(6000);
        expect(s.percent).toBeGreaterThanOrEqual(0);
        expect(s.percent).toBeLessThan(100);
      }
      expect(during.some((s) => s.processed > 0 && s.processed < 6000)).toBe(true);
    });
  });

  it('on PGlite, the bulk path (COPY) stores tabs, line breaks, backslashes and quotes exactly, with timeline events', async (ctx) => {
    if (env().kind !== 'pglite') return ctx.skip();
    const { client, raw } = await archivist();
    const tricky = ['a\tb', '第一行\n第二行', 'C:\\路径\\"引号"', '逗号,分号;', '\\N'];
    const rows = [['姓名', '手机', '备注', '标签', '地址'], ...tricky.map((v, i) => [`批量${i}`, uniqueMobile(), v, `标"签\\${i}，普通`, v])];
    const up = await raw.upload('tricky.xlsx', await xlsxOf(rows));
    const actor = (await loadUserActor(env().handle.db, client.userId))!;
    const service = createCustomerImportService({ db: env().handle.db, clock: env().clock, pglite: env().handle.pglite });
    const done = await service.run({ actor, ip: null, requestId: null, lang: 'zh-CN' }, up.body.id, up.body.suggestedMapping, 'all_or_nothing');
    expect(done).toMatchObject({ status: 'done', imported: 5 });
    const stored = await env()
      .handle.db.selectFrom('customers')
      .select(['id', 'name', 'notes', 'tags', 'address', 'search_keys'])
      .where('created_by', '=', client.userId)
      .orderBy('name')
      .execute();
    expect(stored.map((r) => [r.notes, r.tags, r.address])).toEqual(tricky.map((v, i) => [v, [`标"签\\${i}`, '普通'], v]));
    expect(stored[0]!.search_keys).toContain('批量0');
    const events = await env()
      .handle.db.selectFrom('timeline_events')
      .select(['customer_id', 'kind'])
      .where(
        'customer_id',
        'in',
        stored.map((r) => r.id),
      )
      .execute();
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['customer.created']));
  });
});
