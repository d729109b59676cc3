import { FOLLOW_UP_OUTCOME_LABELS } from './follow-up';
import { isMessageKey, translate, type Lang } from './messages';

/** The follow-up events (kinds `follow_up.*`) on the customer's timeline: the outcome of each call, never a number. */
export function followUpSummary(kind: string, data: Record<string, unknown>, lang: Lang): string | null {
  const zh = lang === 'zh-CN';
  const reason = reasonOf(data, lang);
  switch (kind) {
    case 'attempt': {
      const label = FOLLOW_UP_OUTCOME_LABELS[data.outcome as keyof typeof FOLLOW_UP_OUTCOME_LABELS]?.[lang] ?? String(data.outcome);
      const n = Number(data.attempt ?? 1);
      // the agreed time as the department's clock read it (written by the server in its zone)
      const at = typeof data.callbackLocal === 'string' ? data.callbackLocal : '';
      const callback = at ? (zh ? `，约定 ${at} 再联系` : `, call back at ${at}`) : '';
      return zh
        ? `回访（第 ${n} 次）：${label}${callback}${reason ? `（${reason}）` : ''}`
        : `Follow-up call ${n}: ${label}${callback}${reason ? ` (${reason})` : ''}`;
    }
    case 'issue':
      return zh ? `回访发现的问题已转为投诉 ${String(data.number ?? '')}` : `An issue found on a follow-up became complaint ${String(data.number ?? '')}`;
    default:
      return null;
  }
}

/** The task's reason in the reader's language (its message key and params), or the text written at the time. */
function reasonOf(data: Record<string, unknown>, lang: Lang): string {
  const key = typeof data.reason === 'string' ? data.reason : '';
  if (key && isMessageKey(key)) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries((data.reasonParams as Record<string, unknown> | undefined) ?? {}))
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    return translate(key, lang, params);
  }
  return typeof data.reasonText === 'string' ? data.reasonText : '';
}
