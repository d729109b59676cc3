import type { CalendarConfig } from '@kefu/shared/calendar/config';
import type { FieldError } from '../../lib/api-error';

/** The working-week form's values: every weekday has its times even when it is off, so switching back keeps them. */
export interface WeekFormValues {
  timeZone: string;
  week: { working: boolean; start: string; end: string }[];
  lunchOn: boolean;
  lunch: { start: string; end: string };
}

export function toFormValues(c: CalendarConfig): WeekFormValues {
  const usual = c.week.find((h) => h) ?? { start: '09:00', end: '18:00' };
  return {
    timeZone: c.timeZone,
    week: c.week.map((h) => ({ working: h !== null, start: (h ?? usual).start, end: (h ?? usual).end })),
    lunchOn: c.lunch !== null,
    lunch: c.lunch ?? { start: '12:00', end: '13:30' },
  };
}

export function toConfig(v: WeekFormValues): CalendarConfig {
  return {
    timeZone: v.timeZone,
    week: v.week.map((d) => (d.working ? { start: d.start.trim(), end: d.end.trim() } : null)),
    lunch: v.lunchOn ? { start: v.lunch.start.trim(), end: v.lunch.end.trim() } : null,
  };
}

/** An error path of the config ('week.1.end') as the form's field name (['week', 1, 'end']). */
export function fieldNameOf(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Errors that name a field of the form go beside it; the rest ('week': no working day) above the form. */
export function splitErrors(errors: FieldError[]): { fields: { name: (string | number)[]; errors: string[] }[]; others: string[] } {
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const others: string[] = [];
  for (const e of errors) {
    const name = fieldNameOf(e.path);
    const onField = (name[0] === 'week' && name.length === 3) || (name[0] === 'lunch' && name.length === 2) || (name[0] === 'timeZone' && name.length === 1);
    if (!onField) {
      others.push(e.message);
      continue;
    }
    const entry = fields.get(e.path) ?? { name, errors: [] };
    entry.errors.push(e.message);
    fields.set(e.path, entry);
  }
  return { fields: [...fields.values()], others };
}
