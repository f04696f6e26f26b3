import { randomUUID } from 'node:crypto';
import { freshNumbers } from '../bench-numbers';
import type { BenchSection } from '../bench-section';
import { bareTemporal } from '../firing-lateness/systems/bare-temporal/bare-temporal';
import type { FiringSystem } from '../firing-lateness/systems/firing-system';
import { formatLatencyTable } from '../latency-table';
import { spread, summarize, type Summary } from '../percentiles';
import { createSleepingCalls, SLEEP_FOR_MS } from '../sleeping-calls';
import { settled } from '../stored-calls';
import { formatSpread, renderTable } from '../text-table';
import { COMMANDS, sendCommands, type Command, type CommandSample } from './commands';
import { createRatio, perSecond, type CreateRound } from './create-rates';
import { startNowToDial } from '../start-now-dials';

const CONCURRENCY = 16;
const WARM_UP_CALLS = 16;
/** How long the started calls' dials may take to reach the provider before they count as never dialled. */
const DIAL_TIMEOUT_MS = 60_000;
const COMMAND_TARGET = 'p99 ≤ 300 ms';

const PROJECT = 'this project (POST /api/calls)';
const BARE = 'bare Temporal (client.workflow.start)';

/**
 * How fast the API takes requests, 16 at once: creates (beside bare Temporal's starts on the same
 * server), then cancel, reschedule and start-now on some of the calls just created, and how long a
 * start-now takes to reach the provider. Each measurement waits until the worker has caught up with
 * the calls made or started before it.
 */
export const apiSpeed: BenchSection = {
  name: 'api-speed',
  async run({ stack, client, db, provider, temporalAddress, options }) {
    const callsPerRound = options.quick ? 100 : 1_000;
    const rounds = options.quick ? 1 : 3;
    const callsPerCommand = options.quick ? 32 : 100;
    const projectNumbers = freshNumbers('212');
    const bareNumbers = freshNumbers('213');
    const bare = await bareTemporal(temporalAddress, stack.providerUrl);
    const creates: CreateRound[] = [];
    const createMs: Summary[] = [];
    const commandMs: Record<Command, Summary[]> = { cancel: [], reschedule: [], 'start-now': [] };
    const dialMs: Summary[] = [];
    const neverDialled: string[] = [];
    try {
      await createSleepingCalls(client, projectNumbers(WARM_UP_CALLS), CONCURRENCY);
      await settled(db);
      await startBare(bare, bareNumbers(WARM_UP_CALLS));
      for (let round = 0; round < rounds; round++) {
        // The project and bare Temporal take turns, so that whatever else the machine does falls on both.
        const created = await createSleepingCalls(client, projectNumbers(callsPerRound), CONCURRENCY);
        creates.push({ system: PROJECT, calls: callsPerRound, elapsedMs: created.elapsedMs });
        createMs.push(summarize(created.requestMs));
        // Each measurement starts on a stack that has caught up: the worker has recorded every call's first event
        // (bare Temporal's starts, next, write nothing the project's worker would have to catch up with).
        await settled(db);
        creates.push({ system: BARE, calls: callsPerRound, elapsedMs: await startBare(bare, bareNumbers(callsPerRound)) });

        // Each command to calls of its own, one command after another.
        let started: CommandSample[] = [];
        for (const [i, command] of COMMANDS.entries()) {
          const samples = await sendCommands(client, command, created.calls.slice(i * callsPerCommand, (i + 1) * callsPerCommand), CONCURRENCY);
          commandMs[command].push(summarize(samples.map((sample) => sample.ms)));
          if (command === 'start-now') started = samples;
        }
        const receipts = await provider.waitFor(started.map((sample) => sample.phoneNumber), Date.now() + DIAL_TIMEOUT_MS);
        const dials = startNowToDial(started, receipts);
        if (dials.delaysMs.length > 0) dialMs.push(summarize(dials.delaysMs));
        neverDialled.push(...dials.neverDialled);
        console.log(`api speed, round ${round + 1} of ${rounds}: ${callsPerRound} creates each, ${callsPerCommand} of each command`);
        // The started calls end (the provider's call takes 0.8 s) before anything else is measured.
        await settled(db);
      }
    } finally {
      await bare.stop();
    }

    const project = creates.filter((round) => round.system === PROJECT);
    const bareRounds = creates.filter((round) => round.system === BARE);
    const ratio = createRatio(project, bareRounds);
    const latencies = [
      { figure: 'POST /api/calls', repeats: createMs },
      { figure: 'POST /api/calls/:id/cancel', repeats: commandMs.cancel, target: COMMAND_TARGET },
      { figure: 'PATCH /api/calls/:id (reschedule)', repeats: commandMs.reschedule, target: COMMAND_TARGET },
      { figure: 'POST /api/calls/:id/start-now', repeats: commandMs['start-now'], target: COMMAND_TARGET },
      { figure: 'start-now sent → dial at the provider', repeats: dialMs },
    ];
    const rateLines = [project, bareRounds].map((group) => [group[0]!.system, String(callsPerRound), String(group.length), formatSpread(spread(group.map(perSecond)), 1)]);
    return {
      text: [
        `Creates, ${CONCURRENCY} requests at once, due in a day (the calls only sleep); per second, median of the rounds (min–max)`,
        renderTable(['creates', 'calls', 'rounds', 'per second'], rateLines),
        `project / bare Temporal: ${ratio.toFixed(2)} (issue 9's target: ≥ 0.9)`,
        '',
        `Requests ${CONCURRENCY} at once, from send to answer (a command's answer waits until the projection shows it); ${callsPerCommand} of each command a round`,
        formatLatencyTable(latencies),
      ].join('\n'),
      figures: { concurrency: CONCURRENCY, callsPerRound, callsPerCommand, creates: creates.map((round) => ({ ...round, perSecond: perSecond(round) })), ratio, latencies, neverDialled },
      failures: neverDialled.length > 0 ? [`${neverDialled.length} call(s) started now never reached the provider`] : [],
    };
  },
};

/** Bare Temporal's timer workflows, due in a day, started 16 at once; how long from the first start to the last answer. */
async function startBare(bare: FiringSystem, phoneNumbers: readonly string[]): Promise<number> {
  const started = performance.now();
  await bare.schedule(phoneNumbers.map((phoneNumber) => ({ phoneNumber, idempotencyKey: randomUUID() })), new Date(Date.now() + SLEEP_FOR_MS));
  return performance.now() - started;
}
