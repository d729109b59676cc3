import type { Db } from '../../db/client';
import type { NewNotification } from '../notifications';
import { usersWithPermission, usersWithRole } from './complaint.repo';

/**
 * Who is told about a case, and in what words (kinds `complaint.*`, rendered from the message catalog).
 * The watch tells the assignee, the supervisors and the managers (SPEC §5 "Breach or near breach
 * notifies the supervisor and manager"): supervisors by their built-in role, managers by
 * `complaint:approve` (whoever approves compensation answers for the department's complaints); a case
 * nobody is assigned to goes to everyone who handles complaints, so it cannot be missed.
 */
export async function watchers(db: Db, c: { assignee_id: string | null }): Promise<string[]> {
  const people = new Set<string>([...(await usersWithPermission(db, 'complaint:approve')), ...(await usersWithRole(db, 'supervisor'))]);
  if (c.assignee_id) people.add(c.assignee_id);
  else for (const id of await usersWithPermission(db, 'complaint:handle')) people.add(id);
  return [...people];
}

/** The department handlers who answer a transfer. */
export function departmentHandlers(db: Db, departmentId: string): Promise<string[]> {
  return usersWithPermission(db, 'complaint:respond', departmentId);
}

export const caseLink = (id: string) => `/complaints/${id}`;

/**
 * One notification per person, never to the person who did it; `key` makes each unique (the same
 * event told twice, by two instances or two sweeps, is told once).
 */
export function notes(
  userIds: Iterable<string | null>,
  kind: string,
  key: string,
  params: Record<string, string | number>,
  link: string | null,
  except?: string | null,
): NewNotification[] {
  const out: NewNotification[] = [];
  for (const userId of new Set(userIds)) {
    if (!userId || userId === except) continue;
    out.push({ userId, kind: `complaint.${kind}`, params, link, dedupeKey: `complaint.${kind}:${key}:${userId}` });
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-10-09 12:00" in the department's zone: the same for readers of either language. */
export function localTime(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Fen to yuan as people write it: 50000 -> "500", 12345 -> "123.45". */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
