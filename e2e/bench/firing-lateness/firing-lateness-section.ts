import { join } from 'node:path';
import type { BenchSection } from '../bench-section';
import { acrossRepeats, summarize } from '../percentiles';
import { writeLatenessChart } from './lateness-chart';
import { formatTable, type ReportRow } from './report-table';
import { runRound, type RoundResult } from './round';
import { bareTemporal } from './systems/bare-temporal/bare-temporal';
import { bullmq } from './systems/bullmq';
import { inMemoryTimers } from './systems/in-memory-timers';
import type { FiringSystem } from './systems/firing-system';
import { thisProject } from './systems/this-project';

const WARM_UP_CALLS = 50;
const WARM_UP_LEAD_MS = 4_000;

/**
 * Firing lateness of calls due in the same second, side by side: this project through its REST API,
 * bare Temporal on the same server, BullMQ delayed jobs on Redis, and the floor (a timer per call in
 * memory), each dialling the same mock provider, which records when each dial arrived. Fails the run if any dial came early or never came.
 */
export const firingLateness: BenchSection = {
  name: 'firing-lateness',
  async run({ stack, provider, temporalAddress, options, outDir }) {
    const { bursts } = options;
    const repeats = options.quick ? 1 : 3;
    const systems: FiringSystem[] = [];
    const rounds: RoundResult[] = [];
    try {
      // One at a time, so that those started are stopped if a later one fails to start.
      systems.push(thisProject(stack));
      systems.push(await bareTemporal(temporalAddress, stack.providerUrl));
      systems.push(await bullmq(stack.providerUrl));
      systems.push(inMemoryTimers(stack.providerUrl));

      // Warm up each system, and learn how fast it schedules, to set each round's due instant far enough ahead.
      const schedulingMsPerCall = new Map<FiringSystem, number>();
      for (const system of systems) {
        const warmUp = await runRound(system, provider, WARM_UP_CALLS, WARM_UP_LEAD_MS, true);
        report(warmUp);
        rounds.push(warmUp);
        schedulingMsPerCall.set(system, warmUp.scheduleMs / WARM_UP_CALLS);
      }
      // Repeats take turns across systems, so that whatever else the machine does falls on all of them.
      for (const calls of bursts) {
        for (let repeat = 0; repeat < repeats; repeat++) {
          for (const system of systems) {
            const leadMs = 2_000 + 2 * calls * schedulingMsPerCall.get(system)! + options.aheadSeconds * 1000;
            const round = await runRound(system, provider, calls, leadMs, false);
            report(round);
            rounds.push(round);
          }
        }
      }
    } finally {
      for (const system of systems.reverse()) await system.stop();
    }

    const measured = rounds.filter((round) => !round.warmUp);
    const rows = summaryRows(measured);
    const chartPath = join(outDir, 'firing-lateness.svg');
    await writeLatenessChart(chartPath, measured);
    const failed = rounds.filter((round) => round.early.length > 0 || round.missing > 0);
    // A busy machine can make scheduling run past the instant: worth saying, but it is not a wrong dial.
    const scheduledLate = measured.filter((round) => round.scheduledLate).map((round) => `${round.system} (${round.calls})`);
    const caveat = scheduledLate.length > 0 ? `\n!! scheduled past the due instant, so their lateness includes scheduling: ${scheduledLate.join(', ')}` : '';
    return {
      text: `Milliseconds late at the provider, median of the repeats (min–max)\n${formatTable(rows)}\nchart: ${chartPath}${caveat}`,
      figures: { summary: rows, rounds },
      failures: failed.length > 0 ? [`${failed.length} round(s) dialled early or lost calls`] : [],
    };
  },
};

function report(round: RoundResult): void {
  const figures = round.latenessMs.length > 0 ? summarize(round.latenessMs) : undefined;
  console.log(
    `${round.warmUp ? 'warm-up ' : ''}${round.system}, ${round.calls} calls due ${round.dueAt}: scheduled in ${round.scheduleMs} ms; ` +
      (figures ? `lateness p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms` : 'no dial arrived'),
  );
  if (round.scheduledLate) console.error('  !! scheduling ended after the due instant: this round measured scheduling, not firing');
  if (round.missing > 0) console.error(`  !! ${round.missing} call(s) never reached the provider`);
  for (const early of round.early) console.error(`  !! EARLY DIAL: ${early.phoneNumber} reached the provider ${Date.parse(round.dueAt) - early.receivedAt} ms before it was due`);
}

function summaryRows(rounds: readonly RoundResult[]): ReportRow[] {
  const groups = new Map<string, RoundResult[]>();
  for (const round of rounds.filter((round) => round.latenessMs.length > 0)) {
    const key = `${round.calls} ${round.system}`;
    groups.set(key, [...(groups.get(key) ?? []), round]);
  }
  return [...groups.values()].map((group) => ({
    system: group[0]!.system,
    calls: group[0]!.calls,
    repeats: group.length,
    figures: acrossRepeats(group.map((round) => summarize(round.latenessMs))),
    early: group.reduce((sum, round) => sum + round.early.length, 0),
    missing: group.reduce((sum, round) => sum + round.missing, 0),
  }));
}
