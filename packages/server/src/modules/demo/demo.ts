import { sql } from 'kysely';
import { customerCreateSchema, type CustomerCreateInput } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { NewCustomer } from '../../db/schema';
import { hashPassword } from '../auth';
import { toInsertRow } from '../customers';
import { loadDemoBookings } from './demo-bookings';
import { loadDemoActivities } from './demo-activities';
import { loadDemoKnowledge } from './demo-knowledge';
import { loadDemoGroupBookings } from './demo-group-bookings';
import { loadDemoComplaints } from './demo-complaints';
import { loadDemoFollowUps } from './demo-follow-ups';
import { COMPANIES, GIVEN_FEMALE, GIVEN_MALE, REGIONS, STREETS, SURNAMES, TAGS } from './names';

/**
 * The demo department: 健身俱乐部 "悦动健身", one user of every role and about 2,000 customers.
 * Deterministic (a seeded generator), loaded once: a second `npm run demo` finds it there.
 */
export const DEMO_USERS = [
  { username: 'manager', displayName: '王经理', roles: ['manager'], agentNo: null },
  { username: 'supervisor', displayName: '李主管', roles: ['supervisor'], agentNo: null },
  { username: 'agent1', displayName: '张晓燕', roles: ['agent'], agentNo: '8001' },
  { username: 'agent2', displayName: '刘子豪', roles: ['agent'], agentNo: '8002' },
  { username: 'archivist', displayName: '陈档案', roles: ['archivist'], agentNo: null },
  { username: 'complaints', displayName: '赵客诉', roles: ['complaints'], agentNo: '8003' },
  { username: 'membership', displayName: '孙会籍', roles: ['membership'], agentNo: null },
  { username: 'handler', displayName: '周前台', roles: ['handler'], agentNo: null, department: '前台' },
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], agentNo: null },
] as const;

export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// prefixes in real use in mainland China (so every generated number passes validation)
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];

