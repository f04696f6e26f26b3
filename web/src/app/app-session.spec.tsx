import { CALL_STREAM_EVENT } from '@call-scheduler/shared';
import { act, screen, waitFor } from '@testing-library/react';
import { makeMe } from '../testing/account-fixtures';
import { makeCall, makeCallDetail, makePage } from '../testing/call-fixtures';
import { FakeEventSource, useFakeEventSource } from '../testing/fake-event-source';
import { apiErrorResponse, jsonResponse, noContentResponse, routeFetch, sentRequests, useFetchMock } from '../testing/fetch-mock';
import { renderWithProviders } from '../testing/render-with-providers';
import { App } from './app';
import { createAppQueryClient } from './provider';

const fetchMock = useFetchMock();
useFakeEventSource();

const CALLS = {
  'GET /api/calls': () => jsonResponse(makePage([makeCall({ id: 'a' })])),
  'GET /api/calls/a': () => jsonResponse(makeCallDetail({ id: 'a' })),
};
const SIGNED_IN = { ...CALLS, 'GET /api/auth/me': () => jsonResponse(makeMe()) };
const SIGNED_OUT = { ...CALLS, 'GET /api/auth/me': () => apiErrorResponse(401, 'Unauthorized') };
/** The session has ended: every request is refused. */
const SESSION_ENDED = Object.fromEntries(Object.keys(SIGNED_IN).map((route) => [route, () => apiErrorResponse(401, 'Unauthorized')]));

const signInHeading = () => screen.findByRole('heading', { name: 'Sign in to Call Scheduler' });

function renderApp(options?: Parameters<typeof renderWithProviders>[1]) {
  return renderWithProviders(<App temporalUiUrl="http://temporal.test:8233" />, options);
}

beforeEach(() => {
  window.location.hash = '#call=a';
});

afterAll(() => {
  window.location.hash = '';
});

describe('the session', () => {
  it('asks who is signed in and, when nobody is, shows the sign-in page, then the call the URL asked for', async () => {
    routeFetch(fetchMock, { ...SIGNED_OUT, 'POST /api/auth/sign-in': () => jsonResponse(makeMe()) });
    const { user } = renderApp();

    await signInHeading();
    expect(FakeEventSource.instances).toHaveLength(0);
    await user.type(screen.getByLabelText('Email'), ' ada@example.com ');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Call to +1 415 555 0123' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Session' })).toHaveTextContent('Signed in as Ada Lovelace, Operator of Acme Ltd');
    expect(window.location.hash).toBe('#call=a');
    expect(sentRequests(fetchMock).find((request) => request.url === '/api/auth/sign-in')).toEqual(
      expect.objectContaining({ method: 'POST', body: { email: 'ada@example.com', password: 'correct horse battery' } }),
    );
  });

  it('goes back to the sign-in page, keeping the URL, when a request answers 401 mid-session', async () => {
    routeFetch(fetchMock, SIGNED_IN);
    renderApp();
    await screen.findByRole('heading', { name: 'Call to +1 415 555 0123' });
    act(() => FakeEventSource.latest().open());

    routeFetch(fetchMock, SESSION_ENDED);
    act(() => FakeEventSource.latest().send(CALL_STREAM_EVENT.resync, {}));

    await signInHeading();
    expect(window.location.hash).toBe('#call=a');
    expect(FakeEventSource.latest().closed).toBe(true);
  });

  it('goes back to the sign-in page when the live feed drops because the session has ended', async () => {
    routeFetch(fetchMock, SIGNED_IN);
    renderApp();
    await screen.findByRole('heading', { name: 'Call to +1 415 555 0123' });
    act(() => FakeEventSource.latest().open());

    routeFetch(fetchMock, SESSION_ENDED);
    act(() => FakeEventSource.latest().fail());

    await signInHeading();
    expect(window.location.hash).toBe('#call=a');
  });

  it('signs out', async () => {
    routeFetch(fetchMock, { ...SIGNED_IN, 'POST /api/auth/sign-out': () => noContentResponse() });
    const { user } = renderApp();

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    await signInHeading();
    expect(sentRequests(fetchMock).filter((request) => request.method === 'POST').map((request) => request.url)).toEqual(['/api/auth/sign-out']);
  });

  it('starts a new session with nothing cached from the last one', async () => {
    routeFetch(fetchMock, { ...SIGNED_IN, 'POST /api/auth/sign-out': () => noContentResponse() });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await signInHeading();

    routeFetch(fetchMock, { ...SIGNED_OUT, 'POST /api/auth/sign-in': () => jsonResponse(makeMe()) });
    const fetchedBefore = fetchMock.mock.calls.length;
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Call to +1 415 555 0123' });
    const urls = sentRequests(fetchMock).slice(fetchedBefore).map((request) => request.url);
    expect(urls).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/calls?limit=50', '/api/calls/a']));
  });

  it('says when it cannot ask the API who is signed in, and asks again on request', async () => {
    const queryClient = createAppQueryClient();
    queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
    routeFetch(fetchMock, { ...SIGNED_IN, 'GET /api/auth/me': () => apiErrorResponse(502, 'Bad gateway') });
    const { user } = renderApp({ queryClient });

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not ask the API who is signed in: The API is unreachable.');
    routeFetch(fetchMock, SIGNED_IN);
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(screen.getByRole('group', { name: 'Session' })).toBeInTheDocument());
  });
});
