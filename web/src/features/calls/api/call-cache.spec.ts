import { QueryClient } from '@tanstack/react-query';
import { makeCall, makeCallDetail, makeEvents, makePage } from '../../../testing/call-fixtures';
import { applyCallChange, keepNewerCall, keepNewerCalls, mergeIntoPages, type CallPages } from './call-cache';
import { callKeys } from './call-keys';

/** Calls created one minute apart, `minute` minutes after 09:00: a higher number is newer. */
function callAt(minute: number, overrides: Parameters<typeof makeCall>[0] = {}) {
  const createdAt = new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();
  return makeCall({ id: `call-${String(minute).padStart(2, '0')}`, createdAt, updatedAt: createdAt, ...overrides });
}

function pages(...loaded: ReturnType<typeof makePage>[]): CallPages {
  return { pages: loaded, pageParams: loaded.map((_, index) => (index === 0 ? null : `cursor-${index}`)) };
}

const ids = (data: CallPages) => data.pages.map((page) => page.items.map((item) => item.id));

describe('mergeIntoPages', () => {
  // Two loaded pages, newest first, and more beyond them.
  const loaded = pages(makePage([callAt(9), callAt(8)], 'cursor-1'), makePage([callAt(6), callAt(5)], 'cursor-2'));

  it('replaces a known call with a newer version of it', () => {
    const newer = callAt(8, { status: 'dialing', attempt: 1, version: 2 });
    const merged = mergeIntoPages(loaded, newer, {});
    expect(merged.pages[0]!.items[1]).toBe(newer);
    expect(ids(merged)).toEqual(ids(loaded));
  });

  it.each([1, 0])('changes nothing for a copy at version %i, not newer than the one held', (version) => {
    expect(mergeIntoPages(loaded, callAt(8, { status: 'dialing', version }), {})).toBe(loaded);
  });

  it('removes a call that no longer matches the status filter', () => {
    const scheduledOnly = pages(makePage([callAt(9), callAt(8)], null));
    const merged = mergeIntoPages(scheduledOnly, callAt(9, { status: 'dialing', version: 2 }), { status: 'scheduled' });
    expect(ids(merged)).toEqual([['call-08']]);
  });

  it('keeps a changed call that still matches the filter', () => {
    const noAnswer = pages(makePage([callAt(9, { status: 'no_answer' })], null));
    const merged = mergeIntoPages(noAnswer, callAt(9, { status: 'no_answer', attempt: 2, version: 5 }), { status: 'no_answer' });
    expect(merged.pages[0]!.items[0]!.attempt).toBe(2);
  });

  it('ignores a new call that does not match the filter', () => {
    const scheduledOnly = pages(makePage([callAt(9)], null));
    expect(mergeIntoPages(scheduledOnly, callAt(10, { status: 'dialing' }), { status: 'scheduled' })).toBe(scheduledOnly);
  });

  it('inserts a new call newest first', () => {
    expect(ids(mergeIntoPages(loaded, callAt(10), {}))).toEqual([['call-10', 'call-09', 'call-08'], ['call-06', 'call-05']]);
  });

  it('inserts a call in its place inside the loaded range', () => {
    expect(ids(mergeIntoPages(loaded, callAt(7), {}))).toEqual([['call-09', 'call-08'], ['call-07', 'call-06', 'call-05']]);
  });

  it('orders calls created at the same time by id, as the API does', () => {
    const sameTime = callAt(9, { id: 'call-09b' });
    expect(ids(mergeIntoPages(loaded, sameTime, {}))[0]).toEqual(['call-09b', 'call-09', 'call-08']);
  });

  it('does not insert a call older than everything loaded while more pages remain', () => {
    expect(mergeIntoPages(loaded, callAt(1), {})).toBe(loaded);
  });

  it('appends an older call once the last page is loaded', () => {
    const everything = pages(makePage([callAt(9), callAt(8)], null));
    expect(ids(mergeIntoPages(everything, callAt(1), {}))).toEqual([['call-09', 'call-08', 'call-01']]);
  });

  it('inserts into an empty list', () => {
    expect(ids(mergeIntoPages(pages(makePage([], null)), callAt(1), {}))).toEqual([['call-01']]);
  });
});

