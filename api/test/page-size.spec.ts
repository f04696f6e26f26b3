import { CALL_PAGE_LIMIT, newCallState, type CallPageDto, type CallState } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { ApiHarness } from './api-harness';

let harness: ApiHarness;
/** Every seeded call, in the order the API lists them: newest first, then by id. */
let listed: CallState[];

const SEEDED = 205;

beforeAll(async () => {
  harness = await ApiHarness.start();
  // Only the list is under test here, so its rows are written to the projection directly, not dialled.
  // Five calls share each createdAt, so the keyset has to break ties by id.
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const seeded = Array.from({ length: SEEDED }, (_, i) => {
    const createdAt = new Date(base + Math.floor(i / 5) * 1000).toISOString();
    return newCallState({ id: randomUUID(), accountId: harness.account.id, phoneNumber: '+14155550123', note: null, scheduledAt: createdAt, maxAttempts: 3, retryDelaySeconds: 300, createdAt });
  });
  await Promise.all(seeded.map((call) => harness.calls.insertNew(call)));
  listed = [...seeded].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
});

afterAll(() => harness?.close());

async function page(query: Record<string, string | number>): Promise<CallPageDto> {
  const response = await harness.api().get('/api/calls').query(query);
  expect(response.status).toBe(200);
  return response.body as CallPageDto;
}

describe('GET /api/calls page size', () => {
  it(`answers ${CALL_PAGE_LIMIT.default} calls when no limit is given`, async () => {
    const first = await page({});

    expect(first.items.map((call) => call.id)).toEqual(listed.slice(0, CALL_PAGE_LIMIT.default).map((call) => call.id));
    expect(first.nextCursor).toEqual(expect.any(String));
  });

  it(`answers up to ${CALL_PAGE_LIMIT.max} calls, the most a page holds`, async () => {
    const first = await page({ limit: CALL_PAGE_LIMIT.max });
    const rest = await page({ limit: CALL_PAGE_LIMIT.max, cursor: first.nextCursor! });

    expect(first.items.map((call) => call.id)).toEqual(listed.slice(0, CALL_PAGE_LIMIT.max).map((call) => call.id));
    expect(rest.items.map((call) => call.id)).toEqual(listed.slice(CALL_PAGE_LIMIT.max).map((call) => call.id));
    expect(rest.nextCursor).toBeNull();
  });

  it('walks calls created in the same millisecond exactly once, breaking ties by id', async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const next: CallPageDto = await page({ limit: 7, ...(cursor ? { cursor } : {}) });
      walked.push(...next.items.map((call) => call.id));
      cursor = next.nextCursor;
    } while (cursor);

    expect(walked).toEqual(listed.map((call) => call.id));
  });
});
