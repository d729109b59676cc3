/** Time comes from an injected clock so that rules can be tested at a fixed moment. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(at: string | Date): Clock & { set(at: string | Date): void } {
  let t = new Date(at);
  return { now: () => new Date(t), set: (v) => (t = new Date(v)) };
}

// building an Intl formatter costs far more than using one: one per time zone
const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of an instant in a time zone (the department's, Asia/Shanghai by default). */
export function localDate(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}
