import type { DoNotCallPage } from '@call-scheduler/shared';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { doNotCallKeys } from './do-not-call-keys';

/** A page of the list in number order: the numbers starting with `search` (digits, + optional), after the cursor. */
export function getDoNotCallPage(search: string, after: string | null, signal?: AbortSignal): Promise<DoNotCallPage> {
  const query = new URLSearchParams();
  if (search) query.set('search', search);
  if (after) query.set('after', after);
  const queryString = query.toString();
  return apiRequest<DoNotCallPage>(queryString ? `/api/do-not-call?${queryString}` : '/api/do-not-call', { signal });
}

export function doNotCallQueryOptions(search: string) {
  return infiniteQueryOptions({
    queryKey: doNotCallKeys.list(search),
    queryFn: ({ pageParam, signal }) => getDoNotCallPage(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // The list searched before stays on screen until the new search answers.
    placeholderData: keepPreviousData,
  });
}

export function useDoNotCallList(search: string) {
  return useInfiniteQuery(doNotCallQueryOptions(search));
}
