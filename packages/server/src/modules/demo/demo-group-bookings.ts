import { zonedDate, zonedInstant, type OpeningHours } from '@kefu/shared';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { loadUserActor } from '../../lib/auth';
import { fixedClock } from '../../lib/clock';
import { createBookingHolds, createBookingSettings } from '../bookings';
import { createCalendarService } from '../calendar';
import { createGroupBookingService, createGroupSettings } from '../group-bookings';
import { createResourceService } from '../resources';
import { createRoomBookingService } from '../room-bookings';

const ALL_DAY: OpeningHours = Array.from({ length: 7 }, () => [{ from: '00:00', to: '23:59' }]);
const NAMED_ROOMS = ['冠名房·华信厅', '冠名房·明珠厅', '冠名房·金桂厅'];
const DAY = 86_400_000;

/**
 * The demo's group bookings and named rooms (seed 003 团体预约, 冠名房预约): three named rooms, two
 * groups 10 and 12 days ahead (inside the seed's 1-2 weeks) with part of their checklist ticked, two
 * 冠名房预订表 of which one was changed. Taken through the services, so they hold their places.
 */
export async function loadDemoGroupBookings(db: Db, opts: { log?: (m: string) => void } = {}): Promise<number> {
  const done = await db.selectFrom('settings').select('key').where('key', '=', 'demo_group_bookings_loaded').executeTakeFirst();
  if (done) return 0;
  const now = new Date();
  const clock = fixedClock(now);
  const calendar = createCalendarService({ db, clock });
  const timeZone = async () => (await calendar.current()).config.timeZone;
  const tz = await timeZone();
  const resources = createResourceService({ db, clock });
  const holds = createBookingHolds({ db, clock, timeZone, resources, settings: createBookingSettings({ db, clock }) });
  const groups = createGroupBookingService({ db, clock, timeZone, resources, holds, settings: createGroupSettings({ db, clock }) });
  const rooms = createRoomBookingService({ db, clock, timeZone, resources, holds });
  const manager = await db.selectFrom('users').select('id').where('username', '=', 'manager').executeTakeFirstOrThrow();
  const ctx = { actor: (await loadUserActor(db, manager.id))!, ip: null, requestId: null, lang: 'zh-CN' as const };

  const existing = new Map((await resources.list({ includeInactive: true })).map((r) => [r.name, r]));
  for (const name of NAMED_ROOMS)
    if (!existing.has(name))
      existing.set(name, await resources.create(ctx, { name, kind: 'named_room', capacity: 1, openingHours: ALL_DAY, notes: '冠名包厢客房' }));
  const roomIds = NAMED_ROOMS.map((n) => existing.get(n)!.id);
  const classRoom = existing.get('动感单车教室');
  const court = existing.get('羽毛球 1 号场');

  const organisers = await db
    .selectFrom('customers')
    .select(['id', 'name', 'mobile'])
    .where('lifecycle', '=', 'active')
    .where('merged_into', 'is', null)
    .orderBy('created_at')
    .limit(4)
    .execute();
  if (organisers.length < 4 || !classRoom || !court) return 0;
  const today = zonedDate(now, tz);
  const dayAhead = (n: number) => zonedDate(new Date(Date.parse(`${today}T12:00:00Z`) + n * DAY), tz);
  const at = (day: string, hhmm: string) => new Date(zonedInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), tz)).toISOString();
  const idem = () => ({ key: randomUUID(), route: 'demo' });

  const spin = await groups.create(
    ctx,
    {
      name: '华信科技员工团建',
      organiserId: organisers[0]!.id,
      contactName: '周秘书',
      contactPhone: '13912345678',
      size: 10,
      startsAt: at(dayAhead(10), '09:00'),
      endsAt: at(dayAhead(10), '10:00'),
      resources: [{ resourceId: classRoom.id, places: 10 }],
      groupingMode: 'venue',
      notes: '需要 2 位教练带课，结束后在餐厅用午餐',
      roster: [
        { name: '张伟', phone: '13800138001', handicap: null, team: 1 },
        { name: '王芳', phone: '13800138002', handicap: null, team: 1 },
        { name: '李强', phone: '13800138003', handicap: null, team: 2 },
      ],
    },
    idem(),
  );
  await groups.tick(ctx, spin.body.id, 'roster', { done: true, note: '先报 3 人，其余周三前补齐', version: 1 });
  await groups.tick(ctx, spin.body.id, 'dining', { done: true, note: '午餐自助，10 人', version: 1 });
  const match = await groups.create(
    ctx,
    {
      name: '明珠商会羽毛球联谊赛',
      organiserId: organisers[1]!.id,
      contactName: '陈会长',
      contactPhone: '13712345678',
      size: 8,
      startsAt: at(dayAhead(12), '14:00'),
      endsAt: at(dayAhead(12), '17:00'),
      resources: [{ resourceId: court.id, places: 1 }],
      groupingMode: 'self',
      notes: '赛后颁奖，需要音响和颁奖台',
    },
    idem(),
  );
  await groups.tick(ctx, match.body.id, 'start_time', { done: true, note: '', version: 1 });
  await groups.tick(ctx, match.body.id, 'ceremony', { done: true, note: '音响、颁奖台已报工程部', version: 1 });

  const form = (customer: (typeof organisers)[number], room: string[], arrive: number, nights: number, extra: Record<string, unknown> = {}) => ({
    customerId: customer.id,
    guestIdentity: 'founding_member' as const,
    guestName: customer.name,
    contact: customer.mobile ?? '13812345678',
    company: '',
    arrival: dayAhead(arrive),
    departure: dayAhead(arrive + nights),
    roomType: '湖景套房',
    persons: 2,
    roomIds: room,
    priceFen: 128_800,
    discountPercent: 88,
    extras: ['dining' as const],
    paymentMethod: 'stored_value' as const,
    channel: 'phone' as const,
    bookedOn: today,
    receivedBy: '刘前台',
    ...extra,
  });
  await rooms.create(ctx, form(organisers[2]!, [roomIds[0]!], 3, 2, { company: '华信科技有限公司', remarks: '需要安静的房间' }), idem());
  const faxed = await rooms.create(ctx, form(organisers[3]!, [roomIds[1]!], 5, 1, { channel: 'fax', guestIdentity: 'stored_value_member' }), idem());
  await rooms.change(ctx, faxed.body.id, {
    ...form(organisers[3]!, [roomIds[1]!, roomIds[2]!], 5, 2, { channel: 'fax', guestIdentity: 'stored_value_member', persons: 4 }),
    confirmedBy: '王经理',
    revision: 1,
  });

  await db
    .insertInto('settings')
    .values({ key: 'demo_group_bookings_loaded', value: JSON.stringify({ at: now.toISOString() }) })
    .execute();
  opts.log?.('demo group bookings and named rooms loaded');
  return 4;
}
