import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo';
import { describeEachDb } from './helpers';

/** The demo department's member activities and referrals: a past activity with opinions, an upcoming one, referrals; once. */
describeEachDb('demo member activities and referrals', (env) => {
  it('loads them once through the services', async () => {
    const db = env().handle.db;
    for (const key of ['demo_complaints_loaded', 'demo_group_bookings_loaded', 'demo_follow_ups_loaded', 'demo_knowledge_loaded']) {
      await db
        .insertInto('settings')
        .values({ key, value: '{}' })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    await loadDemo(db, { password: 'demo-password-1', customers: 200 });
    const acts = await db.selectFrom('member_activities').select(['title', 'accepted']).orderBy('starts_at').execute();
    expect(acts).toEqual([
      { title: '会员健身开放日', accepted: 9 },
      { title: '周末瑜伽沙龙', accepted: 3 },
    ]);
    const opinions = await db.selectFrom('activity_invitations').select('rating').where('rating', 'is not', null).execute();
    expect(opinions).toHaveLength(5);
    const referrals = await db.selectFrom('referrals').select('status').execute();
    expect(referrals.map((r) => r.status).sort()).toEqual(['pending', 'pending', 'pending', 'qualified', 'qualified']);
    await loadDemo(db, { password: 'demo-password-1', customers: 200 });
    expect(await db.selectFrom('member_activities').select('id').execute()).toHaveLength(2);
  });
});
