import { apiErrorResponse, noContentResponse, useFetchMock } from '../testing/fetch-mock';
import { ApiError, apiRequest } from './api-client';

const fetchMock = useFetchMock();

async function errorOf(request: Promise<unknown>): Promise<ApiError> {
  const error = await request.catch((caught: unknown) => caught);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiRequest', () => {
  it('answers nothing for a 204', async () => {
    fetchMock.mockResolvedValueOnce(noContentResponse());
    await expect(apiRequest('/api/auth/sign-out', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('reads how long to wait from Retry-After, in seconds or as a date', async () => {
    fetchMock.mockResolvedValueOnce(apiErrorResponse(429, 'Slow down', undefined, { 'Retry-After': '12' }));
    expect((await errorOf(apiRequest('/api/calls'))).retryAfterSeconds).toBe(12);

    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    fetchMock.mockResolvedValueOnce(apiErrorResponse(429, 'Slow down', undefined, { 'Retry-After': inAMinute }));
    expect((await errorOf(apiRequest('/api/calls'))).retryAfterSeconds).toBeGreaterThanOrEqual(58);

    fetchMock.mockResolvedValueOnce(apiErrorResponse(403, 'Viewers can only read calls'));
    const forbidden = await errorOf(apiRequest('/api/calls', { method: 'POST' }));
    expect([forbidden.status, forbidden.message, forbidden.retryAfterSeconds]).toEqual([403, 'Viewers can only read calls', null]);
  });
});
