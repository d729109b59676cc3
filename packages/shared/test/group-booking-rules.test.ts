import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUP_SETTINGS, type RosterMember } from '../src/group-booking';
import { groupByHandicap, leadVerdict, parseRosterText, rosterProblems } from '../src/group-booking-rules';
import { groupRoomSummary } from '../src/group-booking-timeline';
import { roomRateFen } from '../src/room-booking';

const m = (name: string, phone = '', handicap: number | null = null, team: number | null = null): RosterMember => ({ name, phone, handicap, team });

describe('leadVerdict: seed 003 需提前1-2星期预约, calendar days in the department zone', () => {
  it.each([
    ['2026-10-09', 'too_soon', 0],
    ['2026-10-15', 'too_soon', 6],
    ['2026-10-16', 'ok', 7],
    ['2026-10-23', 'ok', 14],
    ['2026-10-24', 'early', 15],
    ['2026-11-02', 'early', 24],
    ['2027-01-01', 'early', 84],
  ])('%s from 2026-10-09: %s (%i days)', (date, kind, days) => {
    expect(leadVerdict(date, '2026-10-09', DEFAULT_GROUP_SETTINGS)).toEqual({ kind, days });
  });
  it('across a month and a year end', () => {
    expect(leadVerdict('2027-01-05', '2026-12-29', DEFAULT_GROUP_SETTINGS)).toEqual({ kind: 'ok', days: 7 });
  });
});

describe('rosterProblems', () => {
  it.each<[string, RosterMember[], number, string[]]>([
    ['fits', [m('甲', '13800138001', 10, 1), m('乙', '13800138002', 12, 1)], 2, []],
    ['over the size', [m('甲'), m('乙'), m('丙')], 2, ['members:group_booking.roster_over_size']],
    ['a phone twice, written differently', [m('甲', '13800138001'), m('乙', '138 0013 8001')], 5, ['members.1.phone:group_booking.roster_duplicate_phone']],
    ['not a phone', [m('甲', '12345')], 5, ['members.0.phone:v.phone']],
    ['a landline is fine', [m('甲', '010-8888 6666')], 5, []],
    [
      'a fifth in a flight of four',
      [m('1', '', null, 2), m('2', '', null, 2), m('3', '', null, 2), m('4', '', null, 2), m('5', '', null, 2)],
      9,
      ['members.4.team:group_booking.team_full'],
    ],
    ['no team is no flight', [m('1'), m('2'), m('3'), m('4'), m('5')], 9, []],
  ])('%s', (_name, members, size, expected) => {
    expect(rosterProblems(members, size, 4).map((p) => `${p.path}:${p.message}`)).toEqual(expected);
  });
});

describe('parseRosterText', () => {
  it('reads name, phone, handicap and team in any order; skips headers, blanks and lines that start with a number', () => {
    const text = ['姓名\t手机\t差点\t组', '张伟\t13800138001\t12\t第1组', '王芳, 2组, 18, 138-0013-8002', '', '李强', '123 不是名字'].join('\n');
    expect(parseRosterText(text)).toEqual({
      members: [m('张伟', '13800138001', 12, 1), m('王芳', '13800138002', 18, 2), m('李强')],
      skipped: [6],
    });
  });
});

describe('groupByHandicap', () => {
  it('flights by handicap, the lowest together, keeping the roster order', () => {
    const out = groupByHandicap([m('甲', '', 20), m('乙', '', 5), m('丙', '', null), m('丁', '', 10), m('戊', '', 8)], 2);
    expect(out.map((x) => [x.name, x.team])).toEqual([
      ['甲', 2],
      ['乙', 1],
      ['丙', 3],
      ['丁', 2],
      ['戊', 1],
    ]);
  });
});

describe('roomRateFen: 房价 = 价目 × 折扣, fen, half up', () => {
  it.each([
    [128_800, 88, 113_344],
    [128_800, 100, 128_800],
    [99_999, 85, 84_999],
    [1, 50, 1],
    [1, 49, 0],
    [0, 70, 0],
  ])('price %i fen, discount %i: rate %i fen', (price, discount, rate) => {
    expect(roomRateFen(price, discount)).toBe(rate);
  });
});

describe('groupRoomSummary: the customer timeline lines', () => {
  it.each([
    ['group_booking.created', { number: 'TD20261009-0001', name: '华信球会', size: 12 }, '团体预约 TD20261009-0001（华信球会，12 人）已登记'],
    [
      'room_booking.changed',
      { number: 'GM20261009-0001', revision: 2, arrival: '2026-10-20', departure: '2026-10-23', confirmedBy: '王经理' },
      '冠名房预订 GM20261009-0001 更改为第 2 版（2026-10-20 至 2026-10-23，确认人：王经理）',
    ],
    ['room_booking.cancelled', { number: 'GM20261009-0001', confirmedBy: '王经理' }, '冠名房预订 GM20261009-0001 已取消（确认人：王经理）'],
  ])('%s', (kind, data, text) => {
    expect(groupRoomSummary(kind, data, 'zh-CN')).toBe(text);
    expect(groupRoomSummary(kind, data, 'en')).toContain(String(data.number));
  });
});
