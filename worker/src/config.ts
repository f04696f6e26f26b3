import { DEFAULT_MAX_CACHED_WORKFLOWS, DEFAULT_MAX_HELD_DIALS } from './call-worker';
import { Env, readDatabaseUrl, readTemporalConfig, type TemporalConfig } from '@call-scheduler/shared/runtime';

export interface WorkerConfig {
  temporal: TemporalConfig;
  databaseUrl: string;
  provider: { baseUrl: string; apiKey?: string; timeoutMs: number; pollIntervalMs: number };
  maxConcurrentActivities: number;
  maxHeldDials: number;
  /** Workflows kept in memory between their tasks. */
  maxCachedWorkflows: number;
}

export function readWorkerConfig(env = new Env()): WorkerConfig {
  return {
    temporal: readTemporalConfig(env),
    databaseUrl: readDatabaseUrl(env),
    provider: {
      baseUrl: env.string('PROVIDER_URL', 'http://localhost:8010'),
      apiKey: env.optional('PROVIDER_API_KEY'),
      timeoutMs: env.int('PROVIDER_TIMEOUT_MS', 10_000, { min: 100 }),
      pollIntervalMs: env.int('PROVIDER_POLL_INTERVAL_MS', 1_000, { min: 50, max: 5_000 }),
    },
    maxConcurrentActivities: env.int('WORKER_MAX_CONCURRENT_ACTIVITIES', 200, { min: 1 }),
    maxHeldDials: env.int('WORKER_MAX_HELD_DIALS', DEFAULT_MAX_HELD_DIALS, { min: 1 }),
    maxCachedWorkflows: env.int('WORKER_MAX_CACHED_WORKFLOWS', DEFAULT_MAX_CACHED_WORKFLOWS, { min: 2 }),
  };
}
