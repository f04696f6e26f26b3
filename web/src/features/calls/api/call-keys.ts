import type { CallStatus } from '@call-scheduler/shared';

/** Every cached call query lives under `calls`, so one invalidation refreshes them all. */
export const callKeys = {
  all: ['calls'] as const,
  lists: () => [...callKeys.all, 'list'] as const,
  list: (status: CallStatus | undefined) => [...callKeys.lists(), { status: status ?? null }] as const,
  details: () => [...callKeys.all, 'detail'] as const,
  detail: (id: string) => [...callKeys.details(), id] as const,
};
