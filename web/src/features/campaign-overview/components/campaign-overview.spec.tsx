import { act, screen, waitFor, within } from '@testing-library/react';
import { useCallStream } from '../../calls/api/call-stream';
import { makeCall } from '../../../testing/call-fixtures';
import { FakeEventSource, useFakeEventSource } from '../../../testing/fake-event-source';
import { jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { makeOverview } from '../../../testing/overview-fixtures';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CampaignOverview } from './campaign-overview';

const fetchMock = useFetchMock();
useFakeEventSource();

const overviewRequests = () => sentRequests(fetchMock).filter(({ url }) => url.startsWith('/api/calls/overview'));
const table = (chart: string) => within(screen.getByRole('region', { name: chart })).getByRole('table', { name: chart });
const tableRows = (chart: string) =>
  within(table(chart))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent, within(row).getByRole('cell').textContent]);
const clock = (instant: string) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));

/** The overview beside the call stream, as the workspace runs them. */
function LiveOverview({ batchId }: { batchId?: string }) {
  useCallStream();
  return <CampaignOverview batchId={batchId} />;
}

describe('CampaignOverview', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the totals, and each chart its numbers as a table', async () => {
    const overview = makeOverview({ byStatus: { scheduled: 3, no_answer: 2, completed: 1200 }, dials: [4, 0, 3], due: [1, 0, 2], overdue: 1 });
    fetchMock.mockResolvedValue(jsonResponse(overview));
    renderWithProviders(<CampaignOverview batchId={undefined} />);

    expect(await screen.findByText('1,205 calls; 7 dials in the last hour; 3 due in the next 24 hours; 1 call waiting to be dialled')).toBeInTheDocument();
    expect(tableRows('Calls by status')).toEqual(
      expect.arrayContaining([
        ['Scheduled', '3'],
        ['No answer', '2'],
        ['Completed', '1,200'],
        ['Dialing', '0'],
      ]),
    );
    expect(tableRows('Calls by status')).toHaveLength(11);
    expect(tableRows('Dials per minute')).toHaveLength(60);
    expect(tableRows('Dials per minute').at(-1)).toEqual([clock(overview.dialsPerMinute[59]!.minute), '3']);
    expect(tableRows('Calls due per hour').slice(0, 3)).toEqual([
      [clock(overview.duePerHour[0]!.hour), '1'],
      [clock(overview.duePerHour[1]!.hour), '0'],
      [clock(overview.duePerHour[2]!.hour), '2'],
    ]);
    expect(overviewRequests().map(({ url }) => url)).toEqual(['/api/calls/overview']);
  });

  it("counts the batch's calls alone when the list is filtered to one", async () => {
    fetchMock.mockResolvedValue(jsonResponse(makeOverview({ overdue: 4 })));
    renderWithProviders(<CampaignOverview batchId="batch-1" />);

    expect(await screen.findByRole('heading', { name: 'Batch overview' })).toBeInTheDocument();
    expect(await screen.findByText(/4 calls waiting to be dialled$/)).toBeInTheDocument();
    expect(overviewRequests().map(({ url }) => url)).toEqual(['/api/calls/overview?batchId=batch-1']);
  });

  it('counts again when the stream brings changes, at most once every 2 s', async () => {
    jest.useFakeTimers();
    fetchMock.mockImplementation((input) =>
      Promise.resolve(jsonResponse(String(input).startsWith('/api/calls/overview') ? makeOverview({ overdue: overviewRequests().length }) : [])),
    );
    renderWithProviders(<LiveOverview />);
    expect(await screen.findByText(/1 call waiting to be dialled$/)).toBeInTheDocument();

    const stream = FakeEventSource.latest();
    act(() => {
      for (let version = 2; version < 6; version++) stream.send('call', makeCall({ version }));
    });
    expect(overviewRequests()).toHaveLength(1);

    await act(() => jest.advanceTimersByTimeAsync(2_000));
    expect(await screen.findByText(/2 calls waiting to be dialled$/)).toBeInTheDocument();
    expect(overviewRequests()).toHaveLength(2);

    act(() => stream.send('call', makeCall({ version: 7 })));
    await act(() => jest.advanceTimersByTimeAsync(1_000));
    expect(overviewRequests()).toHaveLength(2);
    await act(() => jest.advanceTimersByTimeAsync(1_000));
    await waitFor(() => expect(overviewRequests()).toHaveLength(3));
  });

  it('counts again every 30 s without changes', async () => {
    jest.useFakeTimers();
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(makeOverview())));
    renderWithProviders(<CampaignOverview batchId={undefined} />);
    await screen.findByText(/0 calls waiting to be dialled$/);

    await act(() => jest.advanceTimersByTimeAsync(30_000));

    expect(overviewRequests()).toHaveLength(2);
  });
});
