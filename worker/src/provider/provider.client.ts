import { Agent as HttpAgent, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as requestTls } from 'node:https';
import { text } from 'node:stream/consumers';
import type { z } from 'zod';
import type { ProviderCall } from './provider-call';
import { placedCallAnswer, providerCallAnswer } from './provider-answers';
import { ProviderHttpError, ProviderUnavailableError } from './provider.errors';

export interface ProviderClientConfig {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  /** A status lookup's own timeout, shorter than a dial's: a follow-up that heartbeats before each must not wait out its heartbeat timeout on one. */
  lookupTimeoutMs?: number;
}

/** What a dial asks the provider for; the idempotency key makes a repeated request return the same call instead of dialing again. */
export interface DialRequest {
  to: string;
  idempotencyKey: string;
  /** Where the provider posts the call's status changes; it is only looked up when absent. */
  statusCallbackUrl?: string;
}

/** A call to be placed at an instant, its connection to the provider opened ahead of it. */
export interface PreparedCall {
  /** Sends the POST now, on the connection opened for it. */
  place(signal?: AbortSignal): Promise<{ id: string }>;
  /** Closes the connection if the POST was never sent. */
  discard(): void;
}

/** The longest a provider's Retry-After is waited: a provider asking for more is asked again sooner. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

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

  async placeCall(dial: DialRequest, signal?: AbortSignal): Promise<{ id: string }> {
    const body = JSON.stringify(dial);
    return this.complete(this.begin('POST', '/calls', body, this.agent), body, placedCallAnswer, this.config.timeoutMs, signal);
  }

  /**
   * Opens a connection of its own for a call to place at an instant: the TCP and TLS handshakes are done
   * before it, so a burst of dials costs the instant only the requests. Not a byte of the request leaves
   * before `place`.
   */
  prepareCall(dial: DialRequest): PreparedCall {
    const body = JSON.stringify(dial);
    const exchange = this.begin('POST', '/calls', body, false);
    let sent = false;
    return {
      place: (signal) => {
        sent = true;
        return this.complete(exchange, body, placedCallAnswer, this.config.timeoutMs, signal);
      },
      discard: () => {
        if (!sent) exchange.outgoing.destroy();
      },
    };
  }

  async getCall(id: string, signal?: AbortSignal): Promise<ProviderCall> {
    const timeoutMs = this.config.lookupTimeoutMs ?? this.config.timeoutMs;
    return this.complete(this.begin('GET', `/calls/${encodeURIComponent(id)}`, undefined, this.agent), undefined, providerCallAnswer, timeoutMs, signal);
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

  private async complete<T>(
    { method, path, outgoing, answered }: Exchange,
    body: string | undefined,
    answer: z.ZodType<T>,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
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
    return readAnswer(`${method} ${path}`, response, answer);
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

/** A 2xx the client cannot read is a provider in trouble, tried again like one, never a crash. */
function readAnswer<T>(request: string, { status, body }: ProviderResponse, answer: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ProviderUnavailableError(`${request} answered ${status} with a body that is not JSON: ${body.slice(0, 200)}`);
  }
  const read = answer.safeParse(json);
  if (!read.success) throw new ProviderUnavailableError(`${request} answered ${status} with a body it cannot read: ${body.slice(0, 200)}`);
  return read.data;
}

/** Retry-After as RFC 9110 writes it (whole seconds, or an HTTP date), and no longer than MAX_RETRY_AFTER_MS. */
function retryAfterMs(header: string | string[] | undefined): number | null {
  if (typeof header !== 'string') return null;
  const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? null : Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
