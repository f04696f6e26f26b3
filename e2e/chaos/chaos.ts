/**
 * The chaos suite, on a cluster of its own: a Temporal dev server and a PostgreSQL of the run's own, the built
 * mock provider, two APIs and two workers, each a process that a signal can kill. Its scenarios run one after
 * another on it:
 * - the crash soak: calls fall due while workers, an API, Temporal and PostgreSQL are SIGKILLed and restarted;
 * - the provider chaos: calls fall due while the provider fails, times out, rate-limits and refuses;
 * - the commands under fire: each create sent three times at once, and cancels while sleeping and at the
 *   instant, while workers and an API are killed;
 * - the database outage: calls fall due while PostgreSQL is down, and reads go on meanwhile.
 * Each prints its table and writes its figures into bench-results/chaos-<scenario>.json (what every process
 * printed goes into bench-results/chaos.log); the run exits non-zero if any call broke a promise. See
 * docs/RELIABILITY.md.
 *
 *   npm run test:chaos                       (full: about 8 minutes after the build)
 *   npm run test:chaos -- --short            (CI: about 3 minutes after the build)
 *   npm run test:chaos -- --only=provider-chaos
 *   npm run test:chaos -- --write-docs       (also refresh the runs' tables in docs/RELIABILITY.md)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chaosOptions, type ChaosOptions, type Scenario } from './chaos-options';
import { ChaosCluster } from './cluster/chaos-cluster';
import { crashSoak } from './crash-soak/crash-soak';
import { renderReport } from './crash-soak/soak-report';
import { seconds } from './figures';
import { providerChaos } from './provider-chaos/provider-chaos';
import { renderProviderChaos } from './provider-chaos/provider-chaos-report';
import { commandsUnderFire } from './commands-under-fire/commands-under-fire';
import { renderCommands } from './commands-under-fire/commands-report';
import { databaseOutage } from './database-outage/database-outage';
import { renderDatabaseOutage } from './database-outage/outage-report';
import { refreshReliabilityDoc, RELIABILITY_DOC, type ChaosRun, type ScenarioOutcome } from './reliability-doc';
import { runFacts } from './run-facts';

const OUT_DIR = resolve(__dirname, '../../bench-results');

async function main(): Promise<void> {
  const options = chaosOptions(process.argv.slice(2), process.env);
  await mkdir(OUT_DIR, { recursive: true });
  const started = performance.now();
  const cluster = await ChaosCluster.start();
  console.log(`cluster up in ${seconds(performance.now() - started)}: Temporal on ${cluster.temporal.address}, 2 APIs, 2 workers`);
  const runs: ChaosRun[] = [];
  try {
    for (const scenario of options.scenarios) runs.push(await run(scenario, cluster, options, runs.length === 0 ? started : performance.now()));
  } finally {
    await writeFile(join(OUT_DIR, 'chaos.log'), cluster.logs());
    await cluster.stop();
  }
  if (runs.some((finished) => finished.report.failures.length > 0)) process.exitCode = 1;
}

/** Runs one scenario and reports it; the first one's wall time includes the cluster's start-up. */
async function run(scenario: Scenario, cluster: ChaosCluster, options: ChaosOptions, since: number): Promise<ChaosRun> {
  const startedAt = new Date();
  console.log(`\n==== ${scenario} (${options.short ? 'short' : 'full'} run)`);
  const outcome = await scenarioOutcome(scenario, cluster, options);
  const finished: ChaosRun = { ...outcome, short: options.short, ...runFacts(startedAt), wallSeconds: Math.round((performance.now() - since) / 1000) };
  const jsonPath = join(OUT_DIR, `chaos-${scenario}.json`);
  await writeFile(jsonPath, JSON.stringify({ ...finished, size: sizeOf(scenario, options) }, null, 2));
  console.log(`\n${rendered(finished)}\n\n${finished.machine}, wall time ${finished.wallSeconds} s. JSON: ${jsonPath}`);
  if (options.writeDocs) {
    await refreshReliabilityDoc(finished);
    console.log(`refreshed ${RELIABILITY_DOC}`);
  }
  return finished;
}

async function scenarioOutcome(scenario: Scenario, cluster: ChaosCluster, options: ChaosOptions): Promise<ScenarioOutcome> {
  switch (scenario) {
    case 'crash-soak':
      return { scenario, report: await crashSoak(cluster, options.size) };
    case 'provider-chaos':
      return { scenario, report: await providerChaos(cluster, options.providerSize) };
    case 'commands-under-fire':
      return { scenario, report: await commandsUnderFire(cluster, options.commandsSize) };
    case 'database-outage':
      return { scenario, report: await databaseOutage(cluster, options.outageSize) };
  }
}

function sizeOf(scenario: Scenario, options: ChaosOptions) {
  return { 'crash-soak': options.size, 'provider-chaos': options.providerSize, 'commands-under-fire': options.commandsSize, 'database-outage': options.outageSize }[scenario];
}

function rendered(run: ScenarioOutcome): string {
  switch (run.scenario) {
    case 'crash-soak':
      return renderReport(run.report);
    case 'provider-chaos':
      return renderProviderChaos(run.report);
    case 'commands-under-fire':
      return renderCommands(run.report);
    case 'database-outage':
      return renderDatabaseOutage(run.report);
  }
}

main().then(
  // Keep-alive sockets and the clients' timers would otherwise hold the run open a while after its report.
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
