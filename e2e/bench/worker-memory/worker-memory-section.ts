import { setTimeout as sleep } from 'node:timers/promises';
import { freshNumbers } from '../bench-numbers';
import type { BenchSection } from '../bench-section';
import { createSleepingCalls } from '../sleeping-calls';
import { countCalls, settled } from '../stored-calls';
import { renderTable } from '../text-table';
import { cpuShare, processUsage, type ProcessUsage } from './process-usage';

const CONCURRENCY = 16;
/** Calls are made in chunks of this many, with a line of progress after each. */
const CHUNK = 10_000;

/** The worker with a number of sleeping calls. */
interface Mark {
  sleeping: number;
  /** Made for this mark (the others were left sleeping by earlier sections or marks). */
  created: number;
  createsPerSecond: number | null;
  /** The worker's CPU time per call made, from the first create until every first event was recorded (its first workflow task and the event's write). */
  cpuMsPerCreate: number | null;
  /** The share of one core the worker used while the calls only slept. */
  sleepingCpuShare: number;
  /** From the last call made until the worker had recorded every call's first event. */
  recordedAfterMs: number;
  rssBytes: number;
  peakRssBytes: number;
}

/**
 * The worker's memory and CPU with many sleeping calls: calls made through the API, due in a day,
 * up to each count asked for (`--sleeping`), then read from /proc once their first event is recorded.
 */
export const workerMemory: BenchSection = {
  name: 'worker-memory',
  async run({ stack, client, db, options, workerAtStart }) {
    const idleMs = options.quick ? 3_000 : 20_000;
    const pid = stack.worker.pid;
    const numbers = freshNumbers('718');
    const marks: Mark[] = [];
    for (const target of options.sleepingCalls) {
      const toCreate = Math.max(0, target - (await countCalls(db, 'scheduled')));
      const before = await processUsage(pid);
      let elapsedMs = 0;
      for (let made = 0; made < toCreate; made += CHUNK) {
        const chunk = await createSleepingCalls(client, numbers(Math.min(CHUNK, toCreate - made)), CONCURRENCY);
        elapsedMs += chunk.elapsedMs;
        console.log(`worker memory: ${made + chunk.calls.length} of ${toCreate} calls made (${(chunk.calls.length / (chunk.elapsedMs / 1000)).toFixed(1)}/s)`);
      }
      const made = await processUsage(pid);
      await settled(db);
      const from = await processUsage(pid);
      const recordedAfterMs = from.at - made.at;
      await sleep(idleMs);
      const to = await processUsage(pid);
      marks.push({
        sleeping: await countCalls(db, 'scheduled'),
        created: toCreate,
        createsPerSecond: toCreate > 0 ? toCreate / (elapsedMs / 1000) : null,
        cpuMsPerCreate: toCreate > 0 ? ((from.cpuSeconds - before.cpuSeconds) * 1000) / toCreate : null,
        sleepingCpuShare: cpuShare(from, to),
        recordedAfterMs,
        rssBytes: to.rssBytes,
        peakRssBytes: to.peakRssBytes,
      });
    }
    return {
      text: [
        `The worker process (pid ${pid}) from /proc: RSS after the calls' first events were recorded and ${idleMs / 1000} s of sleep; CPU from the first create until all were recorded, and while they slept`,
        formatMarks(workerAtStart, marks),
        "issue 9's target: 10,000 sleeping calls in ≤ 300 MB RSS",
      ].join('\n'),
      figures: { atStart: workerAtStart, idleMs, marks },
      failures: [],
    };
  },
};

function formatMarks(atStart: ProcessUsage, marks: readonly Mark[]): string {
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const optional = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits));
  const lines = [
    ['0, at start', '–', mb(atStart.rssBytes), mb(atStart.peakRssBytes), '–', '–', '–', '–'],
    ...marks.map((mark) => [
      String(mark.sleeping),
      String(mark.created),
      mb(mark.rssBytes),
      mb(mark.peakRssBytes),
      optional(mark.createsPerSecond, 1),
      optional(mark.cpuMsPerCreate, 2),
      (mark.recordedAfterMs / 1000).toFixed(1),
      `${(mark.sleepingCpuShare * 100).toFixed(1)}%`,
    ]),
  ];
  return renderTable(['sleeping calls', 'made here', 'RSS MB', 'peak RSS MB', 'creates/s', 'CPU ms a create', 'all recorded after s', 'CPU while sleeping (of a core)'], lines);
}
