import { Stack } from '../../src/support/stack';
import { StackClient } from '../../src/support/stack-client';
import { freshNumbers } from '../bench-numbers';
import type { BenchSection } from '../bench-section';
import { formatLatencyTable, measuredOnce } from '../latency-table';
import { raiseSpendCap } from '../spend-cap';
import { renderTable } from '../text-table';
import { followCalls, type CallTiming, type FollowedCalls } from './followed-calls';

/** Ringing 0.5 s after the dial, answered at 5 s, and in progress a minute in all (10 s in a quick run, answered at 2 s). */
const TIMING: Record<'quick' | 'full', CallTiming> = {
  quick: { queuedMs: 500, ringingMs: 1_500, talkMs: 8_000 },
  full: { queuedMs: 500, ringingMs: 4_500, talkMs: 55_000 },
};

/**
 * A campaign's load: a batch created in one request, and calls in progress followed by the provider's status
 * callbacks (this stack) beside the same calls followed by polling (a second stack, callbacks off).
 */
export const campaign: BenchSection = {
  name: 'campaign',
  async run({ stack, client, options }) {
    const rows = options.quick ? 200 : 10_000;
    const followed = options.quick ? 10 : 100;
    const timing = TIMING[options.quick ? 'quick' : 'full'];
    const numbers = freshNumbers('646');
    const created = await createBatch(client, numbers(rows));
    const withCallbacks = await followCalls(stack, numbers(followed), timing);
    const withPolling = await onPollingStack((polling) => followCalls(polling, numbers(followed), timing));
    const perCallMinute = (calls: FollowedCalls, requests: number) => (requests / calls.callMinutes).toFixed(2);
    const line = (name: string, calls: FollowedCalls) => [
      name,
      String(calls.calls),
      calls.callMinutes.toFixed(1),
      perCallMinute(calls, calls.posts + calls.lookups),
      perCallMinute(calls, calls.lookups),
      String(calls.callbacks),
    ];
    return {
      text: [
        `POST /api/calls/batch: ${rows.toLocaleString('en')} calls due tomorrow in one request: ${created.seconds.toFixed(1)} s, ${Math.round(rows / created.seconds)} calls/s`,
        '',
        `${followed} calls dialled at once, each ${(timing.queuedMs + timing.ringingMs + timing.talkMs) / 1000} s in progress at the provider (ringing ${timing.queuedMs} ms after the dial, answered after ${timing.queuedMs + timing.ringingMs} ms)`,
        renderTable(
          ['followed by', 'calls', 'call-minutes', 'provider requests per call-minute', 'of them lookups', 'callbacks posted'],
          [line('status callbacks (fallback poll 30 s)', withCallbacks), line('polling (every 1 s)', withPolling)],
        ),
        'status beginning at the provider → its copy on GET /api/calls/stream (ringing, answered, completed)',
        formatLatencyTable([
          { figure: 'status callbacks', repeats: measuredOnce(withCallbacks.toStreamMs) },
          { figure: 'polling every 1 s', repeats: measuredOnce(withPolling.toStreamMs) },
        ]),
      ].join('\n'),
      figures: { batch: { rows, ...created }, followed: { withCallbacks, withPolling } },
      failures: [withCallbacks, withPolling].flatMap((calls) => (calls.toStreamMs.length < calls.calls * 3 ? [`a status of ${calls.calls * 3 - calls.toStreamMs.length} call(s) never reached the stream`] : [])),
    };
  },
};

async function createBatch(client: StackClient, phoneNumbers: string[]): Promise<{ seconds: number }> {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString();
  const started = performance.now();
  const response = await client.api('/api/calls/batch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench campaign', calls: phoneNumbers.map((phoneNumber) => ({ phoneNumber, scheduledAt: tomorrow })) }),
  });
  if (!response.ok) throw new Error(`the batch answered ${response.status}: ${await response.text()}`);
  return { seconds: (performance.now() - started) / 1000 };
}

async function onPollingStack<T>(measure: (stack: Stack) => Promise<T>): Promise<T> {
  const polling = await Stack.start({ statusCallbacks: false, env: { PROVIDER_POLL_INTERVAL_MS: '1000' } });
  try {
    await raiseSpendCap(polling);
    return await measure(polling);
  } finally {
    await polling.stop();
  }
}
