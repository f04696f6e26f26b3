import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ProviderClient } from '../src/provider/provider.client';
import { ProviderHttpError, ProviderUnavailableError } from '../src/provider/provider.errors';

/*
 * Whatever a provider answers, the client gives back a call it can act on or one of its two errors,
 * never a crash or a value it did not check: property-based, over generated statuses, bodies and headers.
 */

const STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'no_answer', 'busy', 'failed'];

interface Answer {
  status: number;
  body: string;
  retryAfter: string | null;
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', ' ', 'null', '[]', '{}', '"x"', '{"id":'));
const anyField = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
const callLike = fc
  .record(
    {
      id: fc.oneof(fc.uuid(), anyField),
      status: fc.oneof(fc.constantFrom(...STATUSES), anyField),
      durationSeconds: fc.oneof(fc.nat(), fc.double(), anyField),
      to: anyField,
    },
    { requiredKeys: [] },
  )
  .map((call) => JSON.stringify(call));
const body = fc.oneof(anyText, fc.jsonValue().map((value) => JSON.stringify(value)), callLike);
const retryAfter = fc.option(
  fc.oneof(fc.nat().map(String), fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()), fc.constantFrom('1e9', '-5', '0x10', ' 3 ', 'soon', '99999999999')),
);
const answer: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(fc.integer({ min: 200, max: 299 }), fc.integer({ min: 300, max: 599 }), fc.constantFrom(200, 201, 400, 401, 404, 408, 422, 429, 500, 503)),
  body,
  retryAfter,
});

let server: Server;
let next: Answer;
let client: ProviderClient;

beforeAll(async () => {
  server = createServer((_req, res) => {
    if (next.retryAfter !== null) res.setHeader('retry-after', next.retryAfter);
    res.writeHead(next.status, { 'content-type': 'application/json' });
    res.end(next.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  client = new ProviderClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2_000 });
});

afterAll(async () => {
  client.close();
  await new Promise((resolve) => server.close(resolve));
});

async function outcome<T>(sent: Answer, request: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
  next = sent;
  try {
    return { value: await request() };
  } catch (error) {
    return { error };
  }
}

/** An error answer is a ProviderHttpError that says what the provider said; an unreadable 2xx is "unavailable". */
function expectAnErrorTheWorkflowUnderstands(sent: Answer, error: unknown): void {
  if (sent.status >= 200 && sent.status < 300) {
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    return;
  }
  expect(error).toBeInstanceOf(ProviderHttpError);
  const { status, isPermanent, retryAfterMs } = error as ProviderHttpError;
  expect(status).toBe(sent.status);
  expect(isPermanent).toBe(status === 400 || status === 422);
  if (retryAfterMs !== null) {
    expect(Number.isFinite(retryAfterMs)).toBe(true);
    expect(retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
  }
}

describe('the provider client, whatever the provider answers', () => {
  it('reads a status lookup as a call with a known status, or fails with an error the follow-up retries or stops on', async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (sent) => {
        const result = await outcome(sent, () => client.getCall('c-1'));
        if ('error' in result) return expectAnErrorTheWorkflowUnderstands(sent, result.error);
        expect(sent.status).toBeGreaterThanOrEqual(200);
        expect(sent.status).toBeLessThan(300);
        expect(typeof result.value.id).toBe('string');
        expect(result.value.id.length).toBeGreaterThan(0);
        expect(STATUSES).toContain(result.value.status);
        const duration = result.value.durationSeconds;
        if (duration !== null) expect(Number.isFinite(duration) && duration >= 0).toBe(true);
        expect(Object.keys(result.value).sort()).toEqual(['durationSeconds', 'id', 'status']);
      }),
      { numRuns: 700 },
    );
  });

  it('reads a dial as the id of the call placed, or fails with an error the dial retries or stops on', async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (sent) => {
        const result = await outcome(sent, () => client.placeCall({ to: '+14155550123', idempotencyKey: 'key-1' }));
        if ('error' in result) return expectAnErrorTheWorkflowUnderstands(sent, result.error);
        expect(sent.status).toBeGreaterThanOrEqual(200);
        expect(sent.status).toBeLessThan(300);
        expect(Object.keys(result.value)).toEqual(['id']);
        expect(typeof result.value.id).toBe('string');
        expect(result.value.id.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
