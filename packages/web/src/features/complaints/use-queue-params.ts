import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES } from '@kefu/shared/complaint';
import { COMPLAINT_STATES } from '@kefu/shared/complaint-workflow';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ListParams } from './api';

/** The queue's tabs: views of the list, and the officer's own promises. */
export const QUEUE_TABS = ['open', 'mine', 'closed', 'all', 'promises'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const FILTER_KEYS = ['state', 'category', 'severity', 'departmentId', 'assigneeId'] as const;
export type QueueFilterKey = (typeof FILTER_KEYS)[number];

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** The tab and filters live in the URL, so a view can be bookmarked and the menu can link to it. */
export function useQueueParams() {
  const [search, setSearch] = useSearchParams();
  const tab: QueueTab = oneOf(QUEUE_TABS, search.get('tab')) ?? 'open';
  const params = useMemo<ListParams>(
    () => ({
      view: tab === 'promises' ? 'open' : tab,
      state: oneOf(COMPLAINT_STATES, search.get('state')),
      category: oneOf(COMPLAINT_CATEGORIES, search.get('category')),
      severity: oneOf(COMPLAINT_SEVERITIES, search.get('severity')),
      departmentId: search.get('departmentId') ?? undefined,
      assigneeId: search.get('assigneeId') ?? undefined,
      // closed cases have no time left: the latest first
      sort: tab === 'closed' || tab === 'all' ? 'newest' : 'time_left',
    }),
    [search, tab],
  );
  const set = useCallback(
    (key: QueueFilterKey | 'tab', value: string | undefined) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: key !== 'tab' },
      );
    },
    [setSearch],
  );
  const clear = useCallback(() => setSearch((prev) => (prev.get('tab') ? new URLSearchParams({ tab: prev.get('tab')! }) : new URLSearchParams())), [setSearch]);
  return { tab, params, set, clear };
}
