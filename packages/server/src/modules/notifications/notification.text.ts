import { isMessageKey, translate, type Lang } from '@kefu/shared';

/**
 * A notification's words in the reader's language, from its kind and parameters: each area adds
 * `notify.<kind>.title` and `notify.<kind>.body` to its message catalog. Rendering at read time means a
 * manager reading in English sees English, whatever language the sweep ran in.
 */
export function renderNotification(kind: string, params: Record<string, unknown>, lang: Lang): { title: string; body: string } {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  const title = `notify.${kind}.title`;
  const body = `notify.${kind}.body`;
  return {
    title: isMessageKey(title) ? translate(title, lang, values) : kind,
    body: isMessageKey(body) ? translate(body, lang, values) : '',
  };
}
