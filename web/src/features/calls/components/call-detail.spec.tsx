import { screen, within } from '@testing-library/react';
import { formatDateTime, formatTimeOfDay } from '../../../lib/date-time';
import { makeCallDetail, makeEvents } from '../../../testing/call-fixtures';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CallDetail } from './call-detail';

const fetchMock = useFetchMock();

const BERLIN = 'Europe/Berlin';
const TEMPORAL_UI_URL = 'http://temporal.example:8233/namespaces/calls/workflows/call-call-1/run-1/history';

describe('CallDetail', () => {
  it('shows the call, its timeline in words and a link to its workflow', async () => {
    const events = makeEvents(
      ['2026-11-24T09:00:00.000Z', { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: '2026-12-01T10:00:00.000Z', maxAttempts: 3, retryDelaySeconds: 300 } }],
      ['2026-12-01T10:00:01.000Z', { type: 'DialAttemptStarted', data: { attempt: 1 } }],
      ['2026-12-01T10:00:02.000Z', { type: 'ProviderAccepted', data: { externalCallId: 'ext-42' } }],
      ['2026-12-01T10:00:30.000Z', { type: 'CallUnanswered', data: { outcome: 'no_answer', nextAttemptAt: '2026-12-01T10:05:30.000Z' } }],
    );
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        makeCallDetail({ status: 'no_answer', attempt: 1, externalCallId: 'ext-42', nextAttemptAt: '2026-12-01T10:05:30.000Z', temporalUiUrl: TEMPORAL_UI_URL, events }),
      ),
    );
    renderWithProviders(<CallDetail id="call-1" onClose={jest.fn()} />, { timeZone: BERLIN });

    const heading = await screen.findByRole('heading', { name: 'Call to +1 415 555 0123' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('complementary', { name: 'Call to +1 415 555 0123' })).toBeInTheDocument();
    const timeline = within(screen.getByRole('list')).getAllByRole('listitem');
    // Each entry: the time of day it happened, then what happened, both as read in Berlin.
    expect(timeline.map((item) => item.textContent)).toEqual([
      `${formatTimeOfDay('2026-11-24T09:00:00.000Z', BERLIN)} Scheduled for ${formatDateTime('2026-12-01T10:00:00.000Z', BERLIN)}, up to 3 attempts`,
      `${formatTimeOfDay('2026-12-01T10:00:01.000Z', BERLIN)} Dial attempt 1 started`,
      `${formatTimeOfDay('2026-12-01T10:00:02.000Z', BERLIN)} Provider accepted the call (ext-42)`,
      `${formatTimeOfDay('2026-12-01T10:00:30.000Z', BERLIN)} No answer; next attempt ${formatDateTime('2026-12-01T10:05:30.000Z', BERLIN)}`,
    ]);
    expect(timeline[0]).toHaveTextContent(/^(10:00:00\s?AM|10:00:00) /);
    expect(screen.getByRole('link', { name: /^Open in Temporal Web UI/ })).toHaveAttribute('href', TEMPORAL_UI_URL);
    expect(screen.getByRole('button', { name: 'Reschedule' })).toBeEnabled();
    expect(sentRequests(fetchMock).map((request) => request.url)).toEqual(['/api/calls/call-1']);
  });

  it('says so when no event has been recorded yet', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(makeCallDetail({ events: [] })));
    renderWithProviders(<CallDetail id="call-1" onClose={jest.fn()} />);
    expect(await screen.findByText('No events recorded yet.')).toBeInTheDocument();
  });

  it('says there is no such call on a 404', async () => {
    fetchMock.mockResolvedValue(apiErrorResponse(404, 'Call nope not found'));
    renderWithProviders(<CallDetail id="nope" onClose={jest.fn()} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('There is no such call.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('closes on Close', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(makeCallDetail()));
    const onClose = jest.fn();
    const { user } = renderWithProviders(<CallDetail id="call-1" onClose={onClose} />);

    await user.click(screen.getByRole('button', { name: 'Close' }));

    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape from anywhere inside it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(makeCallDetail()));
    const onClose = jest.fn();
    const { user } = renderWithProviders(<CallDetail id="call-1" onClose={onClose} />);
    await screen.findByRole('button', { name: 'Reschedule' });

    await user.click(screen.getByRole('button', { name: 'Reschedule' }));
    await user.keyboard('{Escape}');

    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says why a held call waits, and who gave each command', async () => {
    const ada = { kind: 'user', id: 'user-1', name: 'Ada Lovelace' } as const;
    const dialHold = { limit: 'concurrent', reason: '20 calls in progress', retryAt: null } as const;
    const events = makeEvents(
      ['2026-11-24T09:00:00.000Z', { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: '2026-12-01T10:00:00.000Z', maxAttempts: 3, retryDelaySeconds: 300, by: ada } }],
      ['2026-12-01T10:00:00.000Z', { type: 'DialHeldByLimit', data: dialHold }],
    );
    fetchMock.mockResolvedValueOnce(jsonResponse(makeCallDetail({ dialHold, events })));
    renderWithProviders(<CallDetail id="call-1" onClose={jest.fn()} />, { timeZone: BERLIN });

    const held = await screen.findByText('Held', { selector: 'dt' });
    expect(held.nextElementSibling).toHaveTextContent('20 calls in progress; dials once a call in progress ends');
    const timeline = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(timeline[0]).toHaveTextContent(/Scheduled by Ada Lovelace for /);
    expect(timeline[1]).toHaveTextContent('Held by the limit on calls in progress: 20 calls in progress; dials once a call in progress ends');
  });
});
