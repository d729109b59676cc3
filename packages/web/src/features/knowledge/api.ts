import type { Article, ArticleInput, Suggestion } from '@kefu/shared/knowledge';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface ArticleQuery {
  q?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
}

export function useArticles(query: ArticleQuery) {
  return useQuery({
    queryKey: ['knowledge', 'list', query],
    queryFn: () => api.get<Page<Article>>('/api/v1/knowledge-articles', { ...query, limit: 100 }),
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string | undefined) {
  return useQuery({ queryKey: ['knowledge', 'one', id], queryFn: () => api.get<Article>(`/api/v1/knowledge-articles/${id}`), enabled: !!id });
}

/** Published articles for the question being typed (the caller debounces the text). */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: ['knowledge', 'suggest', q],
    queryFn: () => api.get<{ items: Suggestion[] }>('/api/v1/knowledge-articles/suggestions', { q, limit: 5 }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useSaveArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: ArticleInput & { version?: number } }) =>
      id ? api.patch<Article>(`/api/v1/knowledge-articles/${id}`, body) : api.post<Article>('/api/v1/knowledge-articles', body),
    onSuccess: (a) => {
      qc.setQueryData(['knowledge', 'one', a.id], a);
      void qc.invalidateQueries({ queryKey: ['knowledge', 'list'] });
      void qc.invalidateQueries({ queryKey: ['knowledge', 'suggest'] });
    },
  });
}
