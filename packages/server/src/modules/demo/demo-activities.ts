import type { Db } from '../../db/client';
import { loadUserActor } from '../../lib/auth';
import { fixedClock } from '../../lib/clock';
import { createActivityService } from '../activities';
import { createReferralService } from '../referrals';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPINIONS: [number, string][] = [
  [5, '教练讲解很细致，希望多办'],
  [4, '场地不错，停车有点难'],
  [5, '认识了很多新朋友'],
  [3, '时间有点紧，下次希望安排在周末'],
  [4, '茶歇很好'],
];

/**
 * The demo department's member activities and referrals (seed 003 会籍管理员 (5)(6), seed 004 转介绍), once:
 * a past activity with answers, attendance and opinions, an upcoming one with invitations, and referrals
 * waiting for the new customer's first purchase or lesson (two of them already qualified, reward due).
 * Written through the services, so the audit log and the customers' timelines have them too.
 */
export async function loadDemoActivities(db: Db, opts: { log?: (m: string) => void } = {}): Promise<void> {
  const done = await db.selectFrom('settings').select('key').where('key', '=', 'demo_activities_loaded').executeTakeFirst();
  if (done) return;
  const now = new Date();
  const manager = await db.selectFrom('users').select('id').where('username', '=', 'manager').executeTakeFirstOrThrow();
  const ctx = { actor: (await loadUserActor(db, manager.id))!, ip: null, requestId: null, lang: 'zh-CN' as const };
  // members from the middle of the archive (live ones), so the first customers of the lists stay plain
  const live = db.selectFrom('customers').where('merged_into', 'is', null).where('lifecycle', '=', 'active');
  const { n } = await live.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const people = await live
    .select('id')
    .orderBy('created_at')
    .orderBy('id')
    .offset(Math.max(0, Math.min(100, Number(n) - 30)))
    .limit(30)
    .execute();
  if (people.length < 30) return;
  const ids = people.map((p) => p.id);

  const past = new Date(now.getTime() - 10 * DAY);
  const pastClock = fixedClock(new Date(past.getTime() - 3 * DAY));
  const activities = createActivityService({ db, clock: pastClock });
  const tasting = await activities.create(ctx, {
    title: '会员健身开放日',
    startsAt: past.toISOString(),
    endsAt: new Date(past.getTime() + 3 * HOUR).toISOString(),
    place: '悦动健身一楼大厅',
    capacity: 15,
    description: '体能测试、私教体验课、会员茶歇；活动后请会员填写意见',
  });
  await activities.invite(ctx, tasting.id, { customerIds: ids.slice(0, 12), tierCode: null, tag: null });
  for (const [i, id] of ids.slice(0, 12).entries()) {
    if (i >= 9) await activities.step(ctx, tasting.id, id, 'decline', { version: 1 });
    else await activities.step(ctx, tasting.id, id, 'accept', { version: 1 });
  }
  pastClock.set(new Date(past.getTime() + HOUR).toISOString());
  for (const id of ids.slice(0, 7)) await activities.step(ctx, tasting.id, id, 'check_in', { version: 2 });
  pastClock.set(new Date(past.getTime() + DAY).toISOString());
  for (const [i, [rating, opinion]] of OPINIONS.entries()) await activities.step(ctx, tasting.id, ids[i]!, 'opinion', { version: 3, rating, opinion });

  const upcoming = createActivityService({ db, clock: fixedClock(now) });
  const next = new Date(now.getTime() + 7 * DAY);
  next.setUTCHours(6, 0, 0, 0); // 14:00 in Shanghai
  const yoga = await upcoming.create(ctx, {
    title: '周末瑜伽沙龙',
    startsAt: next.toISOString(),
    endsAt: new Date(next.getTime() + 2 * HOUR).toISOString(),
    place: '瑜伽室',
    capacity: 10,
    description: '瑜伽老师带领的体验课，限 10 人',
  });
  await upcoming.invite(ctx, yoga.id, { customerIds: ids.slice(10, 18), tierCode: null, tag: null });
  for (const id of ids.slice(10, 13)) await upcoming.step(ctx, yoga.id, id, 'accept', { version: 1 });

  // 转介绍: who brought whom; two have already come to a lesson (their reward waits for a reward setting)
  const referrals = createReferralService({ db, clock: fixedClock(now), timeZone: async () => 'Asia/Shanghai' });
  const pairs: [number, number][] = [
    [18, 19],
    [18, 20],
    [21, 22],
    [23, 24],
    [25, 26],
  ];
  for (const [a, b] of pairs) await referrals.create(ctx, { referrerId: ids[a]!, referredId: ids[b]!, referredOn: null, note: '老会员带朋友来体验' });
  for (const b of [19, 22]) await db.transaction().execute((trx) => referrals.qualify(trx, ctx, ids[b]!, 'attended'));

  await db
    .insertInto('settings')
    .values({ key: 'demo_activities_loaded', value: JSON.stringify({ at: now.toISOString() }) })
    .execute();
  opts.log?.('demo member activities and referrals loaded');
}
