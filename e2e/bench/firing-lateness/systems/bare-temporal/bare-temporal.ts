import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { inParallel } from '../../../in-parallel';
import type { BenchCall, FiringSystem } from '../firing-system';
import { providerClient } from '../provider-client';
import { createBareActivities } from './activities';
import { sleepThenDial } from './workflows';

const START_CONCURRENCY = 16;

/** Bare Temporal on the project's Temporal server: its own worker, in this process, on its own task queue. */
export async function bareTemporal(temporalAddress: string, providerUrl: string): Promise<FiringSystem> {
  const taskQueue = `bench-bare-${randomUUID()}`;
  const provider = providerClient(providerUrl);
  const workerConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    activities: createBareActivities(provider),
  });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection: clientConnection });

  return {
    name: 'bare Temporal (timer + activity)',
    areaCode: '628',
    async schedule(calls: readonly BenchCall[], dueAt: Date): Promise<void> {
      await inParallel(calls, START_CONCURRENCY, async (call) => {
        await client.workflow.start(sleepThenDial, {
          taskQueue,
          workflowId: `bench-${call.idempotencyKey}`,
          args: [{ ...call, dueAtMs: dueAt.getTime() }],
        });
      });
    },
    async stop(): Promise<void> {
      worker.shutdown();
      await running;
      await clientConnection.close();
      await workerConnection.close();
      provider.close();
    },
  };
}
