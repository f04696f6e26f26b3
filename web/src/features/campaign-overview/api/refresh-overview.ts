import type { QueryClient } from '@tanstack/react-query';
import { overviewKeys } from './get-call-overview';

/** A busy campaign streams many changes a second; each overview is counted afresh at most this often. */
export const OVERVIEW_REFRESH_THROTTLE_MS = 2_000;

const scheduled = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();

/**
 * A call changed, from the call stream: the overviews shown are fetched again once the last fetch is
 * OVERVIEW_REFRESH_THROTTLE_MS old, the changes meanwhile taken in by that one fetch.
 */
export function refreshOverviewSoon(queryClient: QueryClient): void {
  const overviews = queryClient.getQueryCache().findAll({ queryKey: overviewKeys.all });
  if (overviews.length === 0 || scheduled.has(queryClient)) return;
  const lastFetched = Math.max(...overviews.map((query) => query.state.dataUpdatedAt));
  const wait = Math.max(0, lastFetched + OVERVIEW_REFRESH_THROTTLE_MS - Date.now());
  scheduled.set(
    queryClient,
    setTimeout(() => {
      scheduled.delete(queryClient);
      void queryClient.invalidateQueries({ queryKey: overviewKeys.all });
    }, wait),
  );
}
