import { AppError } from './errors';

/** Opaque keyset cursors: base64url of the last row's sort key. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number') ? v : null;
  } catch {
    return null;
  }
}

export type CursorPart = 'text' | 'int' | 'time' | 'uuid';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(v: string | number, part: CursorPart): boolean {
  switch (part) {
    case 'text':
      return typeof v === 'string' && v.length <= 200;
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'time':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    case 'uuid':
      return typeof v === 'string' && UUID.test(v);
  }
}

/**
 * A cursor of the expected shape, or null when there is none. A cursor that does not fit (edited,
 * from another list, from an older version) is a 400 the user can recover from, never a 500.
 */
export function readCursor(cursor: string | undefined, shape: readonly CursorPart[]): (string | number)[] | null {
  if (!cursor) return null;
  const v = decodeCursor(cursor);
  if (!v || !fitsShape(v, shape)) throw badCursor();
  return v;
}

export function fitsShape(values: (string | number)[], shape: readonly CursorPart[]): boolean {
  return values.length === shape.length && values.every((x, i) => fits(x, shape[i]!));
}

export function badCursor(): AppError {
  return new AppError('error.validation', 400, {}, { errors: [{ path: 'cursor', message: 'error.bad_cursor' }] });
}

export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
