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

/** A response as the API sends it (jsdom has no `Response`). */
export function jsonResponse(body: unknown, status = 200): Response {
  return { ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) } as Response;
}

export function apiErrorResponse(statusCode: number, message: string, errors?: ApiErrorDto['errors']): Response {
  const error = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' }[statusCode] ?? 'Error';
  return jsonResponse({ statusCode, error, message, ...(errors ? { errors } : {}) } satisfies ApiErrorDto, statusCode);
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
