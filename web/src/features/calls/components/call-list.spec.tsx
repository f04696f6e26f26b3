import { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { makeCall, makePage } from '../../../testing/call-fixtures';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { useCallFilters } from '../use-call-filters';
import { CallList } from './call-list';

const fetchMock = useFetchMock();

const rows = () => within(screen.getByRole('list', { name: 'Calls' })).getAllByRole('listitem');
/** The list's requests; the batches for its filter aside. */
const urls = () => sentRequests(fetchMock).map((request) => request.url).filter((url) => url !== '/api/calls/batches');

/** The list with its filters, as the calls view holds them. */
function FilteredList({ selectedId }: { selectedId: string | null }) {
  return <CallList selectedId={selectedId} filters={useCallFilters()} />;
}

/** Answers the batches with `batches` and each list request with the next page of `pages`. */
function answer(pages: ReturnType<typeof makePage>[], batches: unknown[] = []) {
  fetchMock.mockImplementation((input) => {
    if (String(input) === '/api/calls/batches') return Promise.resolve(jsonResponse(batches));
    const page = pages.shift();
    return page ? Promise.resolve(jsonResponse(page)) : Promise.reject(new Error(`unexpected request ${String(input)}`));
  });
}

function renderList(selectedId: string | null = null, queryClient?: QueryClient) {
  return renderWithProviders(<FilteredList selectedId={selectedId} />, { timeZone: 'Europe/Berlin', queryClient });
}

describe('CallList', () => {
  it('shows each call: number, status, attempt, next attempt and provider call id', async () => {
    answer([
      makePage([
        makeCall({ id: 'call-2', status: 'no_answer', attempt: 2, maxAttempts: 3, nextAttemptAt: '2026-12-01T10:05:00.000Z', externalCallId: 'ext-42' }),
        makeCall({ id: 'call-1', phoneNumber: '+442071838750', status: 'in_progress', attempt: 1, maxAttempts: 5, note: 'Ask for Sam' }),
      ]),
    ]);
    renderList('call-1');

    await waitFor(() => expect(rows()).toHaveLength(2));
    const [retrying, talking] = rows() as [HTMLElement, HTMLElement];

    expect(within(retrying).getByRole('link', { name: '+1 415 555 0123' })).toHaveAttribute('href', '#call=call-2');
    expect(within(retrying).getByText('No answer')).toHaveClass('badge');
    expect(within(retrying).getByText('2/3')).toBeInTheDocument();
    const nextAttempt = within(retrying).getByText(/^next\b/).querySelector('time');
    expect(nextAttempt).toHaveAttribute('datetime', '2026-12-01T10:05:00.000Z');
    expect(nextAttempt).toHaveAttribute('title', expect.stringMatching(/\b(11:05\s?AM|11:05)\b/));
    expect(within(retrying).getByText('ext-42')).toBeInTheDocument();
    expect(retrying).not.toHaveAttribute('aria-current');

    expect(within(talking).getByRole('link', { name: '+44 20 7183 8750' })).toHaveAttribute('href', '#call=call-1');
    expect(within(talking).getByText('In progress')).toBeInTheDocument();
    expect(within(talking).getByText('1/5')).toBeInTheDocument();
    expect(within(talking).getByText('Ask for Sam')).toBeInTheDocument();
    expect(within(talking).getByText('—')).toBeInTheDocument();
    expect(talking).toHaveAttribute('aria-current', 'true');

    expect(urls()).toEqual(['/api/calls?limit=50']);
  });

  it('says when there are no calls yet', async () => {
    answer([makePage([])]);
    renderList();
    expect(await screen.findByText('No calls yet: schedule one above.')).toBeInTheDocument();
  });

  it('fetches again with status= when a status is picked', async () => {
    answer([makePage([makeCall()]), makePage([])]);
    const { user } = renderList();
    await waitFor(() => expect(rows()).toHaveLength(1));

    await user.selectOptions(screen.getByRole('combobox', { name: /^Status/ }), 'No answer');

    expect(await screen.findByText('No no answer calls.')).toBeInTheDocument();
    expect(urls()).toEqual(['/api/calls?limit=50', '/api/calls?limit=50&status=no_answer']);
  });

  it('loads older calls with the cursor of the last page', async () => {
    answer([makePage([makeCall({ id: 'call-2' })], 'cursor-2'), makePage([makeCall({ id: 'call-1', phoneNumber: '+442071838750' })], null)]);
    const { user } = renderList();
    await waitFor(() => expect(rows()).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Load older calls' }));

    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(within(rows()[1]!).getByRole('link', { name: '+44 20 7183 8750' })).toBeInTheDocument();
    expect(urls()).toEqual(['/api/calls?limit=50', '/api/calls?limit=50&cursor=cursor-2']);
    expect(screen.queryByRole('button', { name: 'Load older calls' })).not.toBeInTheDocument();
  });

  it('says when the calls cannot be loaded', async () => {
    fetchMock.mockResolvedValue(apiErrorResponse(500, 'Internal server error'));
    renderList(null, new QueryClient({ defaultOptions: { queries: { retry: false } } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load calls: Internal server error');
  });

  it('marks a call the spend cap holds, in words, with when it tries again on hover', async () => {
    const dialHold = { limit: 'hourly', reason: '200 dials in the last hour', retryAt: '2026-12-01T11:00:00.000Z' } as const;
    answer([makePage([makeCall({ id: 'call-2', dialHold }), makeCall({ id: 'call-1' })])]);
    renderList();

    await waitFor(() => expect(rows()).toHaveLength(2));
    const [held, free] = rows() as [HTMLElement, HTMLElement];
    const marker = within(held).getByText('Held:').parentElement!;
    expect(marker).toHaveTextContent('Held: 200 dials in the last hour');
    expect(marker).toHaveAttribute('title', expect.stringMatching(/^200 dials in the last hour; next try .*\b(12:00\s?PM|12:00)$/));
    expect(within(free).queryByText('Held:')).not.toBeInTheDocument();
  });

  it('asks for the numbers starting with what is typed, once typing pauses', async () => {
    answer([makePage([makeCall()]), makePage([makeCall()])]);
    const { user } = renderList();
    await waitFor(() => expect(rows()).toHaveLength(1));

    await user.type(screen.getByRole('searchbox', { name: 'Number starts with' }), '+4420');

    await waitFor(() => expect(urls()).toEqual(['/api/calls?limit=50', '/api/calls?limit=50&search=%2B4420']));
  });

  it('sends nothing for a search that is not digits, and says why', async () => {
    answer([makePage([makeCall()])]);
    const { user } = renderList();
    await waitFor(() => expect(rows()).toHaveLength(1));

    const search = screen.getByRole('searchbox', { name: 'Number starts with' });
    await user.type(search, '44a');
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));

    expect(search).toHaveAccessibleDescription('Type the first digits of a number, the + optional.');
    expect(search).toHaveAttribute('aria-invalid', 'true');
    expect(urls()).toEqual(['/api/calls?limit=50']);
    expect(rows()).toHaveLength(1);
  });

  it('offers the batches, all calls first, and fetches one batch when picked', async () => {
    const batches = [
      { id: 'batch-2', name: 'december.csv', createdAt: '2026-11-25T09:00:00.000Z', calls: 1200 },
      { id: 'batch-1', name: null, createdAt: '2026-11-24T09:00:00.000Z', calls: 1 },
    ];
    answer([makePage([makeCall()]), makePage([])], batches);
    const { user } = renderList();
    await waitFor(() => expect(rows()).toHaveLength(1));
    const batch = screen.getByRole('combobox', { name: 'Batch' });
    await waitFor(() => expect(within(batch).getAllByRole('option')).toHaveLength(3));

    expect(within(batch).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All calls',
      expect.stringMatching(/^december\.csv, .*25.*2026.*10:00.* \(1,200 calls\)$/),
      expect.stringMatching(/^Unnamed batch, .*24.*2026.*10:00.* \(1 call\)$/),
    ]);
    await user.selectOptions(batch, 'batch-2');

    expect(await screen.findByText('No calls match these filters.')).toBeInTheDocument();
    expect(urls()).toEqual(['/api/calls?limit=50', '/api/calls?limit=50&batchId=batch-2']);
  });

  it('exports what the filters select', async () => {
    answer([makePage([makeCall()]), makePage([]), makePage([]), makePage([])], [{ id: 'batch-1', name: 'a.csv', createdAt: '2026-11-24T09:00:00.000Z', calls: 3 }]);
    const { user } = renderList();
    const link = () => screen.getByRole('link', { name: 'Export CSV' });
    expect(link()).toHaveAttribute('href', '/api/calls/export');

    await user.selectOptions(screen.getByRole('combobox', { name: /^Status/ }), 'No answer');
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Batch' })).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Batch' }), 'batch-1');
    await user.type(screen.getByRole('searchbox', { name: 'Number starts with' }), '1415');

    await waitFor(() => expect(link()).toHaveAttribute('href', '/api/calls/export?status=no_answer&batchId=batch-1&search=1415'));
  });
});
