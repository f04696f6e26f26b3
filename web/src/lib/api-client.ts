import type { ApiErrorDto } from '@call-scheduler/shared';

/**
 * The API answered with an error; `fieldErrors` maps each offending input field to its problem, and
 * `retryAfterSeconds` says how long to wait when it refused for too many requests (429).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No answer from the API: the network failed, or a proxy in front of it could not reach it. */
export class ApiUnreachableError extends Error {
  constructor(options?: ErrorOptions) {
    super('The API is unreachable.', options);
    this.name = 'ApiUnreachableError';
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Sends one request to the API and returns its JSON (nothing for a 204), or throws ApiError /
 * ApiUnreachableError. The session cookie goes along: the API is on the page's own origin.
 */
export async function apiRequest<T>(path: string, { method = 'GET', body, headers, signal }: ApiRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiUnreachableError({ cause: error });
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toError(response: Response): Promise<Error> {
  // A proxy in front of the API (Vite, nginx) answers 502-504 when the API is down.
  if (response.status >= 502 && response.status <= 504) return new ApiUnreachableError();
  const body = await response.json().catch(() => null) as Partial<ApiErrorDto> | null;
  const message = typeof body?.message === 'string' ? body.message : `The API answered ${response.status}.`;
  const fieldErrors = Object.fromEntries((body?.errors ?? []).map(({ field, message }) => [field, message]));
  return new ApiError(response.status, message, fieldErrors, retryAfterSeconds(response.headers.get('retry-after')));
}

/** Retry-After holds either a number of seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}
