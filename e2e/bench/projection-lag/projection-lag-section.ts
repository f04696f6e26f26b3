import { eventually } from '../../src/support/eventually';
import { freshNumbers } from '../bench-numbers';
import type { BenchSection } from '../bench-section';
import { CallStream } from '../call-stream';
import { formatLatencyTable, measuredOnce } from '../latency-table';
import { startNowToDial } from '../start-now-dials';
import { followCall, POLL_MS, type FollowedCall } from './followed-call';
import { eventLags, type EventLag } from './lags';

const STREAM_WAIT_MS = 5_000;
const DIAL_WAIT_MS = 10_000;

/**
 * From an event's record to its call's row and to the stream: calls started now one at a time, each
 * followed by GET every 10 ms and by one open stream until it has ended.
 */
export const projectionLag: BenchSection = {
  name: 'projection-lag',
  async run({ stack, client, provider, options }) {
    const calls = options.quick ? 4 : 20;
    const numbers = freshNumbers('312');
    const stream = await CallStream.open(stack.apiUrl, stack.operatorKey);
    const followed: FollowedCall[] = [];
    const lags: EventLag[] = [];
    try {
      for (let i = 0; i < calls; i++) {
        const call = await followCall(client, numbers(1)[0]!);
        // The stream may bring the last version after the GET that showed it.
        await eventually(async () => stream.arrivalOf(call.id, call.ended.version), (arrival) => arrival !== undefined, STREAM_WAIT_MS).catch(() => undefined);
        const copies = stream.copiesOf(call.id).map((copy) => ({ version: copy.version, at: copy.receivedAt }));
        lags.push(...eventLags(call.ended.events, call.rows, copies));
        followed.push(call);
      }
    } finally {
      stream.close();
    }
    const sent = followed.map((call) => ({ phoneNumber: call.phoneNumber, sentAt: call.startNowSentAt }));
    const dials = startNowToDial(sent, await provider.waitFor(sent.map((call) => call.phoneNumber), Date.now() + DIAL_WAIT_MS));

    const measured = (values: (number | null)[]) => values.filter((value): value is number => value !== null);
    const toRow = measured(lags.map((lag) => lag.toRowMs));
    const toStream = measured(lags.map((lag) => lag.toStreamMs));
    const unstreamed = lags.length - toStream.length;
    const latencies = [
      { figure: 'event recorded → row shown by GET /api/calls/:id', repeats: measuredOnce(toRow) },
      { figure: 'event recorded → copy on the stream', repeats: measuredOnce(toStream) },
      { figure: 'start-now sent → dial at the provider (one call at a time)', repeats: measuredOnce(dials.delaysMs) },
    ];
    return {
      text: [
        `${calls} calls, one at a time, each started now and followed to its end (${lags.length} events)`,
        `recorded: the event's occurredAt (the workflow's clock when it took the event); row shown: the answer of the first GET (one every ${POLL_MS} ms) showing the call at`,
        "the event's version or a later one; stream: the first copy at that version or later to reach one open GET /api/calls/stream",
        formatLatencyTable(latencies),
        ...(unstreamed > 0 ? [`!! ${unstreamed} event(s) never reached the stream within ${STREAM_WAIT_MS} ms`] : []),
      ].join('\n'),
      figures: { pollMs: POLL_MS, calls, latencies, lags, unstreamed, neverDialled: dials.neverDialled },
      failures: dials.neverDialled.length > 0 ? [`${dials.neverDialled.length} call(s) started now never reached the provider`] : [],
    };
  },
};
