/**
 * Wall-clock arithmetic in a named time zone with Intl only: no Date local-time methods (the server's
 * own zone must never matter) and no library. Asia/Shanghai has no DST, but a zone that has one still
 * gets the right instants: a wall time is resolved with the offset in force at that moment.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock at an instant: its date 'YYYY-MM-DD' and the UTC instant that has the same wall-clock reading. */
function wall(at: number, timeZone: string): { date: string; asUtc: number } {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const seconds = Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second);
  return { date, asUtc: Date.parse(`${date}T00:00:00Z`) + seconds * 1000 + (((at % 1000) + 1000) % 1000) };
}

/** The zone's offset from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(at: number, timeZone: string): number {
  return wall(at, timeZone).asUtc - at;
}

/** The calendar date at an instant, in the zone. */
export function zonedDate(at: Date, timeZone: string): string {
  return wall(at.getTime(), timeZone).date;
}

/** The instant when the zone's clocks read `date` + `minutes` after midnight (1440 = the next midnight). */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  // in a DST gap the wall time does not exist; both guesses differ and the later one is taken
  return Math.max(first, second);
}

/** Day of the week of a 'YYYY-MM-DD' (0 = Sunday), which no time zone changes. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
