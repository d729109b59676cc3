import type { Client } from './factories';

/** An article as the supervisor writes it in the editor (published unless said otherwise). */
export async function createArticle(supervisor: Client, overrides: Record<string, unknown> = {}) {
  const res = await supervisor.post('/api/v1/knowledge-articles', {
    title: '会员卡可以退费吗',
    variants: ['退卡怎么办理', '卡里的钱能退吗'],
    answer: '本会所执行“不退费”原则；未用完的课时可以转让给亲友，请到前台办理转让。',
    category: 'membership',
    tags: ['退费'],
    status: 'published',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`article: ${res.status} ${res.text}`);
  return res.body;
}

export async function recordInquiry(agent: Client, overrides: Record<string, unknown> = {}) {
  const res = await agent.post('/api/v1/inquiries', {
    question: '游泳馆周末几点开门？',
    answer: '周末早上 7 点开门，晚上 9 点关门。',
    category: 'facility',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`inquiry: ${res.status} ${res.text}`);
  return res.body;
}