describe('applyCallChange', () => {
  let queryClient: QueryClient;

  beforeEach(() => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  });

  afterEach(() => queryClient.clear());

  it('updates every cached list, each by its own filter', () => {
    queryClient.setQueryData(callKeys.list({}), pages(makePage([callAt(9), callAt(8)], null)));
    queryClient.setQueryData(callKeys.list({ status: 'scheduled' }), pages(makePage([callAt(9), callAt(8)], null)));
    queryClient.setQueryData(callKeys.list({ status: 'dialing' }), pages(makePage([], null)));

    applyCallChange(queryClient, callAt(8, { status: 'dialing', attempt: 1, version: 2 }));

    const list = (filters: Parameters<typeof callKeys.list>[0]) => queryClient.getQueryData<CallPages>(callKeys.list(filters))!;
    expect(list({}).pages[0]!.items.map((call) => [call.id, call.status])).toEqual([
      ['call-09', 'scheduled'],
      ['call-08', 'dialing'],
    ]);
    expect(ids(list({ status: 'scheduled' }))).toEqual([['call-09']]);
    expect(ids(list({ status: 'dialing' }))).toEqual([['call-08']]);
  });

  it('inserts a streamed call only into the lists whose batch and search it matches', () => {
    const batch = { batchId: 'batch-1' };
    const search = { search: '+44' };
    for (const filters of [{}, batch, search, { ...batch, search: '1415' }]) queryClient.setQueryData(callKeys.list(filters), pages(makePage([callAt(9)], null)));

    applyCallChange(queryClient, callAt(10, { batchId: 'batch-1', phoneNumber: '+14155550199' }));

    const list = (filters: Parameters<typeof callKeys.list>[0]) => ids(queryClient.getQueryData<CallPages>(callKeys.list(filters))!);
    expect(list({})).toEqual([['call-10', 'call-09']]);
    expect(list(batch)).toEqual([['call-10', 'call-09']]);
    expect(list(search)).toEqual([['call-09']]);
    expect(list({ ...batch, search: '1415' })).toEqual([['call-10', 'call-09']]);
  });

  it('patches the cached detail and keeps its timeline', () => {
    const events = makeEvents(['2026-11-24T09:00:00.000Z', { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: '2026-12-01T10:00:00.000Z', maxAttempts: 3, retryDelaySeconds: 300 } }]);
    queryClient.setQueryData(callKeys.detail('call-1'), makeCallDetail({ events }));

    applyCallChange(queryClient, makeCall({ status: 'dialing', attempt: 1, version: 2 }));

    expect(queryClient.getQueryData(callKeys.detail('call-1'))).toEqual(makeCallDetail({ status: 'dialing', attempt: 1, version: 2, events }));
    expect(queryClient.getQueryState(callKeys.detail('call-1'))?.isInvalidated).toBe(true);
  });

  it('leaves the detail alone for a copy that is not newer', () => {
    const detail = makeCallDetail({ version: 3 });
    queryClient.setQueryData(callKeys.detail('call-1'), detail);

    applyCallChange(queryClient, makeCall({ status: 'cancelled', version: 3 }));

    expect(queryClient.getQueryData(callKeys.detail('call-1'))).toBe(detail);
    expect(queryClient.getQueryState(callKeys.detail('call-1'))?.isInvalidated).toBe(false);
  });

  it('creates no cache entries for queries nobody made', () => {
    applyCallChange(queryClient, makeCall());
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('keepNewerCalls: a fetched list lands in the cache', () => {
  it('takes the fetched list when nothing is cached, or when the cache is not newer', () => {
    const fetched = pages(makePage([callAt(9, { version: 2 }), callAt(8)], null));
    expect(keepNewerCalls(undefined, fetched, {})).toBe(fetched);
    const cachedOlder = pages(makePage([callAt(9), callAt(8)], null));
    expect(keepNewerCalls(cachedOlder, fetched, {}).pages[0]!.items[0]).toEqual(callAt(9, { version: 2 }));
  });

  it('keeps a cached copy the stream made newer than the fetched one', () => {
    const ringing = callAt(9, { status: 'ringing', version: 3 });
    const cached = pages(makePage([ringing, callAt(8)], null));
    const fetched = pages(makePage([callAt(9), callAt(8, { status: 'dialing', version: 2 })], null));
    const merged = keepNewerCalls(cached, fetched, {});
    expect(merged.pages[0]!.items.map((call) => [call.id, call.status])).toEqual([
      ['call-09', 'ringing'],
      ['call-08', 'dialing'],
    ]);
  });

  it('keeps a call created after the fetched snapshot at the top of the unfiltered list', () => {
    const cached = pages(makePage([callAt(10), callAt(9)], null));
    const fetched = pages(makePage([callAt(9), callAt(8)], null));
    expect(ids(keepNewerCalls(cached, fetched, {}))).toEqual([['call-10', 'call-09', 'call-08']]);
  });

  it('lets a fetched filtered list drop a call it no longer holds: it may have left the filter', () => {
    const cached = pages(makePage([callAt(10), callAt(9)], null));
    const fetched = pages(makePage([callAt(9)], null));
    expect(ids(keepNewerCalls(cached, fetched, { status: 'scheduled' }))).toEqual([['call-09']]);
  });

  it('lets a fetched list drop an older call it no longer holds', () => {
    const cached = pages(makePage([callAt(9), callAt(7)], null));
    const fetched = pages(makePage([callAt(9), callAt(8)], null));
    expect(ids(keepNewerCalls(cached, fetched, {}))).toEqual([['call-09', 'call-08']]);
  });
});

describe('keepNewerCall: a fetched call lands in the cache', () => {
  it('keeps the cached copy when the stream made it newer', () => {
    const cached = makeCallDetail({ status: 'ringing', version: 3 });
    expect(keepNewerCall(cached, makeCallDetail({ version: 2 }))).toBe(cached);
  });

  it('takes the fetched copy, with its timeline, when it is as new or newer', () => {
    const fetched = makeCallDetail({ status: 'ringing', version: 3, events: makeEvents(['2026-11-24T09:00:00.000Z', { type: 'CallRinging', data: {} }]) });
    expect(keepNewerCall(makeCallDetail({ version: 3 }), fetched)).toEqual(fetched);
    expect(keepNewerCall(undefined, fetched)).toBe(fetched);
  });
});
