import type { ApiErrorDto, CallPageDto } from '@call-scheduler/shared';

/** The latest calls, newest first, as `GET /api/calls` serves them. */
export async function fetchRecentCalls(limit: number, signal?: AbortSignal): Promise<CallPageDto> {
  let response: Response;
  try {
    response = await fetch(`/api/calls?limit=${limit}`, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error('The API is unreachable.', { cause: error });
  }
  if (!response.ok) throw new Error(await describeFailure(response));
  const page = (await response.json()) as CallPageDto;
  if (!Array.isArray(page.items)) throw new Error('The API answered with an unexpected body.');
  return page;
}

async function describeFailure(response: Response): Promise<string> {
  // A proxy in front of the API (Vite, nginx) answers 502-504 when the API is down.
  if (response.status >= 502 && response.status <= 504) return `The API is unreachable (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as Partial<ApiErrorDto>;
    if (typeof body.message === 'string') return `The API answered ${response.status}: ${body.message}`;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `The API answered ${response.status}.`;
}
