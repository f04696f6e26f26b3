/**
 * The chaos suite's first scenario, the crash soak, on a cluster of its own: a Temporal dev server and a
 * PostgreSQL of the run's own, the built mock provider, two APIs and two workers, each a process that is
 * SIGKILLed while calls fall due and started again. Prints its table, writes every figure into
 * bench-results/chaos-crash-soak.json (and what every process printed beside it), and exits non-zero if a
 * call was lost, dialled twice for one attempt, dialled early, made without its client learning of it, or
 * left its projection or its timeline wrong. See docs/RELIABILITY.md.
 *
 *   npm run test:chaos                       (full: 500 calls due over about 3 minutes; 4 minutes after the build)
 *   npm run test:chaos -- --short            (CI: 120 calls due over about a minute; under 2 minutes after the build)
 *   npm run test:chaos -- --write-docs       (also refresh the run's table in docs/RELIABILITY.md)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chaosOptions } from './chaos-options';
import { ChaosCluster } from './cluster/chaos-cluster';
import { crashSoak } from './crash-soak/crash-soak';
import { renderReport, type SoakReport } from './crash-soak/soak-report';
import { seconds } from './figures';
import { refreshReliabilityDoc, RELIABILITY_DOC, type ChaosRun } from './reliability-doc';
import { runFacts } from './run-facts';

const OUT_DIR = resolve(__dirname, '../../bench-results');

async function main(): Promise<void> {
  const options = chaosOptions(process.argv.slice(2), process.env);
  const startedAt = new Date();
  await mkdir(OUT_DIR, { recursive: true });
  const report = await onCluster((cluster) => crashSoak(cluster, options.size));
  const run: ChaosRun = { scenario: 'crash-soak', short: options.short, ...runFacts(startedAt), wallSeconds: Math.round(process.uptime()), report };
  const jsonPath = join(OUT_DIR, 'chaos-crash-soak.json');
  await writeFile(jsonPath, JSON.stringify({ ...run, size: options.size }, null, 2));

  console.log(`\n==== crash soak (${options.short ? 'short' : 'full'} run), ${run.machine}, wall time ${run.wallSeconds} s\n\n${renderReport(report)}\n\nJSON: ${jsonPath}`);
  if (options.writeDocs) {
    await refreshReliabilityDoc(run);
    console.log(`refreshed ${RELIABILITY_DOC}`);
  }
  if (report.failures.length > 0) process.exitCode = 1;
}

/** Starts the cluster, runs the scenario on it, and stops it however the scenario ends, keeping every process's output. */
async function onCluster(scenario: (cluster: ChaosCluster) => Promise<SoakReport>): Promise<SoakReport> {
  const started = performance.now();
  const cluster = await ChaosCluster.start();
  console.log(`cluster up in ${seconds(performance.now() - started)}: Temporal on ${cluster.temporal.address}, 2 APIs, 2 workers`);
  try {
    return await scenario(cluster);
  } finally {
    await writeFile(join(OUT_DIR, 'chaos-crash-soak.log'), cluster.logs());
    await cluster.stop();
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
