// Cursor-paged list state shared by the table pages: first page on filter change, "load more" after.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client';
import type { Page } from '../api/types';
import { toApiError } from './useAsync';

export type PageFetcher<T, F> = (filters: F, cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

export interface CursorList<T> {
  items: T[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one loaded item in place (after an edit) without refetching. */
  replace: (match: (item: T) => boolean, item: T) => void;
}

export function useCursorList<T, F>(fetchPage: PageFetcher<T, F>, filters: F): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const controller = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const load = useCallback((from: string | null) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    setError(null);
    fetchRef
      .current(filtersRef.current, from, current.signal)
      .then((page) => {
        setItems((previous) => (from === null ? page.items : [...previous, ...page.items]));
        setCursor(page.next_cursor);
      })
      .catch((cause: unknown) => {
        if (!current.signal.aborted) setError(toApiError(cause));
      })
      .finally(() => {
        if (controller.current === current) setLoading(false);
      });
  }, []);

  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    load(null);
  }, [filterKey, load]);
  useEffect(() => () => controller.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (cursor) load(cursor);
  }, [cursor, load]);
  const reload = useCallback(() => load(null), [load]);
  const replace = useCallback((match: (item: T) => boolean, item: T) => {
    setItems((previous) => previous.map((existing) => (match(existing) ? item : existing)));
  }, []);

  return { items, loading, error, hasMore: cursor !== null, loadMore, reload, replace };
}
