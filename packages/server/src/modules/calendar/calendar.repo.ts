import type { CalendarDayBody } from '@kefu/shared';
import type { Db } from '../../db/client';

/** Typed SQL of the manager's calendar changes; every function takes the database or a transaction first. */
export interface DayOverrideRow {
  date: string;
  kind: 'holiday' | 'workday' | 'normal';
  name: string;
  updated_at: Date;
  updated_by_name: string | null;
}

function selectOverrides(db: Db) {
  return db
    .selectFrom('calendar_days as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.date', 'd.kind', 'd.name', 'd.updated_at', 'u.display_name as updated_by_name']);
}

export async function allOverrides(db: Db): Promise<DayOverrideRow[]> {
  return selectOverrides(db).orderBy('d.date').execute();
}

export async function overridesOfYear(db: Db, year: number): Promise<DayOverrideRow[]> {
  return selectOverrides(db).where('d.date', '>=', `${year}-01-01`).where('d.date', '<=', `${year}-12-31`).orderBy('d.date').execute();
}

export async function findOverride(db: Db, date: string): Promise<DayOverrideRow | undefined> {
  return selectOverrides(db).where('d.date', '=', date).executeTakeFirst();
}

export async function upsertOverride(db: Db, day: CalendarDayBody, by: string | null, at: Date): Promise<void> {
  const values = { kind: day.kind, name: day.name, updated_by: by, updated_at: at };
  await db
    .insertInto('calendar_days')
    .values({ date: day.date, ...values })
    .onConflict((oc) => oc.column('date').doUpdateSet(values))
    .execute();
}

export async function deleteOverride(db: Db, date: string): Promise<boolean> {
  const rows = await db.deleteFrom('calendar_days').where('date', '=', date).returning('date').execute();
  return rows.length > 0;
}

export async function markedYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** True when the year was not marked before. */
export async function insertMarkedYear(db: Db, year: number, by: string | null, at: Date): Promise<boolean> {
  const rows = await db
    .insertInto('calendar_years')
    .values({ year, marked_by: by, marked_at: at })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('year')
    .execute();
  return rows.length > 0;
}

export async function deleteMarkedYear(db: Db, year: number): Promise<boolean> {
  const rows = await db.deleteFrom('calendar_years').where('year', '=', year).returning('year').execute();
  return rows.length > 0;
}
