import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo';
import { loadDemoBookings } from '../src/modules/demo/demo-bookings';
import { describeEachDb } from './helpers';

/** The demo club's resources (seed 004 约课排课): a coach, a class room of 12, a court; loaded once, never twice. */
describeEachDb('demo resources', (env) => {
  it('loads a coach, a room of 12 and a court with their hours, once; a second load adds nothing', async () => {
    const db = env().handle.db;
    await db.insertInto('settings').values({ key: 'demo_complaints_loaded', value: '{}' }).execute();
    await db.insertInto('settings').values({ key: 'demo_group_bookings_loaded', value: '{}' }).execute();
    await loadDemo(db, { password: 'demo-password-1', customers: 20 });
    const rows = await db.selectFrom('resources').select(['name', 'kind', 'capacity', 'opening_hours']).orderBy('name').execute();
    expect(rows.map((r) => [r.kind, r.capacity]).sort()).toEqual([
      ['coach', 1],
      ['court', 1],
      ['room', 12],
    ]);
    const coach = rows.find((r) => r.kind === 'coach')!;
    const hours = (typeof coach.opening_hours === 'string' ? JSON.parse(coach.opening_hours) : coach.opening_hours) as { from: string; to: string }[][];
    expect(hours[1]).toEqual([{ from: '07:00', to: '21:00' }]);
    expect(hours[0]).toEqual([{ from: '09:00', to: '18:00' }]);
    // the next start finds them there; even without its mark, names already present are not created again
    expect(await loadDemoBookings(db)).toBe(0);
    await db.deleteFrom('settings').where('key', '=', 'demo_bookings_loaded').execute();
    expect(await loadDemoBookings(db)).toBe(0);
    expect(await db.selectFrom('resources').select('id').execute()).toHaveLength(3);
  });
});
