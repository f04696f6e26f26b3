import type { ApiErrorDto } from '@call-scheduler/shared';

/** The API answered with an error; `fieldErrors` maps each offending input field to its problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
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
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends one request to the API and returns its JSON, or throws ApiError / ApiUnreachableError. */
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
  return (await response.json()) as T;
}

async function toError(response: Response): Promise<Error> {
  // A proxy in front of the API (Vite, nginx) answers 502-504 when the API is down.
  if (response.status >= 502 && response.status <= 504) return new ApiUnreachableError();
  const body = await response.json().catch(() => null) as Partial<ApiErrorDto> | null;
  const message = typeof body?.message === 'string' ? body.message : `The API answered ${response.status}.`;
  const fieldErrors = Object.fromEntries((body?.errors ?? []).map(({ field, message }) => [field, message]));
  return new ApiError(response.status, message, fieldErrors);
}
