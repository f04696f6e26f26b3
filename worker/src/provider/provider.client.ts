import { Agent as HttpAgent, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as requestTls } from 'node:https';
import { text } from 'node:stream/consumers';
import type { ProviderCall } from './provider-call';
import { ProviderHttpError, ProviderUnavailableError } from './provider.errors';

export interface ProviderClientConfig {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/** A call to be placed at an instant, its connection to the provider opened ahead of it. */
export interface PreparedCall {
  /** Sends the POST now, on the connection opened for it. */
  place(signal?: AbortSignal): Promise<{ id: string }>;
  /** Closes the connection if the POST was never sent. */
  discard(): void;
}

/** A request whose connection is open (or opening), nothing of it sent yet. */
interface Exchange {
  method: string;
  path: string;
  outgoing: ClientRequest;
  answered: Promise<IncomingMessage>;
}

interface ProviderResponse {
  status: number;
  retryAfter: string | string[] | undefined;
  body: string;
}

/**
 * The telephony provider's REST API: place a call, read its status. Node's own HTTP client rather than
 * `fetch`: a burst of dials leaves at one instant, and there it reaches the provider in half of fetch's time.
 */
export class ProviderClient {
  private readonly agent: HttpAgent;
  private readonly open: typeof request;

  constructor(private readonly config: ProviderClientConfig) {
    const secure = new URL(config.baseUrl).protocol === 'https:';
    this.agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    this.open = secure ? requestTls : request;
  }

  /** Places a call; the idempotency key makes a repeated request return the same call instead of dialing again. */
  async placeCall(to: string, idempotencyKey: string, signal?: AbortSignal): Promise<{ id: string }> {
    const body = JSON.stringify({ to, idempotencyKey });
    return this.complete(this.begin('POST', '/calls', body, this.agent), body, signal);
  }

  /**
   * Opens a connection of its own for a call to place at an instant: the TCP and TLS handshakes are done
   * before it, so a burst of dials costs the instant only the requests. Not a byte of the request leaves
   * before `place`.
   */
  prepareCall(to: string, idempotencyKey: string): PreparedCall {
    const body = JSON.stringify({ to, idempotencyKey });
    const exchange = this.begin('POST', '/calls', body, false);
    let sent = false;
    return {
      place: (signal) => {
        sent = true;
        return this.complete(exchange, body, signal);
      },
      discard: () => {
        if (!sent) exchange.outgoing.destroy();
      },
    };
  }

  async getCall(id: string, signal?: AbortSignal): Promise<ProviderCall> {
    return this.complete(this.begin('GET', `/calls/${encodeURIComponent(id)}`, undefined, this.agent), undefined, signal);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private begin(method: string, path: string, body: string | undefined, agent: HttpAgent | false): Exchange {
    const outgoing = this.open(new URL(path, this.config.baseUrl), { method, headers: this.headers(body), agent });
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      outgoing.once('response', resolve);
      outgoing.once('error', reject);
    });
    // A connection that fails before the request is sent is reported by complete(), or not at all if discarded.
    answered.catch(() => undefined);
    return { method, path, outgoing, answered };
  }

  private async complete<T>({ method, path, outgoing, answered }: Exchange, body: string | undefined, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const either = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const abort = (): void => void outgoing.destroy(either.reason as Error);
    either.addEventListener('abort', abort, { once: true });
    let response: ProviderResponse;
    try {
      if (either.aborted) abort();
      outgoing.end(body);
      response = await read(await answered);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new ProviderUnavailableError(`${method} ${path} failed: ${timeout.aborted ? 'timed out' : describe(error)}`, { cause: error });
    } finally {
      either.removeEventListener('abort', abort);
    }
    if (response.status < 200 || response.status >= 300) throw new ProviderHttpError(response.status, response.body, retryAfterMs(response.retryAfter));
    return JSON.parse(response.body) as T;
  }

  private headers(body: string | undefined): Record<string, string> {
    return {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
      ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}),
    };
  }
}

async function read(message: IncomingMessage): Promise<ProviderResponse> {
  return { status: message.statusCode ?? 0, retryAfter: message.headers['retry-after'], body: await text(message) };
}

function retryAfterMs(header: string | string[] | undefined): number | null {
  if (typeof header !== 'string' || !header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
