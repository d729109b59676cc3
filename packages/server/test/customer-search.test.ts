import { beforeAll, expect, it } from 'vitest';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** The one search box, through the API: every kind of key, the surname readings, paging. */
describeEachDb('customer search', (env) => {
  let agent: Client;
  const mobiles: Record<string, string> = {};
  const NAMES = ['张三', '张三丰', '张珊', '周树人', '单雄信', '曾国藩', '解缙', '尉迟恭', '安欣', '欧阳娜娜', '李四'];

  beforeAll(async () => {
    agent = await userClient(env(), ['agent'], '坐席');
    for (const name of NAMES) {
      const res = await agent.post('/api/v1/customers', buildCustomer({ name }));
      expect(res.status).toBe(201);
      mobiles[name] = res.body.mobile;
    }
  });

  const search = async (q: string, limit = 50) => {
    const res = await agent.get(`/api/v1/customers?limit=${limit}&q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return res.body as { items: { name: string }[]; nextCursor: string | null };
  };
  const names = async (q: string) => (await search(q)).items.map((c) => c.name).sort();

  it.each([
    ['zs', ['张三', '张三丰', '张珊', '周树人']],
    ['zsf', ['张三丰']],
    ['zhangsan', ['张三', '张三丰']],
    ['zhan', ['张三', '张三丰', '张珊']],
    ['ZhangShan', ['张珊']],
    ['shan', ['单雄信']],
    ['sxx', ['单雄信']],
    ['zeng', ['曾国藩']],
    ['xiejin', ['解缙']],
    ['yuchi', ['尉迟恭']],
    ['ouyang', ['欧阳娜娜']],
    ['张', ['张三', '张三丰', '张珊']],
    ['张三', ['张三', '张三丰']],
    ['三丰', ['张三丰']],
    ['张三丰', ['张三丰']],
    ['张丰', []],
  ])('%s finds %j', async (q, expected) => {
    expect(await names(q)).toEqual([...expected].sort());
  });

  it('letters with a vowel that match no pinyin are read as initials: "ax" finds 安欣', async () => {
    expect(await names('ax')).toEqual(['安欣']);
  });

  it('finds by the whole mobile in any spelling, by its last 4 digits, and by a prefix being typed', async () => {
    const m = mobiles['李四']!;
    expect(await names(m)).toEqual(['李四']);
    expect(await names(`+86 ${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`)).toEqual(['李四']);
    expect(await names(m.slice(-4))).toContain('李四');
    expect(await names(m.slice(0, 8))).toContain('李四');
  });

  it('pages through results with the cursor, in pinyin order, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent.get(`/api/v1/customers?limit=1&q=zs${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...res.body.items.map((c: { name: string }) => c.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    // initials order: zs (张三, 张珊: zhangsan < zhangshan), then zsf, then zsr
    expect(seen).toEqual(['张三', '张珊', '张三丰', '周树人']);
  });

  it('a query of punctuation only is no filter, and an odd one is no error', async () => {
    expect((await search('？')).items.length).toBe(NAMES.length);
    for (const q of ["'; drop table customers; --", '%', '_', '\\', '😀', 'a'.repeat(50)]) {
      const res = await agent.get(`/api/v1/customers?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
    }
    expect((await agent.get(`/api/v1/customers?q=${'a'.repeat(51)}`)).status).toBe(400);
  });
});
