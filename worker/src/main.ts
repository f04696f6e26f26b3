import 'reflect-metadata';
import { CallRepository, DialReservationRepository, HeldDialRepository, dataSourceOptions, migrate, surviveLostConnections } from '@call-scheduler/db';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from './activities';
import { createCallWorker } from './call-worker';
import { readWorkerConfig } from './config';
import { ProviderClient } from './provider/provider.client';
import { retryUntilReady } from '@call-scheduler/shared/runtime';

async function main(): Promise<void> {
  const config = readWorkerConfig();
  const dataSource = new DataSource(dataSourceOptions({ url: config.databaseUrl, applicationName: 'call-scheduler-worker' }));
  await retryUntilReady('PostgreSQL', () => dataSource.initialize());
  surviveLostConnections(dataSource, (error) => console.warn(`Lost a PostgreSQL connection: ${error.message}`));
  await migrate(dataSource);
  const connection = await retryUntilReady('Temporal', () => NativeConnection.connect({ address: config.temporal.address }));
  const provider = new ProviderClient(config.provider);
  try {
    const worker = await createCallWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      maxConcurrentActivities: config.maxConcurrentActivities,
      maxHeldDials: config.maxHeldDials,
      maxFollowedCalls: config.maxFollowedCalls,
      maxCachedWorkflows: config.maxCachedWorkflows,
      activities: createActivities({
        provider,
        calls: new CallRepository(dataSource),
        reservations: new DialReservationRepository(dataSource),
        heldDials: new HeldDialRepository(dataSource),
        follow: { pollIntervalMs: config.provider.pollIntervalMs, lostAfterMs: config.provider.lostAfterMs },
        statusCallbacks: config.statusCallbacks,
      }),
    });
    console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
    // Temporal's runtime turns SIGINT/SIGTERM into a graceful shutdown: the worker stops taking tasks and cancels the
    // activities it runs, which hand back what they only wait on (a held dial, a call followed) for another worker to
    // take up at once; a dial's POST already sent is answered first. run() returns once they are done.
    await worker.run();
  } finally {
    provider.close();
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
