import { Queue, Worker } from 'bullmq';
import type { BenchCall, FiringSystem } from './firing-system';
import { providerClient } from './provider-client';
import { RedisServer } from './redis-server';

const QUEUE = 'bench-dials';
const WORKER_CONCURRENCY = 200;

/** BullMQ delayed jobs on a Redis of their own: what a Node developer might pick instead. */
export async function bullmq(providerUrl: string): Promise<FiringSystem> {
  const redis = await RedisServer.start();
  const connection = { host: '127.0.0.1', port: redis.port };
  const provider = providerClient(providerUrl);
  const queue = new Queue<BenchCall>(QUEUE, { connection });
  const worker = new Worker<BenchCall>(QUEUE, (job) => provider.placeCall({ to: job.data.phoneNumber, idempotencyKey: job.data.idempotencyKey }), {
    connection: { ...connection, maxRetriesPerRequest: null },
    concurrency: WORKER_CONCURRENCY,
  });
  await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);

  return {
    name: 'BullMQ delayed jobs (Redis)',
    areaCode: '650',
    async schedule(calls: readonly BenchCall[], dueAt: Date): Promise<void> {
      // Each job's own timestamp is taken after this, so a delay measured from now can only be late.
      const delay = Math.max(0, dueAt.getTime() - Date.now());
      await queue.addBulk(calls.map((call) => ({ name: 'dial', data: call, opts: { delay, jobId: call.idempotencyKey, removeOnComplete: true } })));
    },
    async stop(): Promise<void> {
      await worker.close();
      await queue.close();
      await redis.stop();
      provider.close();
    },
  };
}
