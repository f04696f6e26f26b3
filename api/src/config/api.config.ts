import { CALL_STREAM_HEARTBEAT_MS } from '@call-scheduler/shared';
import {
  DEFAULT_DIAL_LEAD_MS,
  DEFAULT_DIAL_RETRY_POLICY,
  type DialRetryPolicy,
} from '@call-scheduler/shared/workflow';
import { Env, readDatabaseUrl, readTemporalConfig, type TemporalConfig } from '@call-scheduler/shared/runtime';

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  temporal: TemporalConfig;
  /** Base of the Temporal Web UI, for deep links to each call's workflow. */
  temporalUiUrl: string;
  bodyLimit: string;
  /** The body limit of the routes that take many rows at once (a campaign's calls, a do-not-call import). */
  bulkBodyLimit: string;
  dialRetry: DialRetryPolicy;
  /** How long before each dial's instant a worker takes it up and holds it (see DEFAULT_DIAL_LEAD_MS). */
  dialLeadMs: number;
  /** How long the call stream may stay silent before it sends a heartbeat. */
  streamHeartbeatMs: number;
  /** How often the call stream's LISTEN connection is asked to answer, and how long it has to. */
  listenerProbeMs: number;
  /** Origins of the web app: the only ones CORS admits, and the only ones a session may change things from. */
  webOrigins: string[];
  sessionTtlMs: number;
  /** Requests each API key or signed-in user may make per minute, across every API process. */
  requestsPerMinute: number;
  /** The secret the provider signs its status callbacks with; without it, every callback is refused. */
  providerWebhookSecret?: string;
  /** How old a signed callback may be, and how far ahead of this clock: older ones are replays. */
  providerWebhookToleranceSeconds: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-* headers to believe (client address, HTTPS). */
  trustProxy: string;
}

/** Injection token of the API's settings, read once from the environment at start-up. */
export const API_CONFIG = Symbol('API_CONFIG');

export function readApiConfig(env = new Env()): ApiConfig {
  const defaults = DEFAULT_DIAL_RETRY_POLICY;
  return {
    port: env.int('PORT', 8000, { min: 0, max: 65_535 }),
    host: env.string('HOST', '0.0.0.0'),
    databaseUrl: readDatabaseUrl(env),
    temporal: readTemporalConfig(env),
    temporalUiUrl: env.string('TEMPORAL_UI_URL', 'http://localhost:8233').replace(/\/+$/, ''),
    bodyLimit: env.string('API_BODY_LIMIT', '64kb'),
    bulkBodyLimit: env.string('API_BULK_BODY_LIMIT', '8mb'),
    dialRetry: {
      initialIntervalMs: env.int('DIAL_RETRY_INITIAL_INTERVAL_MS', defaults.initialIntervalMs, { min: 1 }),
      backoffCoefficient: env.number('DIAL_RETRY_BACKOFF_COEFFICIENT', defaults.backoffCoefficient),
      maximumIntervalMs: env.int('DIAL_RETRY_MAX_INTERVAL_MS', defaults.maximumIntervalMs, { min: 1 }),
      maximumAttempts: env.int('DIAL_RETRY_MAX_ATTEMPTS', defaults.maximumAttempts, { min: 1, max: 100 }),
      scheduleToCloseMs: env.int('DIAL_RETRY_TIMEOUT_MS', defaults.scheduleToCloseMs, { min: 1_000 }),
    },
    dialLeadMs: env.int('DIAL_LEAD_MS', DEFAULT_DIAL_LEAD_MS, { min: 0, max: 5 * 60_000 }),
    streamHeartbeatMs: env.int('CALL_STREAM_HEARTBEAT_MS', CALL_STREAM_HEARTBEAT_MS, { min: 100 }),
    listenerProbeMs: env.int('CALL_STREAM_LISTENER_PROBE_MS', 5_000, { min: 100 }),
    webOrigins: env.string('WEB_ORIGINS', 'http://localhost:3000').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean),
    sessionTtlMs: env.int('SESSION_TTL_HOURS', 7 * 24, { min: 1, max: 365 * 24 }) * 60 * 60 * 1000,
    requestsPerMinute: env.int('RATE_LIMIT_PER_MINUTE', 1200, { min: 1 }),
    trustProxy: env.string('TRUST_PROXY', 'loopback'),
    providerWebhookSecret: env.optional('PROVIDER_WEBHOOK_SECRET'),
    providerWebhookToleranceSeconds: env.int('PROVIDER_WEBHOOK_TOLERANCE_SECONDS', 300, { min: 1, max: 3_600 }),
  };
}
