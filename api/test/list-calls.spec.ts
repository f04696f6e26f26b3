import type { CallDto, CallPageDto } from '@call-scheduler/shared';
import { ApiHarness, HOUR, eventually, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;
/** Seven pending calls, oldest first; the second and fifth cancelled. */
let created: CallDto[];

beforeAll(async () => {
  harness = await ApiHarness.start();
  created = [];
  for (let i = 0; i < 7; i++) created.push(await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) }));
  for (const call of [created[1]!, created[4]!]) {
    const response = await harness.api().post(`/api/calls/${call.id}/cancel`);
    if (response.status !== 200) throw new Error(`cancel answered ${response.status}`);
  }
  // Settled: every call's CallScheduled is recorded, so no row changes under the tests' feet.
  for (const call of created) await eventually(() => harness.getCall(call.id), (detail) => detail.events.length > 0);
});

afterAll(() => harness?.close());

const ids = (calls: CallDto[]) => calls.map((call) => call.id);
const newestFirst = (calls: CallDto[]) => [...calls].reverse();

async function page(query: Record<string, string | number>): Promise<CallPageDto> {
  const response = await harness.api().get('/api/calls').query(query);
  expect(response.status).toBe(200);
  return response.body as CallPageDto;
}

/** Follows nextCursor from the first page to the last, keeping every page. */
async function walk(query: Record<string, string | number>): Promise<CallPageDto[]> {
  const pages = [await page(query)];
  while (pages.at(-1)!.nextCursor) pages.push(await page({ ...query, cursor: pages.at(-1)!.nextCursor! }));
  return pages;
}

describe('GET /api/calls', () => {
  it('lists every call newest first, as the API shows each one, on a single page', async () => {
    const { items, nextCursor } = await page({});

    expect(ids(items)).toEqual(ids(newestFirst(created)));
    expect(items[0]).toEqual(await harness.getCall(created[6]!.id).then(({ events: _events, ...call }) => call));
    expect(nextCursor).toBeNull();
  });

  it('lists only the calls with the status asked for', async () => {
    const cancelled = await page({ status: 'cancelled' });
    const scheduled = await page({ status: 'scheduled' });
    const completed = await page({ status: 'completed' });

    expect(ids(cancelled.items)).toEqual([created[4]!.id, created[1]!.id]);
    expect(cancelled.items.every((call) => call.status === 'cancelled')).toBe(true);
    expect(ids(scheduled.items)).toEqual(ids(newestFirst(created.filter((_, i) => i !== 1 && i !== 4))));
    expect(completed).toEqual({ items: [], nextCursor: null });
  });

  it('walks every call exactly once, three at a time, the last page without a cursor', async () => {
    const pages = await walk({ limit: 3 });

    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    expect(ids(pages.flatMap((p) => p.items))).toEqual(ids(newestFirst(created)));
  });

  it('pages within a status filter', async () => {
    const pages = await walk({ status: 'scheduled', limit: 2 });

    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(ids(pages.flatMap((p) => p.items))).toEqual(ids(newestFirst(created.filter((_, i) => i !== 1 && i !== 4))));
  });

  it('answers a last page without a cursor when the calls fill it exactly', async () => {
    const pages = await walk({ limit: 7 });

    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toHaveLength(7);
    expect(pages[0]!.nextCursor).toBeNull();
  });
});
