import { DEFAULT_TASK_QUEUE } from '../workflow/call-workflow.contract';
import { Env } from './env';

/** Where `npm start` runs its embedded PostgreSQL: the default when DATABASE_URL is not set. */
export const DEV_DATABASE_URL = 'postgres://postgres:postgres@localhost:5433/call_scheduler';

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
}

export function readTemporalConfig(env: Env): TemporalConfig {
  return {
    address: env.string('TEMPORAL_ADDRESS', 'localhost:7233'),
    namespace: env.string('TEMPORAL_NAMESPACE', 'default'),
    taskQueue: env.string('TEMPORAL_TASK_QUEUE', DEFAULT_TASK_QUEUE),
  };
}

export function readDatabaseUrl(env: Env): string {
  return env.string('DATABASE_URL', DEV_DATABASE_URL);
}
