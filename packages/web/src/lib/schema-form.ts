import type { Lang } from '@kefu/shared/messages';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { errorText, isApiError } from './api-error';
import { toFormFields, zodFieldErrors } from './form-errors';

/**
 * Check form values with the shared zod schema before sending: errors go next to their fields, in the
 * reader's language. Returns the parsed value, or null when there were errors.
 */
export function parseForForm<S extends z.ZodType, V>(
  form: FormInstance<V>,
  schema: S,
  values: unknown,
  lang: Lang,
  fieldNames: readonly string[],
): z.output<S> | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  form.setFields(toFormFields<V>(zodFieldErrors(parsed.error, lang), fieldNames).fields);
  return null;
}

/** A failed request: its field errors onto the form; what belongs to no field is returned to show above it. */
export function showServerErrors<V>(form: FormInstance<V>, err: unknown, fieldNames: readonly string[]): string | null {
  if (!isApiError(err) || err.fieldErrors.length === 0) return errorText(err);
  const mapped = toFormFields<V>(err.fieldErrors, fieldNames);
  form.setFields(mapped.fields);
  return mapped.others.length ? mapped.others.join('；') : null;
}
