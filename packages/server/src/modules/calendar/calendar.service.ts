import {
  CALENDAR_YEAR_RANGE,
  DEFAULT_CALENDAR_CONFIG,
  calendarConfigSchema,
  createBusinessCalendar,
  shippedCalendarDays,
  zonedDate,
  type BusinessCalendar,
  type CalendarConfig,
  type CalendarCoverage,
  type CalendarDayBody,
  type CalendarDayEntry,
  type CalendarYear,
} from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, invalid, notFound } from '../../lib/errors';
import { appendAudit } from '../audit';
import { mergeDays, toEntry, yearEntries } from './calendar.days';
import * as repo from './calendar.repo';

const SETTINGS_KEY = 'calendar';

/**
 * The department's business calendar (工作日历): the working week, China's shipped holidays and 调休,
 * and the manager's changes. Every SLA computation asks `current()`, so it is cached; a change made
 * here drops the cache at once, one made on another instance is seen within the TTL.
 */
export function createCalendarService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const shipped = shippedCalendarDays();
  const shippedYears = new Set(shipped.years);
  const TTL_MS = 30_000;
  // the promise is cached, so that a burst of requests after expiry reads the tables once
  let cached: { value: Promise<BusinessCalendar>; at: number } | null = null;

  function current(): Promise<BusinessCalendar> {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const value = build();
    cached = { value, at: Date.now() };
    value.catch(() => (cached = null));
    return value;
  }

  async function build(): Promise<BusinessCalendar> {
    const [cfg, overrides, marked] = await Promise.all([config(), repo.allOverrides(db), repo.markedYears(db)]);
    return createBusinessCalendar(cfg, mergeDays(shipped.days, overrides), [...shipped.years, ...marked]);
  }

  async function config(): Promise<CalendarConfig> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
    const parsed = calendarConfigSchema.safeParse(row?.value ?? DEFAULT_CALENDAR_CONFIG);
    return parsed.success ? parsed.data : DEFAULT_CALENDAR_CONFIG;
  }

  const userOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

  async function saveConfig(ctx: Ctx, value: CalendarConfig): Promise<CalendarConfig> {
    const json = JSON.stringify(value);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: SETTINGS_KEY, value: json, updated_by: userOf(ctx) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: userOf(ctx), updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'calendar.config', entityType: 'settings', entityId: SETTINGS_KEY, detail: { ...value } });
    });
    cached = null;
    return value;
  }

  async function days(year: number): Promise<CalendarYear> {
    checkYear('year', year);
    const [overrides, marked] = await Promise.all([repo.overridesOfYear(db, year), repo.markedYears(db)]);
    const coveredBy = shippedYears.has(year) ? 'shipped' : marked.includes(year) ? 'manual' : null;
    return { year, coveredBy, days: yearEntries(year, shipped.days, overrides) };
  }

  function checkYear(path: string, year: number) {
    if (year < CALENDAR_YEAR_RANGE[0] || year > CALENDAR_YEAR_RANGE[1]) throw invalid(path, 'calendar.v.year');
  }

  async function setDay(ctx: Ctx, day: CalendarDayBody): Promise<CalendarDayEntry> {
    const { date } = day;
    checkYear('date', Number(date.slice(0, 4)));
    const entry = await db.transaction().execute(async (trx) => {
      const before = await repo.findOverride(trx, date);
      await repo.upsertOverride(trx, day, userOf(ctx), clock.now());
      const after = (await repo.findOverride(trx, date)) as repo.DayOverrideRow;
      const previous = before ? { kind: before.kind, name: before.name } : null;
      await appendAudit(trx, ctx, {
        action: 'calendar.day.set',
        entityType: 'calendar_day',
        entityId: date,
        detail: { kind: day.kind, name: day.name, previous },
      });
      return toEntry(after, shipped.days.find((d) => d.date === date) ?? null);
    });
    cached = null;
    return entry;
  }

  /** Drops the manager's change of a date: the shipped day (or the plain week) applies again. */
  async function removeDay(ctx: Ctx, date: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const before = await repo.findOverride(trx, date);
      if (!before || !(await repo.deleteOverride(trx, date))) throw notFound();
      await appendAudit(trx, ctx, {
        action: 'calendar.day.remove',
        entityType: 'calendar_day',
        entityId: date,
        detail: { kind: before.kind, name: before.name },
      });
    });
    cached = null;
  }

  /** The manager has entered a year's notice: the year is no longer reported missing. */
  async function markYearCovered(ctx: Ctx, year: number): Promise<CalendarCoverage> {
    checkYear('year', year);
    if (!shippedYears.has(year)) {
      await db.transaction().execute(async (trx) => {
        if (await repo.insertMarkedYear(trx, year, userOf(ctx), clock.now())) {
          await appendAudit(trx, ctx, { action: 'calendar.year.covered', entityType: 'calendar_year', entityId: String(year) });
        }
      });
      cached = null;
    }
    return coverage();
  }

  async function unmarkYearCovered(ctx: Ctx, year: number): Promise<CalendarCoverage> {
    checkYear('year', year);
    if (shippedYears.has(year)) throw new AppError('calendar.year_shipped', 409, { year });
    await db.transaction().execute(async (trx) => {
      if (await repo.deleteMarkedYear(trx, year)) {
        await appendAudit(trx, ctx, { action: 'calendar.year.uncovered', entityType: 'calendar_year', entityId: String(year) });
      }
    });
    cached = null;
    return coverage();
  }

  /** Which of this year and next year (in the calendar's zone) lack holiday data: the screens warn about them. */
  async function coverage(now: Date = clock.now()): Promise<CalendarCoverage> {
    const cal = await current();
    const thisYear = Number(zonedDate(now, cal.config.timeZone).slice(0, 4));
    const checked = [thisYear, thisYear + 1];
    return {
      covered: [...cal.coveredYears].sort((a, b) => a - b),
      shipped: [...shippedYears],
      checked,
      missing: checked.filter((y) => !cal.coveredYears.has(y)),
    };
  }

  return { current, config, saveConfig, days, setDay, removeDay, markYearCovered, unmarkYearCovered, coverage };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
