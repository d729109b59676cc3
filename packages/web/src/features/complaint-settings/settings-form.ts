import type { ComplaintCategory, ComplaintSettings, ComplaintSeverity } from '@kefu/shared/complaint';
import type { FieldError } from '../../lib/api-error';

/** "任意" in a rule's pickers: the settings store it as null, which a Select cannot hold as a value. */
export const ANY = 'any';

export interface RuleValues {
  category: ComplaintCategory | typeof ANY;
  severity: ComplaintSeverity | typeof ANY;
  responseHours: number | null;
  resolveDays: number | null;
}

/** The settings as the manager types them: money in 元, the at-risk share in %, blanks allowed while editing. */
export interface SettingsFormValues {
  defaults: { responseHours: number | null; resolveDays: number | null };
  rules: RuleValues[];
  approvalThresholdYuan: number | null;
  atRiskPercent: number | null;
  reopenDays: number | null;
  followUpDays: (number | null)[];
}

export function toFormValues(s: ComplaintSettings): SettingsFormValues {
  return {
    defaults: { ...s.defaults },
    rules: s.rules.map((r) => ({ ...r, category: r.category ?? ANY, severity: r.severity ?? ANY })),
    approvalThresholdYuan: s.approvalThresholdFen / 100,
    // 0.57 * 100 is 56.99999999999999 in floating point
    atRiskPercent: Math.round(s.atRiskFraction * 10_000) / 100,
    reopenDays: s.reopenDays,
    followUpDays: [...s.followUpDays],
  };
}

/** 元 to fen; a third decimal stays a fraction of a fen, which the schema refuses ("最多精确到分"). */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  const fen = yuan * 100;
  return Math.abs(fen - Math.round(fen)) < 1e-6 ? Math.round(fen) : fen;
}

/** One rule of the form as the settings hold it ("任意" is null); a row being added may still be empty. */
export function ruleInput(r: Partial<RuleValues> | undefined) {
  return {
    category: !r?.category || r.category === ANY ? null : r.category,
    severity: !r?.severity || r.severity === ANY ? null : r.severity,
    responseHours: r?.responseHours ?? null,
    resolveDays: r?.resolveDays ?? null,
  };
}

/**
 * The form's values as the settings the API takes, not yet checked: blanks stay null so the shared
 * schema says what is missing, beside the field.
 */
export function toSettingsInput(v: SettingsFormValues) {
  const rules = v.rules ?? [];
  return {
    defaults: { responseHours: v.defaults?.responseHours ?? null, resolveDays: v.defaults?.resolveDays ?? null },
    rules: rules.map(ruleInput),
    approvalThresholdFen: yuanToFen(v.approvalThresholdYuan),
    atRiskFraction: v.atRiskPercent === null || v.atRiskPercent === undefined ? null : Number((v.atRiskPercent / 100).toFixed(6)),
    reopenDays: v.reopenDays ?? null,
    followUpDays: v.followUpDays ?? [],
  };
}

/** Follow-up days in increasing order, blanks last: the first is the one right after closing. */
export function sortedFollowUps(days: (number | null)[] | undefined): (number | null)[] {
  const list = days ?? [];
  return [...list.filter((d): d is number => typeof d === 'number').sort((a, b) => a - b), ...list.filter((d) => typeof d !== 'number')];
}

type Name = (string | number)[];

/** An error path of the settings ('rules.2.resolveDays', 'atRiskFraction') as the form field it belongs to. */
export function fieldNameOf(path: string): Name | null {
  const name: Name = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [head, ...rest] = name;
  if (head === 'approvalThresholdFen' && rest.length === 0) return ['approvalThresholdYuan'];
  if (head === 'atRiskFraction' && rest.length === 0) return ['atRiskPercent'];
  if (head === 'reopenDays' && rest.length === 0) return name;
  if (head === 'defaults' && rest.length === 1) return name;
  // a whole list ('rules': too many; 'followUpDays': out of order) or one of its entries
  if (head === 'followUpDays' && rest.length <= 1) return name;
  if (head === 'rules' && (rest.length === 0 || rest.length === 2)) return name;
  return null;
}

/** Errors that name a field go beside it; the rest (an unknown category sent by hand…) above the form. */
export function splitErrors(errors: FieldError[]): { fields: { name: Name; errors: string[] }[]; others: string[] } {
  const fields = new Map<string, { name: Name; errors: string[] }>();
  const others: string[] = [];
  for (const e of errors) {
    const name = fieldNameOf(e.path);
    if (!name) {
      others.push(e.message);
      continue;
    }
    const key = name.join('.');
    const entry = fields.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    fields.set(key, entry);
  }
  return { fields: [...fields.values()], others };
}

/** The fields a change touched (for clearing their old errors), and the list each belongs to. */
export function touchedNames(changed: object, prefix: Name = []): Name[] {
  const names: Name[] = [];
  for (const [key, value] of Object.entries(changed)) {
    const name = [...prefix, /^\d+$/.test(key) ? Number(key) : key];
    names.push(name);
    if (value && typeof value === 'object') names.push(...touchedNames(value as object, name));
  }
  return names;
}
