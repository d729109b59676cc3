import { isMessageKey, translate, type Lang } from '@kefu/shared/messages';
import type { FormInstance } from 'antd';
import { z } from 'zod';
import type { FieldError } from './api-error';

const zodLocales: Record<Lang, () => { localeError: z.core.$ZodErrorMap }> = { 'zh-CN': z.locales.zhCN, en: z.locales.en };

/** A zod issue in the reader's language: our message keys through the shared MESSAGES, the rest through zod's locale. */
export function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  if (isMessageKey(issue.message)) return translate(issue.message, lang);
  const text = zodLocales[lang]().localeError(issue as never);
  if (typeof text === 'string') return text;
  return text?.message ?? issue.message;
}

/** Issues of a failed safeParse as field errors; `tags.3` belongs to the `tags` field. */
export function zodFieldErrors(error: z.ZodError, lang: Lang): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issueText(issue, lang) }));
}

type FieldData<V> = Parameters<FormInstance<V>['setFields']>[0];

/**
 * Field errors (from zod on this side or from the server's `errors[]`) as antd form field data; errors
 * whose field is not on the form are returned apart, to be shown above the form.
 */
export function toFormFields<V>(
  errors: FieldError[],
  fieldNames: readonly string[],
): { fields: FieldData<V>; firstField: string | undefined; others: string[] } {
  const byField = new Map<string, string[]>();
  const others: string[] = [];
  for (const e of errors) {
    const field = e.path.split('.')[0] ?? '';
    if (fieldNames.includes(field)) byField.set(field, [...(byField.get(field) ?? []), e.message]);
    else others.push(e.message);
  }
  const fields = [...byField].map(([name, list]) => ({ name, errors: [...new Set(list)] }));
  // antd types field names by the form's values; ours come from the same list of fields
  return { fields: fields as unknown as FieldData<V>, firstField: fields[0]?.name, others };
}

/**
 * For a form's `onValuesChange`: the errors we set from zod or the server are not antd rules, so antd
 * would keep showing them after the person corrected the field; an error was about the old value.
 */
export function clearChangedFieldErrors<V>(form: FormInstance<V>, changed: object) {
  const fields = Object.keys(changed).map((name) => ({ name, errors: [] }));
  form.setFields(fields as unknown as FieldData<V>);
}
