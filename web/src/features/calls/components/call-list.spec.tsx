import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { makeCall, makePage } from '../../../testing/call-fixtures';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CallList } from './call-list';

const fetchMock = useFetchMock();

const rows = () => within(screen.getByRole('list', { name: 'Calls' })).getAllByRole('listitem');
const urls = () => sentRequests(fetchMock).map((request) => request.url);

function renderList(selectedId: string | null = null) {
  return renderWithProviders(<CallList selectedId={selectedId} />, { timeZone: 'Europe/Berlin' });
}

describe('CallList', () => {
  it('shows each call: number, status, attempt, next attempt and provider call id', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        makePage([
          makeCall({ id: 'call-2', status: 'no_answer', attempt: 2, maxAttempts: 3, nextAttemptAt: '2026-12-01T10:05:00.000Z', externalCallId: 'ext-42' }),
          makeCall({ id: 'call-1', phoneNumber: '+442071838750', status: 'in_progress', attempt: 1, maxAttempts: 5, note: 'Ask for Sam' }),
        ]),
      ),
    );
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
    fetchMock.mockResolvedValueOnce(jsonResponse(makePage([])));
    renderList();
    expect(await screen.findByText('No calls yet: schedule one above.')).toBeInTheDocument();
  });

  it('fetches again with status= when a status is picked', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(makePage([makeCall()])))
      .mockResolvedValueOnce(jsonResponse(makePage([])));
    const { user } = renderList();
    await waitFor(() => expect(rows()).toHaveLength(1));

    await user.selectOptions(screen.getByRole('combobox', { name: /^Status/ }), 'No answer');

    expect(await screen.findByText('No no answer calls.')).toBeInTheDocument();
    expect(urls()).toEqual(['/api/calls?limit=50', '/api/calls?limit=50&status=no_answer']);
  });

  it('loads older calls with the cursor of the last page', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(makePage([makeCall({ id: 'call-2' })], 'cursor-2')))
      .mockResolvedValueOnce(jsonResponse(makePage([makeCall({ id: 'call-1', phoneNumber: '+442071838750' })], null)));
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
    renderWithProviders(<CallList selectedId={null} />, { queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load calls: Internal server error');
  });

  it('marks a call the spend cap holds, in words, with when it tries again on hover', async () => {
    const dialHold = { limit: 'hourly', reason: '200 dials in the last hour', retryAt: '2026-12-01T11:00:00.000Z' } as const;
    fetchMock.mockResolvedValueOnce(jsonResponse(makePage([makeCall({ id: 'call-2', dialHold }), makeCall({ id: 'call-1' })])));
    renderList();

    await waitFor(() => expect(rows()).toHaveLength(2));
    const [held, free] = rows() as [HTMLElement, HTMLElement];
    const marker = within(held).getByText('Held:').parentElement!;
    expect(marker).toHaveTextContent('Held: 200 dials in the last hour');
    expect(marker).toHaveAttribute('title', expect.stringMatching(/^200 dials in the last hour; next try .*\b(12:00\s?PM|12:00)$/));
    expect(within(free).queryByText('Held:')).not.toBeInTheDocument();
  });
});
