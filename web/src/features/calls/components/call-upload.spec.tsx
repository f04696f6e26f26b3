import type { CallBatchReport, CreateCallBatchRequest } from '@call-scheduler/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { useDownloads } from '../../../testing/downloads';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CallUpload } from './call-upload';

const fetchMock = useFetchMock();
const downloads = useDownloads();

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The API's answer: every row created, its call named after its clientRef (or its place in the request). */
function createdAll({ batchId, calls }: CreateCallBatchRequest): CallBatchReport {
  const rows = calls.map(({ clientRef }, row) => ({ row, clientRef: clientRef ?? null, status: 'created' as const, callId: `call-for-${clientRef ?? row}` }));
  return { batchId: batchId!, dryRun: false, created: rows.length, valid: 0, rejected: 0, rows };
}

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as CreateCallBatchRequest;
const posts = () => sentRequests(fetchMock).filter(({ method }) => method === 'POST');

function csvOf(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => `+1415555${String(index).padStart(4, '0')},2030-01-31T09:30:00-08:00,ref-${index}`);
  return `phoneNumber,scheduledAt,clientRef\n${rows.join('\n')}\n`;
}

async function upload(content: string, name = 'calls.csv') {
  const view = renderWithProviders(<CallUpload />);
  await view.user.click(screen.getByRole('button', { name: 'Upload CSV' }));
  await view.user.upload(screen.getByLabelText('CSV file'), new File([content], name, { type: 'text/csv' }));
  await screen.findByRole('table', { name: 'Preview' });
  return view;
}

