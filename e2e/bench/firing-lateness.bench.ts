/**
 * Firing lateness of calls due in the same second, side by side on one stack: this project through
 * its REST API, bare Temporal on the same server, and BullMQ delayed jobs on Redis, each dialling the
 * same mock provider, which records when each dial arrived. Exits non-zero if any dial came early or
 * never came. See docs/PERFORMANCE.md.
 *
 *   npm run bench              (200 and 1,000 calls, 3 repeats each, after a warm-up)
 *   npm run bench -- --quick   (200 calls, 1 repeat: under 2 minutes)
 */
import globalSetup, { globalTeardown } from '@call-scheduler/testing/dist/jest-global-setup.js';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Stack } from '../src/support/stack';
import { acrossRepeats, summarize } from './firing-lateness/lateness';
import { writeLatenessChart } from './firing-lateness/lateness-chart';
import { ProviderReceipts } from './firing-lateness/provider-receipts';
import { formatTable, type ReportRow } from './firing-lateness/report-table';
import { runRound, type RoundResult } from './firing-lateness/round';
import { bareTemporal } from './firing-lateness/systems/bare-temporal/bare-temporal';
import { bullmq } from './firing-lateness/systems/bullmq';
import type { FiringSystem } from './firing-lateness/systems/firing-system';
import { thisProject } from './firing-lateness/systems/this-project';

// `npm run bench --quick` hands the flag to npm, which passes it on as npm_config_quick.
const QUICK = process.argv.includes('--quick') || process.env.npm_config_quick === 'true';
const BURSTS = QUICK ? [200] : [200, 1_000];
const REPEATS = QUICK ? 1 : 3;
const WARM_UP_CALLS = 50;
const WARM_UP_LEAD_MS = 4_000;
const OUT_DIR = resolve(__dirname, '../../bench-results');

async function main(): Promise<void> {
  // Requests per minute are policy, not lateness: the bench sends far more than the default allows.
  process.env.RATE_LIMIT_PER_MINUTE = '10000000';
  // Before the test server starts the SDK's runtime: the bare Temporal worker's state changes are noise here.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  await globalSetup();
  const stack = await Stack.start();
  const systems: FiringSystem[] = [];
  const rounds: RoundResult[] = [];
  try {
    // One at a time, so that those started are stopped if a later one fails to start.
    systems.push(await thisProject(stack));
    systems.push(await bareTemporal(process.env.TEST_TEMPORAL_ADDRESS!, stack.providerUrl));
    systems.push(await bullmq(stack.providerUrl));
    const provider = new ProviderReceipts(stack.providerUrl);

    // Warm up each system, and learn how fast it schedules, to set each round's due instant far enough ahead.
    const schedulingMsPerCall = new Map<FiringSystem, number>();
    for (const system of systems) {
      const warmUp = await runRound(system, provider, WARM_UP_CALLS, WARM_UP_LEAD_MS, true);
      report(warmUp);
      rounds.push(warmUp);
      schedulingMsPerCall.set(system, warmUp.scheduleMs / WARM_UP_CALLS);
    }
    // Repeats take turns across systems, so that whatever else the machine does falls on all of them.
    for (const calls of BURSTS) {
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        for (const system of systems) {
          const leadMs = 2_000 + 2 * calls * schedulingMsPerCall.get(system)!;
          const round = await runRound(system, provider, calls, leadMs, false);
          report(round);
          rounds.push(round);
        }
      }
    }
  } finally {
    for (const system of systems.reverse()) await system.stop();
    await stack.stop();
    await globalTeardown();
  }

  const measured = rounds.filter((round) => !round.warmUp);
  const rows = summaryRows(measured);
  await mkdir(OUT_DIR, { recursive: true });
  const chartPath = join(OUT_DIR, 'firing-lateness.svg');
  const jsonPath = join(OUT_DIR, 'firing-lateness.json');
  await writeLatenessChart(chartPath, measured);
  await writeFile(jsonPath, JSON.stringify({ quick: QUICK, machine: machine(), summary: rows, rounds }, null, 2));
  console.log(`\n${formatTable(rows)}\n\nJSON: ${jsonPath}\nchart: ${chartPath}`);

  const failures = rounds.filter((round) => round.early.length > 0 || round.missing > 0 || round.scheduledLate);
  if (failures.length > 0) {
    console.error(`\nFAILED: ${failures.length} round(s) dialled early, lost calls or scheduled past the due instant (see above and the JSON).`);
    process.exitCode = 1;
  }
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

function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
