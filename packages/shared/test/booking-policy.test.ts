import { describe, expect, it } from 'vitest';
import {
  allowedBookingActions,
  bookingCreateSchema,
  bookingNumber,
  canMarkAttendance,
  changeDeadline,
  DEFAULT_BOOKING_SETTINGS,
  isFrozen,
  isWeekdayMorning,
  openingHoursSchema,
  suggestQuieterSlots,
  withinOpeningHours,
  type BookingChannel,
  type OpeningHours,
} from '../src';
import { bookingSummary } from '../src/booking-timeline';

const TZ = 'Asia/Shanghai';
const at = (s: string) => new Date(s);
// a lesson on Saturday 10 October 2026, 10:00 in Shanghai
const LESSON = at('2026-10-10T10:00:00+08:00');

describe('change windows of seed 004: by phone 1 day ahead, self-service 12 hours ahead, frozen inside', () => {
  it.each<[BookingChannel, string, boolean]>([
    ['phone', '2026-10-09T09:59:00+08:00', false], // 24 h 1 min ahead
    ['phone', '2026-10-09T10:00:00+08:00', false], // exactly 1 day ahead: still allowed
    ['phone', '2026-10-09T10:01:00+08:00', true],
    ['phone', '2026-10-10T08:00:00+08:00', true],
    ['front_desk', '2026-10-09T10:00:00+08:00', false], // the desk acts like the phone: a person does it for the customer
    ['front_desk', '2026-10-09T12:00:00+08:00', true],
    ['self_service', '2026-10-09T12:00:00+08:00', false], // 22 h ahead: fine for the app
    ['self_service', '2026-10-09T22:00:00+08:00', false], // exactly 12 h
    ['self_service', '2026-10-09T22:00:01+08:00', true],
    ['self_service', '2026-10-10T09:30:00+08:00', true],
  ])('%s at %s: frozen %s', (via, now, frozen) => expect(isFrozen(DEFAULT_BOOKING_SETTINGS, via, LESSON, at(now))).toBe(frozen));

  it('takes the hours from the settings', () => {
    const settings = { phoneHoursAhead: 48, selfServiceHoursAhead: 2 };
    expect(changeDeadline(settings, 'phone', LESSON).toISOString()).toBe('2026-10-08T02:00:00.000Z');
    expect(changeDeadline(settings, 'self_service', LESSON).toISOString()).toBe('2026-10-10T00:00:00.000Z');
    expect(isFrozen(settings, 'self_service', LESSON, at('2026-10-10T07:00:00+08:00'))).toBe(false);
  });
});

describe('the booking steps', () => {
  it.each([
    ['booked', ['cancel', 'move', 'attend', 'no_show', 'request_exception', 'decide_exception']],
    ['cancelled', []],
    ['attended', []],
    ['no_show', ['request_exception', 'decide_exception']],
  ] as const)('%s allows %j', (status, actions) => expect(allowedBookingActions(status)).toEqual(actions));

  it.each([
    ['2026-10-10T09:59:59+08:00', false],
    ['2026-10-10T10:00:00+08:00', true],
    ['2026-10-11T10:00:00+08:00', true],
  ])('attendance at %s: %s', (now, ok) => expect(canMarkAttendance(LESSON, at(now))).toBe(ok));
});

// Monday to Friday 09:00-12:00 and 14:00-18:00; Saturday 09:00-17:00; Sunday closed
const HOURS: OpeningHours = [
  [],
  ...Array(5).fill([
    { from: '09:00', to: '12:00' },
    { from: '14:00', to: '18:00' },
  ]),
  [{ from: '09:00', to: '17:00' }],
];

describe('opening hours in the department zone', () => {
  it.each([
    ['2026-10-12T09:00:00+08:00', '2026-10-12T10:00:00+08:00', true], // Monday morning
    ['2026-10-12T11:30:00+08:00', '2026-10-12T12:30:00+08:00', false], // runs into lunch
    ['2026-10-12T08:30:00+08:00', '2026-10-12T09:30:00+08:00', false],
    ['2026-10-12T17:00:00+08:00', '2026-10-12T18:00:00+08:00', true],
    ['2026-10-11T10:00:00+08:00', '2026-10-11T11:00:00+08:00', false], // Sunday
    ['2026-10-10T16:00:00+08:00', '2026-10-10T17:00:00+08:00', true], // Saturday
  ])('%s to %s: %s', (s, e, ok) => expect(withinOpeningHours(HOURS, { startsAt: at(s), endsAt: at(e) }, TZ)).toBe(ok));

  it('needs seven days, each window ending after it starts', () => {
    expect(openingHoursSchema.safeParse(HOURS).success).toBe(true);
    expect(openingHoursSchema.safeParse(HOURS.slice(1)).success).toBe(false);
    expect(openingHoursSchema.safeParse([...HOURS.slice(0, 6), [{ from: '12:00', to: '09:00' }]]).success).toBe(false);
  });
});

