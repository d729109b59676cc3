import type { OpeningHours, ResourceCreateInput } from '@kefu/shared';
import type { Db } from '../../db/client';
import { loadUserActor } from '../../lib/auth';
import { fixedClock } from '../../lib/clock';
import { createResourceService } from '../resources';

/** The same window every day of the week. */
const daily = (from: string, to: string): OpeningHours => Array.from({ length: 7 }, () => [{ from, to }]);
/** Sunday and Saturday keep shorter hours than the working days. */
const weekAndWeekend = (week: [string, string], weekend: [string, string]): OpeningHours =>
  Array.from({ length: 7 }, (_, d) => [d === 0 || d === 6 ? { from: weekend[0], to: weekend[1] } : { from: week[0], to: week[1] }]);

/** What the demo club (悦动健身) books, seed 004 约课排课: a coach, a class room of 12, a court. */
const RESOURCES: ResourceCreateInput[] = [
  {
    name: '私教·李教练',
    kind: 'coach',
    capacity: 1,
    openingHours: weekAndWeekend(['07:00', '21:00'], ['09:00', '18:00']),
    notes: '一对一私教课，每节 60 分钟',
  },
  { name: '动感单车教室', kind: 'room', capacity: 12, openingHours: daily('07:00', '22:00'), notes: '团课，每节 12 人' },
  { name: '羽毛球 1 号场', kind: 'court', capacity: 1, openingHours: daily('08:00', '22:00'), notes: '' },
];

/** The demo's resources, once (a demo folder made before bookings existed gets them on its next start). */
export async function loadDemoBookings(db: Db, opts: { log?: (m: string) => void } = {}): Promise<number> {
  const done = await db.selectFrom('settings').select('key').where('key', '=', 'demo_bookings_loaded').executeTakeFirst();
  if (done) return 0;
  const now = new Date();
  const resources = createResourceService({ db, clock: fixedClock(now) });
  const manager = await db.selectFrom('users').select('id').where('username', '=', 'manager').executeTakeFirstOrThrow();
  const ctx = { actor: (await loadUserActor(db, manager.id))!, ip: null, requestId: null, lang: 'zh-CN' as const };
  const existing = new Set((await resources.list({ includeInactive: true })).map((r) => r.name));
  const missing = RESOURCES.filter((r) => !existing.has(r.name));
  for (const r of missing) await resources.create(ctx, r);
  await db
    .insertInto('settings')
    .values({ key: 'demo_bookings_loaded', value: JSON.stringify({ at: now.toISOString(), count: missing.length }) })
    .execute();
  opts.log?.(`demo resources loaded: ${missing.length}`);
  return missing.length;
}
