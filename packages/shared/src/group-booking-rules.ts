import { normalisePhone } from './phone';
import type { GroupSettings, RosterMember } from './group-booking';
import type { MessageKey } from './messages';

/** Pure rules of group bookings (seed 003 接受团体预约的工作流程); no I/O, tested by tables of cases. */

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

export type LeadVerdict = { kind: 'ok'; days: number } | { kind: 'too_soon'; days: number } | { kind: 'early'; days: number };

/**
 * Seed 003 "确定开球时间（需提前1-2星期预约）": the group's day counted in calendar days from today, both
 * in the department's zone. Fewer than the minimum: too soon; more than the maximum: early.
 */
export function leadVerdict(startDate: string, today: string, s: Pick<GroupSettings, 'minDaysAhead' | 'maxDaysAhead'>): LeadVerdict {
  const days = dayNumber(startDate) - dayNumber(today);
  if (days < s.minDaysAhead) return { kind: 'too_soon', days };
  if (days > s.maxDaysAhead) return { kind: 'early', days };
  return { kind: 'ok', days };
}

export interface RosterProblem {
  path: string;
  message: MessageKey;
  params?: Record<string, string | number>;
}

/** A roster that fits its group: no more people than the size, each phone once and valid, teams no bigger than a flight. */
export function rosterProblems(members: RosterMember[], size: number, maxPerTeam: number): RosterProblem[] {
  const problems: RosterProblem[] = [];
  if (members.length > size) problems.push({ path: 'members', message: 'group_booking.roster_over_size', params: { size, count: members.length } });
  const phones = new Map<string, number>();
  const teams = new Map<number, number>();
  members.forEach((m, i) => {
    if (m.phone) {
      const phone = normalisePhone(m.phone);
      if (!phone) problems.push({ path: `members.${i}.phone`, message: 'v.phone' });
      else if (phones.has(phone))
        problems.push({ path: `members.${i}.phone`, message: 'group_booking.roster_duplicate_phone', params: { row: phones.get(phone)! + 1 } });
      else phones.set(phone, i);
    }
    if (m.team !== null) {
      const n = (teams.get(m.team) ?? 0) + 1;
      teams.set(m.team, n);
      if (n > maxPerTeam) problems.push({ path: `members.${i}.team`, message: 'group_booking.team_full', params: { team: m.team, max: maxPerTeam } });
    }
  });
  return problems;
}

export interface ParsedRoster {
  members: RosterMember[];
  /** lines that could not be read, 1-based */
  skipped: number[];
}

const TEAM = /^(?:第)?(\d{1,3})组$/;
const PHONE = /^\+?[\d\-() ]{7,20}$/;

/**
 * A roster pasted from a message or a spreadsheet: one person a line, the name first, then in any order
 * a phone, a handicap (a number up to 54, 差点) and a team (第3组 / 3组). Cells split by tabs, commas,
 * 、 or spaces. A header line (姓名 …) and empty lines are skipped.
 */
export function parseRosterText(text: string): ParsedRoster {
  const members: RosterMember[] = [];
  const skipped: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const cells = line
      .split(/[\t,，、;；]|\s{1,}/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (!cells.length) return;
    const [name, ...rest] = cells;
    if (/^(姓名|name)$/i.test(name!)) return;
    if (/^\d/.test(name!) || name!.length > 50) {
      skipped.push(i + 1);
      return;
    }
    const m: RosterMember = { name: name!, phone: '', handicap: null, team: null };
    for (const c of rest) {
      const team = TEAM.exec(c);
      if (team) m.team = Number(team[1]);
      else if (/^-?\d{1,2}$/.test(c) && Math.abs(Number(c)) <= 54) m.handicap = Number(c);
      else if (PHONE.test(c)) m.phone = c.replace(/[\s\-()]/g, '');
    }
    members.push(m);
  });
  return { members, skipped };
}

/** The club's grouping when the group leaves it to the club: in roster order, by handicap, flights of `perTeam`. */
export function groupByHandicap(members: RosterMember[], perTeam: number): RosterMember[] {
  const order = members.map((m, i) => ({ m, i })).sort((a, b) => (a.m.handicap ?? 99) - (b.m.handicap ?? 99) || a.i - b.i);
  const teams = new Map<number, number>();
  order.forEach(({ i }, k) => teams.set(i, Math.floor(k / perTeam) + 1));
  return members.map((m, i) => ({ ...m, team: teams.get(i)! }));
}
