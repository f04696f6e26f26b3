/**
 * Issue 9's benchmark on one stack, section by section: firing lateness beside bare Temporal and
 * BullMQ, the API's speed (creates, commands, start-now to dial), the list with many calls stored,
 * projection lag, a change reaching 100 streams, the worker with many sleeping calls, and a campaign (a batch, and
 * calls followed by status callbacks beside polling). Prints a table a
 * section and writes every figure into bench-results/bench.json. Exits non-zero if a dial came early
 * or never came, or a change never reached a stream. See docs/PERFORMANCE.md.
 *
 *   npm run bench                          (full size)
 *   npm run bench -- --quick               (small: about 4 minutes after the build)
 *   npm run bench -- --only=list-at-scale --stored=200000 --sleeping=10000,100000
 *   npm run bench -- --only=firing-lateness --temporal=memory   (the Temporal server's storage: sqlite-wal, sqlite, memory)
 */
import { globalTeardown, startTestServices } from '@call-scheduler/testing/dist/jest-global-setup.js';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Stack } from '../src/support/stack';
import { StackClient } from '../src/support/stack-client';
import { apiSpeed } from './api-speed/api-speed-section';
import { campaign } from './campaign/campaign-section';
import { benchOptions } from './bench-options';
import { TEMPORAL_PERSISTENCE_LABEL, temporalOptions } from './bench-temporal';
import type { BenchSection } from './bench-section';
import { firingLateness } from './firing-lateness/firing-lateness-section';
import { listAtScale } from './list-at-scale/list-at-scale-section';
import { projectionLag } from './projection-lag/projection-lag-section';
import { ProviderReceipts } from './provider-receipts';
import { raiseSpendCap } from './spend-cap';
import { settled } from './stored-calls';
import { streamFanOut } from './stream-fan-out/stream-fan-out-section';
import { processUsage } from './worker-memory/process-usage';
import { workerMemory } from './worker-memory/worker-memory-section';

/**
 * In this order: firing lateness first, on a quiet stack, as it always ran; the stored calls before the
 * projection and the stream are timed, as issue 9 asks for them with many calls stored; the worker's
 * sleeping calls next, since they load the stack the most; the campaign last, since it leaves thousands of calls asleep.
 */
const SECTIONS: readonly BenchSection[] = [firingLateness, apiSpeed, listAtScale, projectionLag, streamFanOut, workerMemory, campaign];
const OUT_DIR = resolve(__dirname, '../../bench-results');

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2), process.env);
  const unknown = (options.only ?? []).filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) throw new Error(`no section ${unknown.join(', ')}; the sections: ${SECTIONS.map((section) => section.name).join(', ')}`);
  const sections = SECTIONS.filter((section) => options.only === null || options.only.includes(section.name));

  // Requests per minute are policy, not speed: the bench sends far more than the default allows.
  process.env.RATE_LIMIT_PER_MINUTE = '10000000';
  // Before the test server starts the SDK's runtime: the bare Temporal worker's state changes are noise here.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  await mkdir(OUT_DIR, { recursive: true });
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const temporalDir = await mkdtemp(join(tmpdir(), 'bench-temporal-'));
  const reports: Record<string, { text: string; figures: unknown; failures: string[]; seconds: number }> = {};
  let stack: Stack | undefined;
  let db: Client | undefined;
  // Everything started is stopped, whichever step fails.
  try {
    await startTestServices(temporalOptions(options.temporal, temporalDir));
    console.log(`Temporal dev server: ${TEMPORAL_PERSISTENCE_LABEL[options.temporal]}`);
    // The worker follows calls at the provider as often as in production, not as quickly as the e2e tests have it.
    stack = await Stack.start({ env: { PROVIDER_POLL_INTERVAL_MS: '1000' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    await raiseSpendCap(stack);
    const context = {
      stack,
      client: new StackClient(stack),
      db,
      provider: new ProviderReceipts(stack.providerUrl),
      temporalAddress: process.env.TEST_TEMPORAL_ADDRESS!,
      options,
      outDir: OUT_DIR,
      workerAtStart: await processUsage(stack.worker.pid),
    };
    for (const section of sections) {
      console.log(`\n== ${section.name}`);
      // Each section starts on a stack that has caught up with the sections before it.
      await settled(db);
      const started = performance.now();
      const report = await section.run(context);
      reports[section.name] = { ...report, seconds: Math.round((performance.now() - started) / 1000) };
      console.log(`\n${report.text}`);
    }
  } finally {
    await db?.end();
    await stack?.stop();
    await globalTeardown();
    await rm(temporalDir, { recursive: true, force: true });
  }

  const jsonPath = join(OUT_DIR, 'bench.json');
  const machine = { ...machineFacts(), loadAverage: { atStart: loadAtStart, atEnd: loadavg() } };
  const figures = Object.fromEntries(Object.entries(reports).map(([name, report]) => [name, { seconds: report.seconds, ...(report.figures as object) }]));
  await writeFile(jsonPath, JSON.stringify({ quick: options.quick, options, startedAt, finishedAt: new Date(), machine, sections: figures }, null, 2));

  console.log(`\n==== all sections (${options.quick ? 'quick' : 'full'} run, Temporal ${options.temporal}), machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}; load average at start ${loadAtStart.map((load) => load.toFixed(2)).join(' ')}`);
  for (const [name, report] of Object.entries(reports)) console.log(`\n== ${name} (${report.seconds} s)\n${report.text}`);
  console.log(`\nJSON: ${jsonPath}`);

  const failures = Object.entries(reports).flatMap(([name, report]) => report.failures.map((failure) => `${name}: ${failure}`));
  if (failures.length > 0) {
    console.error(`\nFAILED:\n${failures.map((failure) => `  ${failure}`).join('\n')}\n(see above and the JSON)`);
    process.exitCode = 1;
  }
}

function machineFacts() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
