import express, { type Express } from 'express';
import { createAdminRouter } from './admin.routes';
import { applyBehaviourPatch, DEFAULT_BEHAVIOUR, type Behaviour, type BehaviourPatch } from './behaviour';
import { CallScript } from './call-script';
import { CallStore, type ProviderCallRecord } from './call-store';
import { createCallsRouter } from './calls.routes';
import { jsonErrorHandler, notFound } from './http-errors';
import { addLatency, stampArrival } from './injected-delays';
import { createLog, logRequests } from './logger';
import { countRequests, noRequests, type ProviderStats } from './provider-stats';
import { requireApiKey } from './require-api-key';
import { StatusCallbacks } from './status-callbacks';

export interface ProviderAppOptions {
  /** Merged over the defaults; `reset()` comes back to this. */
  behaviour?: BehaviourPatch;
  /** When set, every `/calls` route wants `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Signs status callbacks (`X-Provider-Signature`); without it they are sent unsigned. */
  webhookSecret?: string;
  /** One JSON line per request (and per failed status callback) on stdout; defaults to on unless LOG_LEVEL=silent. */
  logger?: boolean;
  random?: () => number;
  now?: () => number;
}

export interface ProviderApp {
  app: Express;
  behaviour(): Behaviour;
  /** Validates and merges `patch` over the current behaviour; throws InvalidBehaviourError naming the bad field. */
  setBehaviour(patch: BehaviourPatch): Behaviour;
  /** Forgets every call, cancels their pending status callbacks, zeroes the stats and restores the start-up behaviour. */
  reset(): Behaviour;
  calls(): ProviderCallRecord[];
  stats(): ProviderStats;
  /** Cancels every pending and in-flight status callback; call it when done with the app. */
  close(): void;
}

export function createProviderApp(options: ProviderAppOptions = {}): ProviderApp {
  const startupBehaviour = applyBehaviourPatch(DEFAULT_BEHAVIOUR, options.behaviour ?? {});
  let behaviour = startupBehaviour;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const logging = options.logger ?? process.env.LOG_LEVEL !== 'silent';
  const log = createLog(logging);
  const store = new CallStore(now);
  const script = new CallScript(random);
  const callbacks = new StatusCallbacks({
    settings: () => behaviour.statusCallbacks,
    random,
    now,
    secret: options.webhookSecret || undefined,
    log,
  });
  let requests = noRequests();

  const control = {
    behaviour: () => behaviour,
    setBehaviour(patch: unknown): Behaviour {
      behaviour = applyBehaviourPatch(behaviour, patch);
      script.restartScriptsIn(patch as BehaviourPatch);
      return behaviour;
    },
    reset(): Behaviour {
      store.clear();
      script.restart();
      callbacks.reset();
      requests = noRequests();
      behaviour = startupBehaviour;
      return behaviour;
    },
  };

  const app = express();
  app.disable('x-powered-by');
  // Pollers must always see the current status, never a 304.
  app.disable('etag');
  if (logging) app.use(logRequests(log));
  const jsonBody = express.json({ limit: '16kb' });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const stats = (): ProviderStats => ({ ...requests, callbacks: callbacks.stats() });
  app.use('/admin', jsonBody, createAdminRouter({ ...control, stats }));
  app.use(
    '/calls',
    countRequests(() => requests),
    stampArrival(now),
    addLatency(() => behaviour.latencyMs),
    requireApiKey(options.apiKey),
    jsonBody,
    createCallsRouter({ store, script, behaviour: control.behaviour, callbacks }),
  );
  app.use(notFound);
  app.use(jsonErrorHandler);

  return { app, ...control, calls: () => store.list(), stats, close: () => callbacks.cancel() };
}
