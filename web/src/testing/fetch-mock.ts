import type { ApiErrorDto } from '@call-scheduler/shared';

export type FetchMock = jest.Mock<Promise<Response>, Parameters<typeof fetch>>;

/**
 * Replaces `global.fetch` with a fresh jest mock before each test of the calling file and puts the
 * real one back after it. Unanswered requests fail loudly.
 */
export function useFetchMock(): FetchMock {
  const fetchMock: FetchMock = jest.fn();
  const realFetch = global.fetch;
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation((input) => Promise.reject(new Error(`unexpected request ${String(input)}`)));
    global.fetch = fetchMock;
  });
  afterEach(() => {
    global.fetch = realFetch;
  });
  return fetchMock;
}

/** A response as the API sends it (jsdom has no `Response` nor `Headers`). */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => byName.get(name.toLowerCase()) ?? null },
    json: () => (status === 204 ? Promise.reject(new SyntaxError('Unexpected end of JSON input')) : Promise.resolve(body)),
  } as Response;
}

/** What the API answers a command with no result to, like signing out. */
export function noContentResponse(): Response {
  return jsonResponse(undefined, 204);
}

export function apiErrorResponse(statusCode: number, message: string, errors?: ApiErrorDto['errors'], headers?: Record<string, string>): Response {
  const error = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests' }[statusCode] ?? 'Error';
  return jsonResponse({ statusCode, error, message, ...(errors ? { errors } : {}) } satisfies ApiErrorDto, statusCode, headers);
}

/**
 * Answers each request by its method and path ("GET /api/auth/me"; a path without its query string
 * also matches); anything else fails loudly. An answer given as a function is called for each request.
 */
export function routeFetch(fetchMock: FetchMock, routes: Record<string, Response | (() => Response | Promise<Response>)>): void {
  fetchMock.mockImplementation((input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
    if (!route) return Promise.reject(new Error(`unexpected request ${method} ${url}`));
    return Promise.resolve(typeof route === 'function' ? route() : route);
  });
}

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** The requests fetched so far, oldest first, with their JSON bodies parsed. */
export function sentRequests(fetchMock: FetchMock): SentRequest[] {
  return fetchMock.mock.calls.map(([input, init]) => ({
    url: String(input),
    method: init?.method ?? 'GET',
    headers: (init?.headers ?? {}) as Record<string, string>,
    body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
  }));
}
