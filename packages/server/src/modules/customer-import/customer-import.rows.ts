import {
  IMPORT_FIELDS,
  customerCreateSchema,
  isMessageKey,
  normaliseMobile,
  type CustomerCreate,
  type ImportField,
  type ImportMapping,
  type MessageKey,
} from '@kefu/shared';
import { readBool, readDate, readGender, readList, readSource, readTitle, splitLunarMark } from './customer-import.values';

/**
 * One row of a customer book to a new customer, or the reasons it cannot be one. Pure: the names of
 * users and categories come in as lookups, the numbers already in the archive as a set.
 */
export interface ImportLookups {
  /** lower-cased display name or username -> user id; null when a display name is shared */
  owners: Map<string, string | null>;
  /** lower-cased code or label -> code */
  classes: Map<string, string>;
  tiers: Map<string, string>;
}

export interface RowIssue {
  field: ImportField;
  value: string;
  message: MessageKey;
  params?: Record<string, string | number>;
}

export interface CheckedRow {
  line: number;
  /** the customer to insert; null when the row has issues */
  input: CustomerCreate | null;
  /** the normalised mobile, when it is one (also for rows with other issues: duplicates are reported too) */
  mobile: string | null;
  issues: RowIssue[];
}

const FIELD_ORDER = Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])) as Record<ImportField, number>;
const SCHEMA_FIELDS: Record<string, ImportField> = { ownerId: 'owner', birthdayLunarLeap: 'birthdayLunar' };

export function checkRow(line: number, cells: string[], mapping: ImportMapping, lookups: ImportLookups): CheckedRow {
  const cell = (f: ImportField) => {
    const i = mapping[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const issues: RowIssue[] = [];
  const unreadable = <T>(field: ImportField, v: T | undefined, fallback: T): T => {
    if (v !== undefined) return v;
    issues.push({ field, value: cell(field), message: 'import.bad_value', params: { value: cell(field) } });
    return fallback;
  };
  const ref = (field: ImportField, table: Map<string, string | null>, unknown: MessageKey) => {
    const v = cell(field);
    if (!v) return null;
    const hit = table.get(v.toLowerCase());
    if (hit) return hit;
    issues.push({ field, value: v, message: hit === null ? 'import.ambiguous_owner' : unknown, params: { value: v } });
    return null;
  };

  const title = unreadable('title', readTitle(cell('title')), null);
  const gender = unreadable('gender', readGender(cell('gender')), null) ?? (title === 'mr' ? 'male' : title === 'ms' ? 'female' : 'unknown');
  const birthdayCell = splitLunarMark(cell('birthday'));
  const lunarFlag = unreadable('birthdayLunar', readBool(cell('birthdayLunar')), null);
  // the mobile is normalised here once, not again by the schema (libphonenumber is the costliest check)
  const mobile = cell('mobile') ? normaliseMobile(cell('mobile')) : null;
  if (cell('mobile') && !mobile) issues.push({ field: 'mobile', value: cell('mobile'), message: 'v.mobile' });
  const raw = {
    name: cell('name'),
    title,
    gender,
    mobile: null,
    otherPhones: readList(cell('otherPhones')),
    wechat: cell('wechat') || null,
    email: cell('email') || null,
    idNumber: cell('idNumber') || null,
    birthday: readDate(birthdayCell.date),
    birthdayLunar: lunarFlag ?? birthdayCell.lunar,
    region: cell('region') || null,
    address: cell('address') || null,
    source: readSource(cell('source')),
    company: cell('company') || null,
    ownerId: ref('owner', lookups.owners, 'import.unknown_owner'),
    classCode: ref('classCode', lookups.classes, 'import.unknown_category'),
    tierCode: ref('tierCode', lookups.tiers, 'import.unknown_category'),
    tags: readList(cell('tags')),
    notes: cell('notes') || null,
  };
  const parsed = customerCreateSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'name');
      const field = (SCHEMA_FIELDS[key] ?? key) as ImportField;
      if (issues.some((i) => i.field === field)) continue;
      const message = isMessageKey(issue.message) ? issue.message : 'import.bad_value';
      issues.push({ field, value: cell(field), message, params: { value: cell(field) } });
    }
  }
  issues.sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field]);
  return { line, input: parsed.success && issues.length === 0 ? { ...parsed.data, mobile } : null, mobile, issues };
}

/**
 * Duplicates by normalised mobile (SPEC §2): against the archive for every row, and within the file,
 * where the first valid row with a number keeps it and later rows are reported against it.
 */
export function markDuplicates(rows: CheckedRow[], inArchive: ReadonlySet<string>, mobileCell: (row: CheckedRow) => string): void {
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    if (!r.mobile) continue;
    if (inArchive.has(r.mobile)) {
      r.issues.push({ field: 'mobile', value: mobileCell(r), message: 'import.duplicate_in_archive' });
      r.input = null;
      continue;
    }
    const first = firstLine.get(r.mobile);
    if (first !== undefined) {
      r.issues.push({ field: 'mobile', value: mobileCell(r), message: 'import.duplicate_in_file', params: { row: first } });
      r.input = null;
    } else if (r.input) {
      firstLine.set(r.mobile, r.line);
    }
  }
}
