import type { CallDto, CallPageDto } from '@call-scheduler/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import { RecentCalls } from './recent-calls';

function call(overrides: Partial<CallDto>): CallDto {
  return {
    id: 'c1',
    phoneNumber: '+14155550123',
    scheduledAt: '2026-11-24T10:00:00.000Z',
    status: 'scheduled',
    externalCallId: null,
    attempt: 0,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    nextAttemptAt: null,
    lastError: null,
    note: null,
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    workflowId: 'call-c1',
    temporalUiUrl: 'http://localhost:8233/namespaces/default/workflows/call-c1',
    ...overrides,
  };
}

function jsonResponse(body: unknown, status = 200): Response {
  return { ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) } as Response;
}

function page(items: CallDto[]): Response {
  return jsonResponse({ items, nextCursor: null } satisfies CallPageDto);
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('tr');
  if (!row) throw new Error(`"${text}" is not in a table row`);
  return row;
}

const realFetch = global.fetch;
const fetchMock = jest.fn<Promise<Response>, Parameters<typeof fetch>>();

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

afterAll(() => {
  global.fetch = realFetch;
});

describe('RecentCalls', () => {
  it('lists the latest calls', async () => {
    fetchMock.mockResolvedValue(
      page([
        call({ id: 'c1', phoneNumber: '+14155550123', status: 'in_progress', attempt: 1, externalCallId: 'ext-42' }),
        call({ id: 'c2', phoneNumber: '+442071838750', status: 'no_answer', attempt: 2, maxAttempts: 5 }),
      ]),
    );

    render(<RecentCalls />);

    await screen.findByText('+14155550123');
    const first = rowOf('+14155550123');
    const scheduled = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2026-11-24T10:00:00.000Z'),
    );
    expect(within(first).getByText('in progress')).toBeInTheDocument();
    expect(within(first).getByText(scheduled)).toHaveAttribute('datetime', '2026-11-24T10:00:00.000Z');
    expect(within(first).getByText('1/3')).toBeInTheDocument();
    expect(within(first).getByText('ext-42')).toBeInTheDocument();

    const second = rowOf('+442071838750');
    expect(within(second).getByText('no answer')).toBeInTheDocument();
    expect(within(second).getByText('2/5')).toBeInTheDocument();
    expect(within(second).getByText('—')).toBeInTheDocument();

    expect(screen.getAllByRole('row')).toHaveLength(3); // header + 2 calls
    expect(fetchMock).toHaveBeenCalledWith('/api/calls?limit=20', expect.anything());
  });

  it('says so when there are no calls', async () => {
    fetchMock.mockResolvedValue(page([]));

    render(<RecentCalls />);

    expect(await screen.findByText('No calls yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an error line when the API is unreachable', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    render(<RecentCalls />);

    expect(await screen.findByRole('alert')).toHaveTextContent('The API is unreachable.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the message of an API error', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ statusCode: 500, error: 'Internal Server Error', message: 'database down' }, 500));

    render(<RecentCalls />);

    expect(await screen.findByRole('alert')).toHaveTextContent('The API answered 500: database down');
  });

  it('refreshes, keeping the last list through an error', async () => {
    fetchMock
      .mockResolvedValueOnce(page([]))
      .mockResolvedValueOnce(page([call({ phoneNumber: '+4930901820' })]))
      .mockResolvedValueOnce(jsonResponse(null, 502))
      .mockResolvedValue(page([call({ phoneNumber: '+4930901820' })]));

    render(<RecentCalls refreshMs={10} />);

    expect(await screen.findByText('No calls yet.')).toBeInTheDocument();
    expect(await screen.findByText('+4930901820')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('The API is unreachable (HTTP 502).');
    expect(screen.getByText('+4930901820')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('stops refreshing once unmounted', async () => {
    fetchMock.mockResolvedValue(page([]));

    const { unmount } = render(<RecentCalls refreshMs={10} />);
    await screen.findByText('No calls yet.');
    unmount();
    const calls = fetchMock.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(fetchMock.mock.calls.length).toBe(calls);
  });
});