export function demoCustomerInputs(count: number, seed = 2026): CustomerCreateInput[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const totalWeight = SURNAMES.reduce((s, [, w]) => s + w, 0);
  const surname = () => {
    let r = rnd() * totalWeight;
    for (const [s, w] of SURNAMES) if ((r -= w) < 0) return s;
    return '王';
  };
  const usedMobiles = new Set<string>();
  const out: CustomerCreateInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const female = rnd() < 0.55;
    const given = female ? GIVEN_FEMALE : GIVEN_MALE;
    const name = surname() + pick(given) + (rnd() < 0.7 ? pick(given) : '');
    let mobile: string;
    do {
      mobile = `${pick(MOBILE_PREFIXES)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
    } while (usedMobiles.has(mobile));
    usedMobiles.add(mobile);
    const year = 1960 + Math.floor(rnd() * 45);
    const lunar = rnd() < 0.2;
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * (lunar ? 30 : 28));
    const tier = rnd() < 0.06 ? 'vip' : rnd() < 0.12 ? 'big' : 'normal';
    out.push({
      name,
      title: female ? 'ms' : 'mr',
      gender: female ? 'female' : 'male',
      mobile,
      // not derived from the mobile: WeChat ids are not masked, so they must not give digits away
      wechat:
        rnd() < 0.5
          ? `wx_${Math.floor(rnd() * 36 ** 6)
              .toString(36)
              .padStart(6, '0')}`
          : null,
      birthday: rnd() < 0.9 ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null,
      birthdayLunar: lunar,
      region: `北京市${pick(REGIONS)}`,
      address: `${pick(STREETS)}${1 + Math.floor(rnd() * 200)}号`,
      source: pick(['walk_in', 'referral', 'phone', 'online', 'event', 'other'] as const),
      company: pick(COMPANIES),
      classCode: pick(['partner', 'cooperative', 'general', 'general', 'general', 'competitor'] as const),
      tierCode: tier,
      tags: [...new Set([pick(TAGS), ...(rnd() < 0.4 ? [pick(TAGS)] : [])])],
      notes: rnd() < 0.1 ? '喜欢早上训练，联系请避开午休时间' : null,
      consentMarketing: rnd() < 0.7,
    });
  }
  return out;
}

export async function loadDemo(db: Db, opts: { password: string; customers?: number; log?: (m: string) => void }) {
  const done = await db.selectFrom('settings').select('key').where('key', '=', 'demo_loaded').executeTakeFirst();
  const usernames = DEMO_USERS.map((u) => u.username);
  if (done) {
    const n = await db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // a demo folder made before complaints existed gets its complaints now (once)
    await loadDemoComplaints(db, { ...(opts.log ? { log: opts.log } : {}) });
    await loadDemoBookings(db, { ...(opts.log ? { log: opts.log } : {}) });
    await loadDemoFollowUps(db, { ...(opts.log ? { log: opts.log } : {}) });
    await loadDemoKnowledge(db, { ...(opts.log ? { log: opts.log } : {}) });
    await loadDemoGroupBookings(db, { ...(opts.log ? { log: opts.log } : {}) });
    await loadDemoActivities(db, { ...(opts.log ? { log: opts.log } : {}) });
    return { customers: Number(n.n), usernames };
  }
  // the demo's users share a published password: never load them into a department with real data
  const existing = await db.selectFrom('customers').select('id').limit(1).execute();
  if (existing.length)
    throw new Error('This data folder already holds customers: the demo department loads only into an empty one (use another KEFU_DATA_DIR).');
  const hash = await hashPassword(opts.password);
  const rnd = seededRandom(7);
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    const dept = await trx
      .insertInto('departments')
      .values({ name: '前台' })
      .onConflict((oc) => oc.column('name').doUpdateSet({ name: '前台' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('departments')
      .values([{ name: '餐厅' }, { name: '更衣室' }, { name: '工程维修' }])
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    for (const u of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hash,
          roles: [...u.roles],
          agent_no: u.agentNo,
          // the demo's phone system: each agent's extension is their agent number (screen pop, click-to-call)
          extension: u.agentNo,
          department_id: 'department' in u ? dept.id : null,
        })
        .onConflict((oc) => oc.expression(sql`lower(username)`).doUpdateSet({ password_hash: hash, roles: [...u.roles], display_name: u.displayName }))
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(u.username, row.id);
    }
    const owners = [ids.get('agent1')!, ids.get('agent2')!];
    const inputs = demoCustomerInputs(opts.customers ?? 2000);
    const now = Date.now();
    const rows: NewCustomer[] = inputs.map((input, i) => {
      const parsed = customerCreateSchema.parse(input);
      const owner = i % 10 < 8 ? owners[i % 2]! : null;
      const lifecycle = pickLifecycle(rnd());
      const createdAt = new Date(now - Math.floor(rnd() * 720) * 86_400_000);
      const lastContact = rnd() < 0.85 ? new Date(Math.max(createdAt.getTime(), now - Math.floor(rnd() * 150) * 86_400_000)) : null;
      return { ...toInsertRow({ ...parsed, ownerId: owner }, null, lifecycle), created_at: createdAt, updated_at: createdAt, last_contact_at: lastContact };
    });
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('customers')
        .values(rows.slice(i, i + 500))
        .execute();
    await trx.executeQuery(
      sql`insert into timeline_events (customer_id, at, kind, data) select id, created_at, 'customer.created', '{"via":"import"}'::jsonb from customers`.compile(
        trx,
      ),
    );
    await trx
      .insertInto('settings')
      .values({ key: 'demo_loaded', value: JSON.stringify({ at: new Date().toISOString() }) })
      .execute();
  });
  opts.log?.(`demo department loaded: ${opts.customers ?? 2000} customers`);
  await loadDemoComplaints(db, { ...(opts.log ? { log: opts.log } : {}) });
  await loadDemoBookings(db, { ...(opts.log ? { log: opts.log } : {}) });
  await loadDemoFollowUps(db, { ...(opts.log ? { log: opts.log } : {}) });
  await loadDemoKnowledge(db, { ...(opts.log ? { log: opts.log } : {}) });
  await loadDemoGroupBookings(db, { ...(opts.log ? { log: opts.log } : {}) });
  await loadDemoActivities(db, { ...(opts.log ? { log: opts.log } : {}) });
  return { customers: opts.customers ?? 2000, usernames };
}

function pickLifecycle(r: number): NewCustomer['lifecycle'] {
  if (r < 0.1) return 'prospect';
  if (r < 0.75) return 'active';
  if (r < 0.88) return 'dormant';
  if (r < 0.97) return 'lost';
  return 'closed';
}