describe('CallUpload', () => {
  it('is offered to those who may create calls, and not to viewers', () => {
    const { unmount } = renderWithProviders(<CallUpload />, { role: 'admin' });
    expect(screen.getByRole('button', { name: 'Upload CSV' })).toBeEnabled();
    unmount();

    renderWithProviders(<CallUpload />, { role: 'viewer' });
    expect(screen.queryByRole('button', { name: 'Upload CSV' })).not.toBeInTheDocument();
  });

  it('sends 500 rows a request, all in one batch named after the file, each request with a key of its own, showing the progress', async () => {
    let answerSecond: () => void = () => undefined;
    const secondAnswered = new Promise<void>((resolve) => (answerSecond = resolve));
    fetchMock.mockImplementation(async (_input, init) => {
      if (posts().length === 2) await secondAnswered;
      return jsonResponse(createdAll(bodyOf(init)));
    });
    const { user } = await upload(csvOf(1_200));

    await user.click(screen.getByRole('button', { name: `Create ${(1_200).toLocaleString()} calls` }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`500 of ${(1_200).toLocaleString()}`));
    expect(screen.getByRole('progressbar', { name: 'Sending calls…' })).toHaveAttribute('value', '500');
    answerSecond();
    await screen.findByRole('heading', { name: 'Report' });

    const [first] = posts();
    const batchId = (first!.body as CreateCallBatchRequest).batchId!;
    expect(batchId).toMatch(new RegExp(`^${UUID}$`));
    expect(posts().map(({ url, headers, body }) => [url, headers['idempotency-key'], (body as CreateCallBatchRequest).calls.length])).toEqual([
      ['/api/calls/batch', `${batchId}:0`, 500],
      ['/api/calls/batch', `${batchId}:1`, 500],
      ['/api/calls/batch', `${batchId}:2`, 200],
    ]);
    for (const { body } of posts()) expect(body).toEqual(expect.objectContaining({ batchId, name: 'calls.csv' }));
    expect((first!.body as CreateCallBatchRequest).calls[0]).toEqual({ phoneNumber: '+14155550000', scheduledAt: '2030-01-31T09:30:00-08:00', clientRef: 'ref-0' });
    expect(screen.getByText(`${(1_200).toLocaleString()} created`)).toBeVisible();
  });

  it('reports each row, linking to the call made, and offers the rows refused, by the preview or the server, with why', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      jsonResponse({
        batchId: bodyOf(init).batchId!,
        dryRun: false,
        created: 1,
        valid: 0,
        rejected: 1,
        rows: [
          { row: 0, clientRef: null, status: 'created', callId: 'call-7' },
          { row: 1, clientRef: null, status: 'rejected', errors: [{ field: 'phoneNumber', message: "phoneNumber is on the account's do-not-call list" }] },
        ],
      } satisfies CallBatchReport),
    );
    const csv = [
      'phoneNumber,scheduledAt,note,maxAttempts',
      '+14155550123,2030-01-31T09:30:00-08:00,first,2',
      '+14155550124,2030-01-31 09:30,"no offset, no T",2',
      '+14155550125,2030-01-31T17:30:00Z,listed,11',
      '+14155550126,,"on the list, sadly",',
    ].join('\r\n');
    const { user } = await upload(csv);
    expect(screen.getByText('2 rows ready, 2 with problems')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Create 2 calls' }));

    expect(await screen.findByText('1 created · 1 refused by the server · 2 left out for problems in the file')).toBeVisible();
    const report = screen.getByRole('table', { name: 'Report' });
    expect(within(within(report).getByRole('row', { name: /^1 / })).getByRole('link', { name: 'Open the call' })).toHaveAttribute('href', '#call=call-7');
    expect(within(report).getByRole('row', { name: /^4 / })).toHaveTextContent("Refused: phoneNumber is on the account's do-not-call list");

    await user.click(screen.getByRole('button', { name: 'Download rejected rows (CSV)' }));
    expect(await downloads()).toEqual([
      {
        name: 'calls-rejected.csv',
        text: [
          'phoneNumber,scheduledAt,note,maxAttempts,error',
          '+14155550124,2030-01-31 09:30,"no offset, no T",2,"scheduledAt must be a date and time in ISO 8601 with the offset, such as 2030-01-31T09:30:00-08:00"',
          '+14155550125,2030-01-31T17:30:00Z,listed,11,maxAttempts must be a whole number from 1 to 10',
          '+14155550126,,"on the list, sadly",,phoneNumber is on the account\'s do-not-call list',
        ].join('\r\n'),
      },
    ]);
  });

  it('sends a chunk again, under the same key, when the API answers 503', async () => {
    let answered = 0;
    fetchMock.mockImplementation(async (_input, init) => (answered++ === 0 ? apiErrorResponse(503, 'Service Unavailable') : jsonResponse(createdAll(bodyOf(init)))));
    const { user } = await upload(csvOf(2));

    await user.click(screen.getByRole('button', { name: 'Create 2 calls' }));

    expect(await screen.findByText('2 created', {}, { timeout: 3_000 })).toBeVisible();
    const [first, retried] = posts();
    expect(posts()).toHaveLength(2);
    expect(retried!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(retried!.body).toEqual(first!.body);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stops when a chunk gets no answer after 3 retries, warning that its calls may have been made', async () => {
    fetchMock.mockImplementation(async (_input, init) => (posts().length === 1 ? jsonResponse(createdAll(bodyOf(init))) : Promise.reject(new TypeError('Failed to fetch'))));
    const { user } = await upload(csvOf(1_200));

    await user.click(screen.getByRole('button', { name: `Create ${(1_200).toLocaleString()} calls` }));

    // Waits 0.5 s, 1 s and 2 s between the tries.
    expect(await screen.findByRole('alert', {}, { timeout: 6_000 })).toHaveTextContent(
      `Sending stopped after 500 of ${(1_200).toLocaleString()} rows. No answer from the API, even after 3 retries: the last 500 rows sent may have made calls.`,
    );
    expect(posts().map(({ headers }) => headers['idempotency-key']?.split(':')[1])).toEqual(['0', '1', '1', '1', '1']);
  });

  it('stops at a chunk the API refuses, saying so, and sends no more', async () => {
    fetchMock.mockImplementation(async (_input, init) => (posts().length === 2 ? apiErrorResponse(400, 'Bad Request') : jsonResponse(createdAll(bodyOf(init)))));
    const { user } = await upload(csvOf(1_200));

    await user.click(screen.getByRole('button', { name: `Create ${(1_200).toLocaleString()} calls` }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Sending stopped after 500 of ${(1_200).toLocaleString()} rows. Bad Request. The rows not sent are among the rejected rows to download.`,
    );
    await waitFor(() => expect(screen.getByText(`500 created · 700 not sent`)).toBeVisible());
    expect(posts()).toHaveLength(2);
  });
});
