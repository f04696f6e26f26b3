import type { CallFilters } from '../call-filters';

/** Every cached call query lives under `calls`, so one invalidation refreshes them all. */
export const callKeys = {
  all: ['calls'] as const,
  lists: () => [...callKeys.all, 'list'] as const,
  list: ({ status, batchId, search }: CallFilters) =>
    [...callKeys.lists(), { status: status ?? null, batchId: batchId ?? null, search: search ?? null }] as const,
  batches: () => [...callKeys.all, 'batches'] as const,
  details: () => [...callKeys.all, 'detail'] as const,
  detail: (id: string) => [...callKeys.details(), id] as const,
};
