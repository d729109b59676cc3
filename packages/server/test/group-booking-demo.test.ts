import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo';
import { loadDemoGroupBookings } from '../src/modules/demo/demo-group-bookings';
import { describeEachDb } from './helpers';

/** The demo's groups and named rooms: taken through the services (their places held), once. */
describeEachDb('demo group bookings and named rooms', (env) => {
  it('loads two groups with ticked items and two named-room forms, one changed; a second load adds nothing', async () => {
    const db = env().handle.db;
    await db.insertInto('settings').values({ key: 'demo_complaints_loaded', value: '{}' }).execute();
    await loadDemo(db, { password: 'demo-password-1', customers: 40 });
    const groups = await db.selectFrom('group_bookings').select(['id', 'status']).execute();
    expect(groups).toHaveLength(2);
    expect(await db.selectFrom('group_booking_checklist').select('item').where('done', '=', true).execute()).toHaveLength(4);
    const holds = await db.selectFrom('group_booking_holds as h').innerJoin('bookings as b', 'b.id', 'h.booking_id').select('b.status').execute();
    expect(holds.map((h) => h.status)).toEqual(['booked', 'booked']);
    const forms = await db.selectFrom('room_bookings').select(['kind', 'revision', 'is_current']).orderBy('created_at').execute();
    expect(forms.map((f) => [f.kind, f.revision, f.is_current]).sort()).toEqual([
      ['change', 2, true],
      ['new', 1, false],
      ['new', 1, true],
    ]);
    expect(await db.selectFrom('resources').select('id').where('kind', '=', 'named_room').execute()).toHaveLength(3);
    expect(await loadDemoGroupBookings(db)).toBe(0);
  });
});
