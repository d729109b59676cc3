import type { ArticleInput } from '@kefu/shared';
import type { Db } from '../../db/client';
import { articleFields } from '../knowledge';

/**
 * The demo club's knowledge base (悦动健身): the questions callers ask a fitness club, with the answers
 * of the seeds where they have one (seed 004: 不退费, 请假机制 — cancel a day ahead by phone or 12 hours
 * ahead in the app, or the lesson is deducted; 旷课; 试听). Once, like the other demo areas.
 */
const ARTICLES: ArticleInput[] = [
  {
    title: '会员卡可以退费吗',
    variants: ['退卡怎么办理', '卡里的钱能退吗', '不想练了能退钱吗'],
    answer:
      '本会所执行“不退费”原则，会员卡一经办理不能退费。未用完的课时或余额可以转到您的另一张同类卡，或转让给亲友（到前台办理转让手续，需双方到场并携带身份证）。',
    category: 'membership',
    tags: ['退费', '转让'],
    status: 'published',
  },
  {
    title: '约好的课怎么请假取消',
    variants: ['课程怎么取消', '临时有事上不了课', '请假会扣课时吗'],
    answer:
      '电话取消请最好提前一天联系客服；在 APP 上自助取消需提前 12 小时。未按时请假又没有来上课，系统会按旷课自动扣除本节课时。因突发疾病不能上课的，请来电说明，由客服登记后报主管审批。',
    category: 'booking',
    tags: ['请假', '旷课'],
    status: 'published',
  },
  {
    title: '私教课怎么预约',
    variants: ['约私教', '怎么约教练上课'],
    answer: '可拨打客服热线、在前台或在 APP 上预约，私教课每节 60 分钟。建议提前 2 天预约，工作日上午教练时间较宽裕。',
    category: 'booking',
    tags: ['私教', '预约'],
    status: 'published',
  },
  {
    title: '健身房营业时间',
    variants: ['几点开门', '几点关门', '周末开不开'],
    answer: '周一至周五 7:00-22:00，周六、周日 9:00-18:00；法定节假日另行通知，以前台公告为准。',
    category: 'facility',
    tags: ['营业时间'],
    status: 'published',
  },
  {
    title: '会员卡可以暂停冻结吗',
    variants: ['出差能停卡吗', '怀孕了卡怎么办'],
    answer: '年卡会员每年可申请冻结一次，最长 90 天（出差、怀孕、伤病等），冻结期间有效期顺延。请携带会员卡到前台办理，或来电由会籍顾问登记。',
    category: 'membership',
    tags: ['冻结', '停卡'],
    status: 'published',
  },
  {
    title: '可以先免费体验一次吗',
    variants: ['有没有体验课', '试听课怎么约'],
    answer: '新客户可预约一次免费体验（团课或器械区，含体测），请提前一天预约并携带运动鞋、毛巾。体验后会籍顾问会为您介绍适合的卡种。',
    category: 'course',
    tags: ['体验', '试听'],
    status: 'published',
  },
  {
    title: '停车场收费吗',
    variants: ['开车来停哪里'],
    answer: '会所地下停车场对会员免费 3 小时，离场时到前台登记车牌即可。',
    category: 'facility',
    tags: ['停车'],
    status: 'published',
  },
  {
    title: '储值卡余额怎么查询',
    variants: ['卡里还剩多少钱', '还有几节课'],
    answer: '可在 APP“我的会员卡”中查看，或来电由客服核对身份后告知；每次消费后的小票上也印有余额。',
    category: 'price',
    tags: ['余额'],
    status: 'published',
  },
];

/** The demo's knowledge base, once (a demo folder made before it existed gets it on its next start). */
export async function loadDemoKnowledge(db: Db, opts: { log?: (m: string) => void } = {}): Promise<number> {
  const done = await db.selectFrom('settings').select('key').where('key', '=', 'demo_knowledge_loaded').executeTakeFirst();
  if (done) return 0;
  const supervisor = await db.selectFrom('users').select('id').where('username', '=', 'supervisor').executeTakeFirst();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('knowledge_articles')
      .values(
        ARTICLES.map((a) => ({
          ...articleFields(a),
          created_by: supervisor?.id ?? null,
          updated_by: supervisor?.id ?? null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    // the scripts say the club's name (这里是{company})
    await trx
      .insertInto('settings')
      .values({ key: 'scripts', value: JSON.stringify({ companyName: '悦动健身俱乐部' }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await trx
      .insertInto('settings')
      .values({ key: 'demo_knowledge_loaded', value: JSON.stringify({ at: now.toISOString(), count: ARTICLES.length }) })
      .execute();
  });
  opts.log?.(`demo knowledge base loaded: ${ARTICLES.length} articles`);
  return ARTICLES.length;
}
