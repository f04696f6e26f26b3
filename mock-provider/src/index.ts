import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BehaviourPatch } from './behaviour';
import type { ProviderCallRecord } from './call-store';
import type { ProviderStats } from './provider-stats';
import { createProviderApp } from './provider.app';

export { DEFAULT_BEHAVIOUR, InvalidBehaviourError } from './behaviour';
export type { Behaviour, BehaviourPatch, CreateError, LookupStep, Outcome, StatusCallbackSettings } from './behaviour';
export type { ProviderCallStatus } from './call-lifecycle';
export type { ProviderCallRecord, ProviderCallView } from './call-store';
export { createProviderApp } from './provider.app';
export type { ProviderApp, ProviderAppOptions } from './provider.app';
export type { ProviderStats } from './provider-stats';
export { signStatusCallback } from './status-callback-signature';
export type { StatusCallbackSignatureHeaders } from './status-callback-signature';
export type { CallbackCounts, StatusCallbackBody } from './status-callbacks';

export interface MockProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  behaviour?: BehaviourPatch;
  apiKey?: string;
  /** Signs status callbacks; without it they are sent unsigned. */
  webhookSecret?: string;
  logger?: boolean;
  random?: () => number;
  now?: () => number;
}

export interface MockProvider {
  /** Base URL such as `http://127.0.0.1:54321`, without a trailing slash. */
  url: string;
  port: number;
  /** Same as `PUT /admin/behaviour`; throws InvalidBehaviourError naming the bad field. */
  setBehaviour(patch: BehaviourPatch): void;
  /** Same as `POST /admin/reset`. */
  reset(): void;
  /** Same as `GET /calls` items. */
  calls(): ProviderCallRecord[];
  /** Same as `GET /admin/stats`. */
  stats(): ProviderStats;
  /** Stops listening, cuts every open connection, hanging ones included, and cancels pending status callbacks. */
  close(): Promise<void>;
}

export async function startMockProvider(options: MockProviderOptions = {}): Promise<MockProvider> {
  const { port = 0, host = '127.0.0.1', ...appOptions } = options;
  const provider = createProviderApp(appOptions);
  const server = createServer(provider.app);
  await listen(server, port, host);
  const boundPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${boundPort}`,
    port: boundPort,
    setBehaviour: (patch) => {
      provider.setBehaviour(patch);
    },
    reset: () => {
      provider.reset();
    },
    calls: () => provider.calls(),
    stats: () => provider.stats(),
    close: () => {
      provider.close();
      return (closing ??= closeServer(server));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive and timeout-injected sockets would otherwise hold close() open for good.
    server.closeAllConnections();
  });
}

/** A wildcard bind address is not something a client can dial. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
