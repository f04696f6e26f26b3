import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '../../src/support/eventually';
import type { BenchSection } from '../bench-section';
import { CallStream } from '../call-stream';
import { formatLatencyTable, measuredOnce } from '../latency-table';
import { storeCalls } from '../stored-calls';
import { fanOut, type Delivery } from './fan-out';

const CLIENTS = 100;
const ARRIVAL_WAIT_MS = 5_000;
/** Between changes, so that the API does not load two of them in one batch (it gathers changes for 25 ms). */
const GAP_MS = 100;

/**
 * A change reaching many open streams: a call's row moved on in PostgreSQL, as the worker's write
 * would, with 100 clients on GET /api/calls/stream, timed from the write to each client's copy.
 */
export const streamFanOut: BenchSection = {
  name: 'stream-fan-out',
  async run({ stack, db, options }) {
    const changes = options.quick ? 10 : 30;
    // A call of its own, with no workflow behind it to write it meanwhile.
    const [callId] = await storeCalls(db, 1, ['completed']);
    const opening = performance.now();
    const streams = await Promise.all(Array.from({ length: CLIENTS }, () => CallStream.open(stack.apiUrl, stack.operatorKey)));
    const openMs = performance.now() - opening;
    const deliveries: Delivery[] = [];
    try {
      // The first change warms the API's path up and is not counted.
      for (let change = 0; change <= changes; change++) {
        const writtenAt = Date.now();
        const { rows } = await db.query<{ version: number }>('UPDATE calls SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version', [callId]);
        const version = rows[0]!.version;
        const arrivals = () => streams.map((stream) => stream.arrivalOf(callId!, version));
        await eventually(async () => arrivals().every((arrival) => arrival !== undefined), Boolean, ARRIVAL_WAIT_MS).catch(() => undefined);
        if (change > 0) deliveries.push({ writtenAt, arrivals: arrivals() });
        await sleep(GAP_MS);
      }
    } finally {
      streams.forEach((stream) => stream.close());
    }

    const { eachMs, allMs, missed } = fanOut(deliveries);
    const latencies = [
      { figure: 'change written → copy at each client', repeats: measuredOnce(eachMs) },
      { figure: `change written → copy at all ${CLIENTS} clients`, repeats: measuredOnce(allMs), target: 'p99 ≤ 100 ms' },
    ];
    return {
      text: [
        `${changes} changes to one call's row (UPDATE … version + 1, as the worker's write), ${CLIENTS} clients on GET /api/calls/stream (opened in ${openMs.toFixed(0)} ms); from the UPDATE's send`,
        formatLatencyTable(latencies),
        ...(missed > 0 ? [`!! ${missed} cop(ies) never arrived within ${ARRIVAL_WAIT_MS} ms`] : []),
      ].join('\n'),
      figures: { clients: CLIENTS, changes, openMs, latencies, missed, deliveries },
      failures: missed > 0 ? [`${missed} stream cop(ies) of a change never arrived`] : [],
    };
  },
};
