import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CustomerListName, CustomerListParams } from './api';

export const LIST_NAMES: CustomerListName[] = ['big', 'churn_risk', 'birthday_week', 'birthday_month'];
const FILTER_KEYS = ['lifecycle', 'tierCode', 'classCode', 'ownerId', 'tag'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The list view and its filters live in the URL, so a view can be bookmarked and the menu can link to it. */
export function useListParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const listParam = search.get('list') as CustomerListName | null;
    const result: Omit<CustomerListParams, 'q'> = { list: listParam && LIST_NAMES.includes(listParam) ? listParam : undefined };
    for (const key of FILTER_KEYS) result[key] = search.get(key) ?? undefined;
    return result;
  }, [search]);

  const setFilter = useCallback(
    (key: FilterKey | 'list', value: string | undefined) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: key !== 'list' },
      );
    },
    [setSearch],
  );
  const clearFilters = useCallback(() => {
    setSearch((prev) => {
      const next = new URLSearchParams();
      const list = prev.get('list');
      if (list) next.set('list', list);
      return next;
    });
  }, [setSearch]);
  return { params, setFilter, clearFilters };
}
