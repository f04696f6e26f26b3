import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** Puts `item` into the cached list under `key`: in place of the entry with its id, or at the end. */
export function putInList<T extends { id: string }>(queryClient: QueryClient, key: QueryKey, item: T): void {
  queryClient.setQueryData<T[]>(key, (items) => {
    if (!items) return items;
    return items.some((entry) => entry.id === item.id) ? items.map((entry) => (entry.id === item.id ? item : entry)) : [...items, item];
  });
}
