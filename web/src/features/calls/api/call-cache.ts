import type { CallDetailDto, CallDto, CallPageDto } from '@call-scheduler/shared';
import { replaceEqualDeep, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { matchesFilters, type CallFilters } from '../call-filters';
import { callKeys } from './call-keys';

export type CallPages = InfiniteData<CallPageDto, string | null>;

/**
 * Puts a newer copy of a call into every cached list and into its detail, so the page changes
 * without a refetch. An older or equal copy (a late stream message, a slow response) changes nothing.
 */
export function applyCallChange(queryClient: QueryClient, call: CallDto): void {
  for (const [key] of queryClient.getQueriesData<CallPages>({ queryKey: callKeys.lists() })) {
    queryClient.setQueryData<CallPages>(key, (pages) => pages && mergeIntoPages(pages, call, filtersOfKey(key)));
  }
  const detailKey = callKeys.detail(call.id);
  const detail = queryClient.getQueryData<CallDetailDto>(detailKey);
  if (detail && detail.version < call.version) {
    queryClient.setQueryData<CallDetailDto>(detailKey, { ...detail, ...call });
    // The timeline is not in the list shape: fetch it again if someone is looking at it.
    void queryClient.invalidateQueries({ queryKey: detailKey });
  }
}

/**
 * What a fetched list becomes in the cache. A fetch answered before a change the stream has already
 * pushed would otherwise put the older copy back: the newer copy of each call is kept, and so is a
 * call created after the fetch's snapshot (newer than everything in it: calls are never deleted).
 */
export function keepNewerCalls(cached: CallPages | undefined, fetched: CallPages, filters: CallFilters): CallPages {
  if (!cached) return fetched;
  const fetchedVersions = new Map(fetched.pages.flatMap((page) => page.items).map((call) => [call.id, call.version]));
  const newestFetched = fetched.pages[0]?.items[0];
  const newer = cached.pages
    .flatMap((page) => page.items)
    .filter((call) => {
      const fetchedVersion = fetchedVersions.get(call.id);
      if (fetchedVersion !== undefined) return fetchedVersion < call.version;
      // A call's batch and number never change, but its status may have since it was cached.
      return filters.status === undefined && isNewer(call, newestFetched);
    });
  return replaceEqualDeep(cached, newer.reduce((data, call) => mergeIntoPages(data, call, filters), fetched));
}

/** What a fetched call becomes in the cache: the copy already there, if the stream made it newer. */
export function keepNewerCall(cached: CallDetailDto | undefined, fetched: CallDetailDto): CallDetailDto {
  return cached && cached.version > fetched.version ? cached : replaceEqualDeep(cached, fetched);
}

/** Refetches every call query: changes may have been missed. */
export function refetchCalls(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: callKeys.all });
}

/**
 * The list with `call` in its place: replaced where it is, removed when it no longer matches the
 * filters, inserted in newest-first order when it falls inside the loaded pages.
 */
export function mergeIntoPages(data: CallPages, call: CallDto, filters: CallFilters): CallPages {
  const matches = matchesFilters(call, filters);
  const known = data.pages.flatMap((page) => page.items).find((item) => item.id === call.id);
  if (known) {
    if (known.version >= call.version) return data;
    return mapItems(data, (items) =>
      matches ? items.map((item) => (item.id === call.id ? call : item)) : items.filter((item) => item.id !== call.id),
    );
  }
  if (!matches) return data;
  const pageIndex = data.pages.findIndex((page) => page.nextCursor === null || isNewer(call, page.items.at(-1)));
  if (pageIndex === -1) return data;
  return {
    ...data,
    pages: data.pages.map((page, index) => (index === pageIndex ? { ...page, items: insertInOrder(page.items, call) } : page)),
  };
}

/** The filters a list's key (`callKeys.list`) was made from. */
function filtersOfKey(key: QueryKey): CallFilters {
  const { status, batchId, search } = key[2] as ReturnType<typeof callKeys.list>[2];
  return { status: status ?? undefined, batchId: batchId ?? undefined, search: search ?? undefined };
}

function mapItems(data: CallPages, change: (items: CallDto[]) => CallDto[]): CallPages {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) };
}

function insertInOrder(items: CallDto[], call: CallDto): CallDto[] {
  const index = items.findIndex((item) => isNewer(call, item));
  return index === -1 ? [...items, call] : [...items.slice(0, index), call, ...items.slice(index)];
}

/** Lists are newest first: by creation time, then by id, exactly as the API orders them. */
function isNewer(call: CallDto, than: CallDto | undefined): boolean {
  if (!than) return true;
  if (call.createdAt !== than.createdAt) return call.createdAt > than.createdAt;
  return call.id > than.id;
}