describe('quieter slots (seed 004 引导合理排课: weekday mornings first)', () => {
  it.each([
    ['2026-10-12T09:00:00+08:00', true],
    ['2026-10-16T11:00:00+08:00', true],
    ['2026-10-12T14:00:00+08:00', false],
    ['2026-10-10T09:00:00+08:00', false], // Saturday
    ['2026-10-11T09:00:00+08:00', false], // Sunday
  ])('%s is a weekday morning: %s', (s, yes) => expect(isWeekdayMorning(at(s), TZ)).toBe(yes));

  const wanted = { startsAt: at('2026-10-10T10:00:00+08:00'), endsAt: at('2026-10-10T11:00:00+08:00') };
  const base = { wanted, places: 1, capacity: 2, hours: HOURS, closures: [], busy: [], timeZone: TZ, now: at('2026-10-09T10:00:00+08:00') };

  it('offers weekday mornings, nearest first, never the asked time, never in the past', () => {
    const got = suggestQuieterSlots(base).map((s) => s.startsAt.toISOString());
    expect(got).toEqual(['2026-10-09T03:00:00.000Z', '2026-10-12T01:00:00.000Z', '2026-10-12T02:00:00.000Z']);
  });

  it('skips full times and closures, and prefers the emptiest morning', () => {
    const busy = [
      { startsAt: at('2026-10-09T11:00:00+08:00'), endsAt: at('2026-10-09T12:00:00+08:00'), places: 2 },
      { startsAt: at('2026-10-12T09:00:00+08:00'), endsAt: at('2026-10-12T10:00:00+08:00'), places: 1 },
    ];
    const closures = [{ startsAt: at('2026-10-12T10:00:00+08:00'), endsAt: at('2026-10-12T12:00:00+08:00') }];
    const got = suggestQuieterSlots({ ...base, busy, closures });
    expect(got.map((s) => [s.startsAt.toISOString(), s.free])).toEqual([
      ['2026-10-13T01:00:00.000Z', 2],
      ['2026-10-13T02:00:00.000Z', 2],
      ['2026-10-13T03:00:00.000Z', 2],
    ]);
  });

  it('finds nothing when the party is larger than the resource', () => expect(suggestQuieterSlots({ ...base, places: 3 })).toEqual([]));
});

describe('booking input and its number', () => {
  it('reads YY + the day + a 4-digit sequence', () => {
    expect(bookingNumber('2026-10-09', 1)).toBe('YY20261009-0001');
    expect(bookingNumber('2026-10-09', 12345)).toBe('YY20261009-12345');
  });

  it('refuses an end before the start', () => {
    const ok = {
      customerId: crypto.randomUUID(),
      resourceId: crypto.randomUUID(),
      startsAt: '2026-10-10T10:00:00+08:00',
      endsAt: '2026-10-10T11:00:00+08:00',
      channel: 'phone',
    };
    expect(bookingCreateSchema.safeParse(ok).success).toBe(true);
    const bad = bookingCreateSchema.safeParse({ ...ok, endsAt: ok.startsAt });
    expect(bad.error?.issues[0]?.message).toBe('booking.v.time_order');
  });
});

describe('booking steps on the timeline, both languages', () => {
  const data = { number: 'YY20261009-0001', resource: '王老师', startsAt: '2026-10-10T02:00:00.000Z', via: 'phone' };
  it.each([
    ['booked', { ...data, channel: 'phone' }, '预约 YY20261009-0001（王老师，10月10日 10:00）已登记，渠道：电话'],
    ['cancelled', data, '预约 YY20261009-0001（王老师，10月10日 10:00）已取消（电话）'],
    ['no_show', data, '预约 YY20261009-0001（王老师，10月10日 10:00）旷课/未到'],
    ['exception_approved', data, '预约 YY20261009-0001（王老师，10月10日 10:00）例外申请已批准，取消且不扣课时'],
  ])('%s', (step, d, zh) => {
    expect(bookingSummary(step, d, 'zh-CN')).toBe(zh);
    expect(bookingSummary(step, d, 'en')).toMatch(/^Booking YY20261009-0001 \(王老师, /);
  });

  it('reads the wall-clock time the server wrote in the department zone, when there is one', () => {
    const d = { ...data, startsAt: '2026-10-10T02:00:00.000Z', local: '2026-10-10 03:00', from: '2026-10-09T02:00:00.000Z', fromLocal: '2026-10-09 03:00' };
    expect(bookingSummary('moved', d, 'zh-CN')).toBe('预约 YY20261009-0001（王老师，10月10日 03:00）已改期，原时间 10月9日 03:00');
    expect(bookingSummary('moved', d, 'en')).toBe('Booking YY20261009-0001 (王老师, 10 Oct 03:00) moved from 9 Oct 03:00');
  });
});
