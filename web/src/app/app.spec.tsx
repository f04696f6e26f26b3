import { CALL_STREAM_EVENT, CALL_STREAM_PATH } from '@call-scheduler/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeMe } from '../testing/account-fixtures';
import { makeCall, makeCallDetail, makePage } from '../testing/call-fixtures';
import { FakeEventSource, useFakeEventSource } from '../testing/fake-event-source';
import { jsonResponse, routeFetch, sentRequests, useFetchMock } from '../testing/fetch-mock';
import { renderWithProviders } from '../testing/render-with-providers';
import { App } from './app';

const fetchMock = useFetchMock();
useFakeEventSource();

function callRow(number: string): HTMLElement {
  return screen.getByRole('link', { name: number }).closest('li')!;
}

function listRequests(): number {
  return sentRequests(fetchMock).filter((request) => request.url.startsWith('/api/calls?')).length;
}

async function renderLiveApp(calls = [makeCall({ id: 'a', phoneNumber: '+14155550123' })]) {
  routeFetch(fetchMock, { 'GET /api/auth/me': jsonResponse(makeMe()), 'GET /api/calls': () => jsonResponse(makePage(calls)) });
  renderWithProviders(<App temporalUiUrl="http://temporal.test:8233" />);
  await screen.findByRole('link', { name: '+1 415 555 0123' });
  act(() => FakeEventSource.latest().open());
  await screen.findByText('Live');
}

describe('the page, live', () => {
  it('listens to the call stream and changes a row when its call changes, without fetching', async () => {
    await renderLiveApp();
    expect(FakeEventSource.latest().url).toBe(CALL_STREAM_PATH);
    await waitFor(() => expect(listRequests()).toBe(2));
    const fetchedBefore = fetchMock.mock.calls.length;

    act(() => FakeEventSource.latest().send(CALL_STREAM_EVENT.call, makeCall({ id: 'a', status: 'ringing', attempt: 1, version: 3 })));

    expect(await within(callRow('+1 415 555 0123')).findByText('Ringing')).toBeInTheDocument();
    expect(within(callRow('+1 415 555 0123')).getByText('1/3')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(fetchedBefore);
  });

  it('keeps a change the stream pushed while a slower fetch of the older list was on its way', async () => {
    const calls = [makeCall({ id: 'a', phoneNumber: '+14155550123' })];
    let answerRefetch: () => void = () => undefined;
    const slowRefetch = () => new Promise<Response>((resolve) => (answerRefetch = () => resolve(jsonResponse(makePage(calls)))));
    const lists = [() => jsonResponse(makePage(calls)), slowRefetch];
    routeFetch(fetchMock, { 'GET /api/auth/me': jsonResponse(makeMe()), 'GET /api/calls': () => lists.shift()!() });
    renderWithProviders(<App temporalUiUrl="http://temporal.test:8233" />);
    await screen.findByRole('link', { name: '+1 415 555 0123' });
    act(() => FakeEventSource.latest().open());
    await waitFor(() => expect(listRequests()).toBe(2));

    act(() => FakeEventSource.latest().send(CALL_STREAM_EVENT.call, makeCall({ id: 'a', status: 'ringing', version: 3 })));
    await within(callRow('+1 415 555 0123')).findByText('Ringing');
    await act(async () => answerRefetch());

    await waitFor(() => expect(screen.queryByText('Loading calls…')).not.toBeInTheDocument());
    expect(within(callRow('+1 415 555 0123')).getByText('Ringing')).toBeInTheDocument();
  });

  it('shows a new call pushed by the stream at the top of the list', async () => {
    await renderLiveApp();

    act(() =>
      FakeEventSource.latest().send(
        CALL_STREAM_EVENT.call,
        makeCall({ id: 'b', phoneNumber: '+14155550199', createdAt: '2026-11-24T10:00:00.000Z', version: 1 }),
      ),
    );

    await screen.findByRole('link', { name: '+1 415 555 0199' });
    const numbers = screen.getAllByRole('listitem').map((item) => within(item).getByRole('link').textContent);
    expect(numbers).toEqual(['+1 415 555 0199', '+1 415 555 0123']);
  });

  it('says the API is unreachable when the stream drops, then reconnects and refetches', async () => {
    await renderLiveApp();
    const first = FakeEventSource.latest();
    const fetchedBefore = listRequests();

    act(() => first.fail());

    expect(screen.getByText(/The API is unreachable/)).toHaveAttribute('role', 'status');
    expect(first.closed).toBe(true);
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 3_000 });
    act(() => FakeEventSource.latest().open());
    await screen.findByText('Live');
    expect(screen.queryByText(/The API is unreachable/)).not.toBeInTheDocument();
    await waitFor(() => expect(listRequests()).toBeGreaterThan(fetchedBefore));
  });

  it('refetches when the API says it may have missed changes', async () => {
    await renderLiveApp();
    await waitFor(() => expect(listRequests()).toBe(2));

    act(() => FakeEventSource.latest().send(CALL_STREAM_EVENT.resync, {}));

    await waitFor(() => expect(listRequests()).toBe(3));
  });

  it('opens a call from its row and, on closing it, puts focus back on that row', async () => {
    await renderLiveApp();
    routeFetch(fetchMock, { 'GET /api/calls/a': jsonResponse(makeCallDetail({ id: 'a', phoneNumber: '+14155550123' })) });
    const row = screen.getByRole('link', { name: '+1 415 555 0123' });

    await userEvent.click(row);

    expect(await screen.findByRole('heading', { name: 'Call to +1 415 555 0123' })).toHaveFocus();
    expect(window.location.hash).toBe('#call=a');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(window.location.hash).toBe('');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+1 415 555 0123' })).toHaveFocus();
  });
});
