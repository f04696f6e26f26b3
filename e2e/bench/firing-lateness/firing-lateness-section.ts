import { join } from 'node:path';
import type { BenchSection } from '../bench-section';
import { acrossRepeats, summarize } from '../percentiles';
import { writeLatenessChart } from './lateness-chart';
import { formatTable, type ReportRow } from './report-table';
import type { BenchOptions } from '../bench-options';
import type { ProviderReceipts } from '../provider-receipts';
import { runRound, runSideBySide, type RoundResult } from './round';
import { bareTemporal } from './systems/bare-temporal/bare-temporal';
import { bullmq } from './systems/bullmq';
import { inMemoryTimers } from './systems/in-memory-timers';
import type { FiringSystem } from './systems/firing-system';
import { thisProject } from './systems/this-project';

const WARM_UP_CALLS = 50;
const WARM_UP_LEAD_MS = 4_000;
const FULL_REPEATS = 3;
/** Warm-ups are not counted, so in one window they may overlap. */
const WARM_UP_GAP_MS = 1_000;

/**
 * Firing lateness of calls due in the same second, side by side: this project through its REST API,
 * bare Temporal on the same server, BullMQ delayed jobs on Redis, and the floor (a timer per call in
 * memory), each dialling the same mock provider, which records when each dial arrived. Fails the run if any dial came early or never came.
 */
export const firingLateness: BenchSection = {
  name: 'firing-lateness',
  async run({ stack, provider, temporalAddress, options, outDir }) {
    const systems: FiringSystem[] = [];
    const rounds: RoundResult[] = [];
    try {
      // One at a time, so that those started are stopped if a later one fails to start.
      systems.push(thisProject(stack));
      systems.push(await bareTemporal(temporalAddress, stack.providerUrl));
      systems.push(await bullmq(stack.providerUrl));
      systems.push(inMemoryTimers(stack.providerUrl));

      rounds.push(...(options.quick ? await sideBySide(systems, provider, options) : await inTurns(systems, provider, options)));
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

/**
 * The full run: each system's rounds alone on the machine, a warm-up first (which also tells how fast the
 * system schedules, to set each round's instant far enough ahead), then 3 repeats of each burst size, taking
 * turns across systems so that whatever else the machine does falls on all of them.
 */
async function inTurns(systems: readonly FiringSystem[], provider: ProviderReceipts, options: BenchOptions): Promise<RoundResult[]> {
  const rounds: RoundResult[] = [];
  const schedulingMsPerCall = new Map<FiringSystem, number>();
  for (const system of systems) {
    const warmUp = await runRound(system, provider, WARM_UP_CALLS, WARM_UP_LEAD_MS, true);
    report(warmUp);
    rounds.push(warmUp);
    schedulingMsPerCall.set(system, warmUp.scheduleMs / WARM_UP_CALLS);
  }
  for (const calls of options.bursts) {
    for (let repeat = 0; repeat < FULL_REPEATS; repeat++) {
      for (const system of systems) {
        const round = await runRound(system, provider, calls, leadFor(calls, [schedulingMsPerCall.get(system)!], options), false);
        report(round);
        rounds.push(round);
      }
    }
  }
  return rounds;
}

/** `--quick`: one warm-up and one round of each burst size, every system's in the same window (see runSideBySide). */
async function sideBySide(systems: readonly FiringSystem[], provider: ProviderReceipts, options: BenchOptions): Promise<RoundResult[]> {
  const warmUps = await runSideBySide(systems, provider, WARM_UP_CALLS, WARM_UP_LEAD_MS, WARM_UP_GAP_MS, true);
  warmUps.forEach(report);
  const schedulingMsPerCall = warmUps.map((round) => round.scheduleMs / WARM_UP_CALLS);
  const rounds = [...warmUps];
  for (const calls of options.bursts) {
    const measured = await runSideBySide(systems, provider, calls, leadFor(calls, schedulingMsPerCall, options), quickGapMs(calls), false);
    measured.forEach(report);
    rounds.push(...measured);
  }
  return rounds;
}

/**
 * Between the instants of two systems' rounds in one window: more than the slowest one's tail (bare Temporal's
 * p99: 2.7 s at 200 calls, 11–60 s at 1,000), so that it is over before the next system's instant.
 */
function quickGapMs(calls: number): number {
  return Math.max(4_000, 20 * calls);
}

/** Time to schedule `calls` with each system (twice the warm-up's pace, to spare), plus 2 s and `--ahead`. */
function leadFor(calls: number, schedulingMsPerCall: readonly number[], options: BenchOptions): number {
  return 2_000 + schedulingMsPerCall.reduce((sum, ms) => sum + 2 * calls * ms, 0) + options.aheadSeconds * 1000;
}

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
