/** Every cached do-not-call query lives under `do-not-call`, so one invalidation refreshes them all. */
export const doNotCallKeys = {
  all: ['do-not-call'] as const,
  list: (search: string) => [...doNotCallKeys.all, 'list', { search }] as const,
};
