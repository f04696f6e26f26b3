import type { ProviderCall } from './provider-call';
import { ProviderHttpError, ProviderUnavailableError } from './provider.errors';

export interface ProviderClientConfig {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/** The telephony provider's REST API: place a call, read its status. */
export class ProviderClient {
  constructor(private readonly config: ProviderClientConfig) {}

  /** Places a call; the idempotency key makes a repeated request return the same call instead of dialing again. */
  async placeCall(to: string, idempotencyKey: string, signal?: AbortSignal): Promise<{ id: string }> {
    return this.request<{ id: string }>('POST', '/calls', { to, idempotencyKey }, signal);
  }

  async getCall(id: string, signal?: AbortSignal): Promise<ProviderCall> {
    return this.request<ProviderCall>('GET', `/calls/${encodeURIComponent(id)}`, undefined, signal);
  }

  private async request<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    let response: Response;
    try {
      response = await fetch(new URL(path, this.config.baseUrl), {
        method,
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ProviderUnavailableError(`${method} ${path} failed: ${describe(error)}`, { cause: error });
    }
    if (!response.ok) throw new ProviderHttpError(response.status, await response.text(), retryAfterMs(response));
    return (await response.json()) as T;
  }

  private headers(hasBody: boolean): Record<string, string> {
    return {
      accept: 'application/json',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}),
    };
  }
}

function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
