import type { ScheduleDto } from '@call-scheduler/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, routeFetch, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { SchedulesPage } from './schedules-page';

const fetchMock = useFetchMock();

function makeSchedule(overrides: Partial<ScheduleDto> = {}): ScheduleDto {
  return {
    id: 'schedule-1',
    accountId: 'account-1',
    phoneNumber: '+14155550123',
    note: 'Medication reminder',
    cron: '30 9 * * mon-fri',
    intervalSeconds: null,
    timeZone: 'America/Los_Angeles',
    startAt: null,
    endAt: null,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    window: null,
    paused: false,
    nextRunTimes: ['2030-01-07T17:30:00.000Z', '2030-01-08T17:30:00.000Z'],
    recentRuns: [{ scheduledAt: '2030-01-04T17:30:00.000Z', startedAt: '2030-01-04T17:30:01.000Z', callId: 'call-9', callStatus: 'completed' }],
    createdAt: '2030-01-01T00:00:00.000Z',
    temporalUiUrl: 'http://localhost:8233/namespaces/default/schedules/schedule-schedule-1',
    ...overrides,
  };
}

describe('SchedulesPage', () => {
  it('lists each recurring call with its timing, next calls and latest calls', async () => {
    routeFetch(fetchMock, { 'GET /api/schedules': jsonResponse([makeSchedule()]) });
    renderWithProviders(<SchedulesPage />, { timeZone: 'America/Los_Angeles' });

    const item = await screen.findByRole('listitem', { name: /Weekdays at 09:30 \(America\/Los_Angeles\)/ });
    expect(within(item).getByText('Medication reminder')).toBeVisible();
    expect(within(item).getByRole('link', { name: /Jan 4, 2030/ })).toHaveAttribute('href', '#call=call-9');
    expect(within(item).getByText('Completed')).toBeVisible();
    expect(within(item).getByRole('link', { name: /In Temporal/ })).toHaveAttribute('href', makeSchedule().temporalUiUrl);
  });

  it('pauses, resumes and runs a schedule now', async () => {
    let schedule = makeSchedule();
    routeFetch(fetchMock, {
      'GET /api/schedules': () => jsonResponse([schedule]),
      'POST /api/schedules/schedule-1/pause': () => jsonResponse((schedule = makeSchedule({ paused: true, nextRunTimes: [] }))),
      'POST /api/schedules/schedule-1/trigger': () => jsonResponse(schedule),
    });
    const { user } = renderWithProviders(<SchedulesPage />);

    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeVisible();
    expect(screen.getByText('None while paused')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Run now' }));

    await waitFor(() => expect(sentRequests(fetchMock).filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/schedules/schedule-1/pause', '/api/schedules/schedule-1/trigger']));
  });

  it('lets a viewer read but not change, saying why', async () => {
    routeFetch(fetchMock, { 'GET /api/schedules': jsonResponse([makeSchedule()]) });
    renderWithProviders(<SchedulesPage />, { role: 'viewer' });

    for (const name of ['Pause', 'Run now', 'Delete']) expect(await screen.findByRole('button', { name })).toBeDisabled();
    expect(screen.getByText('Viewers can only read calls.')).toBeVisible();
  });
});
