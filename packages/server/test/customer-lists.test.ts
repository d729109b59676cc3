import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const NOW = '2026-10-09T02:00:00Z'; // 10:00 in Shanghai, lunar 八月廿九 (八月 has 29 days this year)

describeEachDb('customer lists', (env) => {
  let manager: Client;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
  });

  const listIds = async (list: string, who: Client = manager) =>
    (await who.get(`/api/v1/customers?list=${list}&limit=200`)).body.items as { id: string; nextBirthday: string }[];

  /** Runs `fn` at another moment of the test clock, and puts the clock back. */
  async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
    env().clock.set(iso);
    try {
      return await fn();
    } finally {
      env().clock.set(NOW);
    }
  }

  it('big customers: the tiers of the setting', async () => {
    const vip = await manager.post('/api/v1/customers', buildCustomer({ name: '贵宾', tierCode: 'vip' }));
    const big = await manager.post('/api/v1/customers', buildCustomer({ name: '大户', tierCode: 'big' }));
    const normal = await manager.post('/api/v1/customers', buildCustomer({ name: '普通', tierCode: 'normal' }));
    let ids = (await listIds('big')).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([vip.body.id, big.body.id]));
    expect(ids).not.toContain(normal.body.id);
    const settings = (await manager.get('/api/v1/settings/archive')).body;
    try {
      expect((await manager.put('/api/v1/settings/archive', { ...settings, bigCustomerTiers: ['vip'] })).status).toBe(200);
      ids = (await listIds('big')).map((c) => c.id);
      expect(ids).toContain(vip.body.id);
      expect(ids).not.toContain(big.body.id);
    } finally {
      await manager.put('/api/v1/settings/archive', settings);
    }
  });

  it('churn risk: active or dormant with no contact for churnRiskDays (the setting)', async () => {
    const make = async (name: string, activate = true) => {
      const c = await manager.post('/api/v1/customers', buildCustomer({ name }));
      if (activate) await manager.post(`/api/v1/customers/${c.body.id}/lifecycle`, { action: 'activate', version: 1 });
      return c.body.id as string;
    };
    // created 90 days ago, never contacted
    const [old, oldProspect, contacted] = await at('2026-07-11T02:00:00Z', async () => [
      await make('久未联系'),
      await make('潜在久未联系', false),
      await make('近期联系过'),
    ]);
    const recent = await make('新客户');
    await env()
      .handle.db.updateTable('customers')
      .set({ last_contact_at: new Date('2026-10-01T02:00:00Z') })
      .where('id', '=', contacted)
      .execute();

    let ids = (await listIds('churn_risk')).map((c) => c.id);
    expect(ids).toContain(old);
    expect(ids).not.toContain(oldProspect); // not yet a customer who could churn
    expect(ids).not.toContain(contacted);
    expect(ids).not.toContain(recent);

    const settings = (await manager.get('/api/v1/settings/archive')).body;
    expect(settings.churnRiskDays).toBe(60);
    try {
      await manager.put('/api/v1/settings/archive', { ...settings, churnRiskDays: 120 });
      expect((await listIds('churn_risk')).map((c) => c.id)).not.toContain(old);
      await manager.put('/api/v1/settings/archive', { ...settings, churnRiskDays: 7 });
      ids = (await listIds('churn_risk')).map((c) => c.id);
      expect(ids).toEqual(expect.arrayContaining([old, contacted]));
    } finally {
      await manager.put('/api/v1/settings/archive', settings);
    }
  });

  describe("birthdays, in the department's time zone, lunar-aware", () => {
    const made: Record<string, string> = {};
    beforeAll(async () => {
      const births: [string, string, boolean, boolean?][] = [
        ['今天', '1990-10-09', false],
        ['昨天', '1985-10-08', false],
        ['第七天', '1992-10-15', false],
        ['第八天', '1992-10-16', false],
        ['月末', '1970-10-31', false],
        ['下月初', '1970-11-01', false],
        ['农历八月三十', '1990-08-30', true], // 八月 has 29 days in 2026: today
        ['农历九月初一', '1990-09-01', true], // 2026-10-10
        ['农历十月初一', '1990-10-01', true], // 2026-11-09
        ['元旦', '1990-01-02', false],
        ['农历闰九月初一', '1990-09-01', true, true], // no 闰九月 this year: the ordinary 九月初一
      ];
      for (const [name, birthday, birthdayLunar, birthdayLunarLeap] of births) {
        const res = await manager.post('/api/v1/customers', {
          ...buildCustomer({ name }),
          birthday,
          birthdayLunar,
          birthdayLunarLeap: Boolean(birthdayLunarLeap),
        });
        expect(res.status).toBe(201);
        made[name] = res.body.id;
      }
    });

    const names = (items: { id: string }[]) =>
      Object.entries(made)
        .filter(([, id]) => items.some((c) => c.id === id))
        .map(([n]) => n)
        .sort();

    it("this week: today and the next six days, with this year's solar date of lunar birthdays", async () => {
      const items = await listIds('birthday_week');
      expect(names(items)).toEqual(['今天', '农历九月初一', '农历八月三十', '农历闰九月初一', '第七天'].sort());
      expect(items.find((c) => c.id === made['农历八月三十'])!.nextBirthday).toBe('2026-10-09');
      expect(items.find((c) => c.id === made['农历九月初一'])!.nextBirthday).toBe('2026-10-10');
    });

    it('this month: from today to the end of the month', async () => {
      expect(names(await listIds('birthday_month'))).toEqual(['今天', '农历九月初一', '农历八月三十', '农历闰九月初一', '月末', '第七天', '第八天'].sort());
    });

    it('the day changes at midnight in Shanghai, not in UTC', async () => {
      // 01:00 on 9 October in Shanghai is still 8 October in UTC
      const items = await at('2026-10-08T17:00:00Z', () => listIds('birthday_week'));
      expect(names(items)).toContain('今天');
      expect(names(items)).not.toContain('昨天');
    });

    it("the time zone is the business calendar's: moved to Los Angeles, it is still 8 October there", async () => {
      const calendar = (await manager.get('/api/v1/calendar/config')).body;
      expect((await manager.put('/api/v1/calendar/config', { ...calendar, timeZone: 'America/Los_Angeles' })).status).toBe(200);
      try {
        const items = await listIds('birthday_week'); // 2026-10-09T02:00Z is 8 October, 19:00 in Los Angeles
        expect(names(items)).toContain('昨天');
        expect(names(items)).not.toContain('第七天');
      } finally {
        await manager.put('/api/v1/calendar/config', calendar);
      }
    });

    it('a week across the year end', async () => {
      // sessions last 12 hours of the clock: sign in again at that moment
      const items = await at('2026-12-28T02:00:00Z', async () => listIds('birthday_week', await signIn(env(), manager.username)));
      expect(names(items)).toEqual(['元旦']);
      expect(items.find((c) => c.id === made['元旦'])!.nextBirthday).toBe('2027-01-02');
    });
  });
});
