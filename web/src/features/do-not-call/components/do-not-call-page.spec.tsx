import type { DoNotCallEntryDto, DoNotCallImportReport, DoNotCallPage, ImportDoNotCallRequest, Role } from '@call-scheduler/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { formatDateTime } from '../../../lib/date-time';
import { useDownloads } from '../../../testing/downloads';
import { apiErrorResponse, jsonResponse, noContentResponse, routeFetch, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { DoNotCallPage as DoNotCallSection } from './do-not-call-page';

const fetchMock = useFetchMock();
const downloads = useDownloads();

const BERLIN = 'Europe/Berlin';
const ASKED = makeEntry({ phoneNumber: '+14155550123', reason: 'Asked not to be called' });
const BY_KEY = makeEntry({ phoneNumber: '+14155550199', addedBy: { kind: 'key', id: 'key-1', name: 'ci-bot' } });
const LONDON = makeEntry({ phoneNumber: '+442071838750', reason: 'Wrong number' });

function makeEntry(overrides: Partial<DoNotCallEntryDto> = {}): DoNotCallEntryDto {
  return { phoneNumber: '+14155550123', reason: null, addedAt: '2026-11-20T09:00:00.000Z', addedBy: { kind: 'user', id: 'user-1', name: 'Ada Lovelace' }, ...overrides };
}

function listPage(items: DoNotCallEntryDto[], total = items.length, nextCursor: string | null = null): DoNotCallPage {
  return { items, total, nextCursor };
}

/** The URL of the request being answered: jest records a call before running its implementation. */
const lastUrl = () => String(fetchMock.mock.calls.at(-1)?.[0]);
const listRequests = () => sentRequests(fetchMock).filter(({ method }) => method === 'GET');
const posts = () => sentRequests(fetchMock).filter(({ method }) => method === 'POST');

function renderPage(role: Role = 'operator', routes: Parameters<typeof routeFetch>[1] = {}) {
  routeFetch(fetchMock, { 'GET /api/do-not-call': () => jsonResponse(listPage([ASKED, BY_KEY])), ...routes });
  return renderWithProviders(<DoNotCallSection />, { role, timeZone: BERLIN });
}

const list = () => screen.getByRole('table', { name: 'Listed numbers' });
const numbersListed = () => within(list()).getAllByRole('rowheader').map((cell) => cell.textContent);
const rowOf = (number: string) => within(list()).getByRole('row', { name: new RegExp(`^\\${number}`) });
const addForm = () => screen.getByRole('form', { name: 'Add a number' });

describe('DoNotCallPage', () => {
  it('lists each number with why, when and by whom it was added, and loads more of them', async () => {
    const { user } = renderPage('viewer', {
      'GET /api/do-not-call': () => jsonResponse(lastUrl().includes('after=') ? listPage([LONDON], 3) : listPage([ASKED, BY_KEY], 3, '+14155550199')),
    });

    await screen.findByRole('table', { name: 'Listed numbers' });
    const added = formatDateTime('2026-11-20T09:00:00.000Z', BERLIN);
    expect(within(rowOf('+1 415 555 0123')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Asked not to be called', `${added} by Ada Lovelace`]);
    expect(within(rowOf('+1 415 555 0199')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['—', `${added} by key ci-bot`]);
    expect(screen.getByText('3 numbers on the list.')).toBeVisible();
    expect(screen.getByText('Showing 2 of 3')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(numbersListed()).toEqual(['+1 415 555 0123', '+1 415 555 0199', '+44 20 7183 8750']));
    expect(listRequests().map(({ url }) => url)).toEqual(['/api/do-not-call', '/api/do-not-call?after=%2B14155550199']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('searches by the first digits as the typing pauses, and says what cannot be searched', async () => {
    const { user } = renderPage('operator', {
      'GET /api/do-not-call': () => jsonResponse(lastUrl().includes('search=') ? listPage([LONDON]) : listPage([ASKED, BY_KEY])),
    });
    await screen.findByRole('table', { name: 'Listed numbers' });

    await user.type(screen.getByLabelText('Search'), '+44 20');

    await waitFor(() => expect(numbersListed()).toEqual(['+44 20 7183 8750']));
    expect(screen.getByText('1 number starting with +4420.')).toBeVisible();
    expect(listRequests().map(({ url }) => url)).toEqual(['/api/do-not-call', '/api/do-not-call?search=%2B4420']);

    await user.type(screen.getByLabelText('Search'), 'x');

    expect(screen.getByLabelText('Search')).toHaveAccessibleDescription(expect.stringContaining('Type the first digits of a number, + optional.'));
    expect(numbersListed()).toEqual(['+44 20 7183 8750']);
    expect(listRequests()).toHaveLength(2);
  });

  it('adds a number, said as it will be listed while it is typed, and lists it', async () => {
    let listed = [ASKED];
    const { user } = renderPage('operator', {
      'GET /api/do-not-call': () => jsonResponse(listPage(listed)),
      'POST /api/do-not-call': () => jsonResponse((listed = [ASKED, LONDON])[1], 201),
    });
    await screen.findByRole('table', { name: 'Listed numbers' });

    await user.type(within(addForm()).getByLabelText('Phone number'), '+44 20 7183 8750');
    expect(within(addForm()).getByLabelText('Phone number')).toHaveAccessibleDescription('Will list +44 20 7183 8750');
    await user.type(within(addForm()).getByLabelText('Reason (optional)'), ' Wrong number ');
    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));

    expect(await within(addForm()).findByText('+44 20 7183 8750 is on the list.')).toBeVisible();
    expect(posts()).toEqual([expect.objectContaining({ url: '/api/do-not-call', body: { phoneNumber: '+442071838750', reason: 'Wrong number' } })]);
    await waitFor(() => expect(numbersListed()).toEqual(['+1 415 555 0123', '+44 20 7183 8750']));
    expect(within(addForm()).getByLabelText('Phone number')).toHaveValue('');
  });

  it('shows a problem by its field: the browser’s before sending, the API’s after', async () => {
    const { user } = renderPage('operator', {
      'POST /api/do-not-call': () => apiErrorResponse(400, 'Bad request', [{ field: 'phoneNumber', message: 'phoneNumber is an emergency number' }]),
    });
    const phone = within(addForm()).getByLabelText('Phone number');

    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));
    expect(phone).toHaveAccessibleDescription(expect.stringContaining('Enter the number never to call.'));
    expect(posts()).toEqual([]);

    await user.type(phone, '+14155550111');
    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));

    await waitFor(() => expect(phone).toHaveAccessibleDescription(expect.stringContaining('phoneNumber is an emergency number')));
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveFocus();
  });

  it('lets an admin remove a number, once confirmed', async () => {
    let listed = [ASKED, BY_KEY];
    const { user } = renderPage('admin', {
      'GET /api/do-not-call': () => jsonResponse(listPage(listed)),
      'DELETE /api/do-not-call/%2B14155550123': () => ((listed = [BY_KEY]), noContentResponse()),
    });

    await user.click(await screen.findByRole('button', { name: 'Remove +1 415 555 0123' }));
    const confirm = screen.getByRole('group', { name: 'Confirm removing +1 415 555 0123' });
    expect(confirm).toHaveTextContent("Take +1 415 555 0123 off the list? The account's calls may dial it again.");
    await user.click(within(confirm).getByRole('button', { name: 'Yes, remove' }));

    await waitFor(() => expect(numbersListed()).toEqual(['+1 415 555 0199']));
    expect(sentRequests(fetchMock).filter(({ method }) => method === 'DELETE').map(({ url }) => url)).toEqual(['/api/do-not-call/%2B14155550123']);
  });

  it('lets an operator add and import, but not remove', async () => {
    renderPage('operator');

    await screen.findByRole('table', { name: 'Listed numbers' });
    expect(addForm()).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import CSV' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    expect(within(list()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Number', 'Reason', 'Added']);
  });

  it('shows a viewer the list and no way to change it', async () => {
    renderPage('viewer');

    await screen.findByRole('table', { name: 'Listed numbers' });
    expect(screen.getByText('Viewers can only read the list.')).toBeVisible();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
  });

  it('imports a CSV file: previews it, sends the rows ready, reports each row and lists what was added', async () => {
    const report: DoNotCallImportReport = {
      added: 1,
      alreadyListed: 0,
      rejected: 1,
      rows: [
        { row: 0, status: 'added', phoneNumber: '+14155550123' },
        { row: 1, status: 'rejected', errors: [{ field: 'reason', message: 'reason must not hold control characters' }] },
      ],
    };
    const { user } = renderPage('operator', { 'POST /api/do-not-call/import': () => jsonResponse(report) });
    await screen.findByRole('table', { name: 'Listed numbers' });

    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const csv = 'Phone_Number,Reason\r\n+1 415 555 0123,"Asked, twice"\r\n4155550124,no country\r\n+442071838750,bad\r\n';
    await user.upload(screen.getByLabelText('CSV file'), new File([csv], 'numbers.csv', { type: 'text/csv' }));

    expect(await screen.findByText('2 rows ready, 1 with problems')).toBeVisible();
    expect(within(screen.getByRole('table', { name: 'Preview' })).getByRole('row', { name: /^2 / })).toHaveTextContent(
      'Left out: phoneNumber must start with + and the country code, e.g. +14155550123',
    );
    await user.click(screen.getByRole('button', { name: 'Add 2 numbers' }));

    expect(await screen.findByText('1 added · 1 refused by the server · 1 left out for problems in the file')).toBeVisible();
    expect(posts()).toEqual([
      expect.objectContaining({
        url: '/api/do-not-call/import',
        body: { entries: [{ phoneNumber: '+14155550123', reason: 'Asked, twice' }, { phoneNumber: '+442071838750', reason: 'bad' }] },
      }),
    ]);
    expect(within(screen.getByRole('table', { name: 'Report' })).getByRole('row', { name: /^3 / })).toHaveTextContent('Refused: reason must not hold control characters');
    await waitFor(() => expect(listRequests()).toHaveLength(2));
  });

  it('sends a large file a thousand rows a request, and numbers the rows of the reports from the file’s first', async () => {
    const numbers = Array.from({ length: 2_001 }, (_, index) => `+1415555${String(index).padStart(4, '0')}`);
    fetchMock.mockImplementation(async (input, init) => {
      if (init?.method !== 'POST') return jsonResponse(listPage([]));
      const { entries } = JSON.parse(String(init.body)) as ImportDoNotCallRequest;
      // The second request's first row is refused: the 1,001st of the file.
      const rows = entries.map(({ phoneNumber }, row) =>
        phoneNumber === numbers[1_000]
          ? { row, status: 'rejected' as const, errors: [{ field: 'phoneNumber', message: 'phoneNumber is an emergency number' }] }
          : { row, status: 'added' as const, phoneNumber },
      );
      return jsonResponse({ added: 0, alreadyListed: 0, rejected: 0, rows });
    });
    const { user } = renderWithProviders(<DoNotCallSection />, { role: 'operator' });

    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    await user.upload(screen.getByLabelText('CSV file'), new File([`number\n${numbers.join('\n')}\n`], 'numbers.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: `Add ${(2_001).toLocaleString()} numbers` }));
    await screen.findByRole('heading', { name: 'Report' });

    expect(posts().map(({ body }) => (body as ImportDoNotCallRequest).entries.length)).toEqual([1_000, 1_000, 1]);
    expect(screen.getByText(`${(2_000).toLocaleString()} added · 1 refused by the server`)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Download rejected rows (CSV)' }));
    expect(await downloads()).toEqual([{ name: 'numbers-rejected.csv', text: 'phoneNumber,error\r\n+14155551000,phoneNumber is an emergency number' }]);
  });
});
