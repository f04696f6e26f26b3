import { DEFAULT_MAX_CACHED_WORKFLOWS, DEFAULT_MAX_FOLLOWED_CALLS, DEFAULT_MAX_HELD_DIALS } from './call-worker';
import { Env, readDatabaseUrl, readTemporalConfig, type TemporalConfig } from '@call-scheduler/shared/runtime';
import type { StatusCallbacks } from './activities';

export interface WorkerConfig {
  temporal: TemporalConfig;
  databaseUrl: string;
  provider: { baseUrl: string; apiKey?: string; timeoutMs: number; lookupTimeoutMs: number; pollIntervalMs: number; lostAfterMs: number };
  /** Where the provider posts status changes (the API's /api/provider/events); without it, calls are followed by polling. */
  statusCallbacks?: StatusCallbacks;
  maxConcurrentActivities: number;
  maxHeldDials: number;
  maxFollowedCalls: number;
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
      // Under a third of the follow-up's 10 s heartbeat timeout (call-activities.ts): a slow lookup is tried again in time.
      lookupTimeoutMs: env.int('PROVIDER_LOOKUP_TIMEOUT_MS', 3_000, { min: 100, max: 3_000 }),
      pollIntervalMs: env.int('PROVIDER_POLL_INTERVAL_MS', 1_000, { min: 50, max: 5_000 }),
      lostAfterMs: env.int('PROVIDER_LOST_AFTER_MS', 30 * 60_000, { min: 1_000 }),
    },
    ...statusCallbacksOf(env),
    maxConcurrentActivities: env.int('WORKER_MAX_CONCURRENT_ACTIVITIES', 200, { min: 1 }),
    maxHeldDials: env.int('WORKER_MAX_HELD_DIALS', DEFAULT_MAX_HELD_DIALS, { min: 1 }),
    maxFollowedCalls: env.int('WORKER_MAX_FOLLOWED_CALLS', DEFAULT_MAX_FOLLOWED_CALLS, { min: 1 }),
    maxCachedWorkflows: env.int('WORKER_MAX_CACHED_WORKFLOWS', DEFAULT_MAX_CACHED_WORKFLOWS, { min: 2 }),
  };
}

function statusCallbacksOf(env: Env): { statusCallbacks?: StatusCallbacks } {
  const url = env.optional('PROVIDER_STATUS_CALLBACK_URL');
  if (url === undefined) return {};
  if (!URL.canParse(url)) throw new Error(`PROVIDER_STATUS_CALLBACK_URL must be an absolute URL, not ${JSON.stringify(url)}`);
  // Twice a minute at most per call when its callbacks are lost, against one lookup a second without them.
  return { statusCallbacks: { url, fallbackPollMs: env.int('PROVIDER_FALLBACK_POLL_MS', 30_000, { min: 100, max: 10 * 60_000 }) } };
}
