import { screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, routeFetch, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { DefaultWindowSection } from './default-window-form';

const fetchMock = useFetchMock();

const LIMITS = { dialsPerHour: 200, dialsPerDay: 2000, maxConcurrentCalls: 20 };
const ACCOUNT = { id: 'account-1', name: 'Acme Ltd', limits: LIMITS, defaultWindow: null };
const OFFICE = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '21:00' };

function renderHours(account: object = ACCOUNT, saved: object = { ...ACCOUNT, defaultWindow: OFFICE }) {
  routeFetch(fetchMock, {
    'GET /api/account': () => jsonResponse(account),
    'PUT /api/account/default-window': () => jsonResponse(saved),
    'DELETE /api/account/default-window': () => jsonResponse(ACCOUNT),
  });
  const view = renderWithProviders(<DefaultWindowSection />);
  return { ...view, region: screen.getByRole('region', { name: 'Calling hours' }) };
}

describe('DefaultWindowSection', () => {
  it('saves office hours for an account that rings at any hour', async () => {
    const { user, region } = renderHours();
    await within(region).findByText('Now: any hour.');

    await user.click(within(region).getByLabelText('Sat'));
    await user.click(within(region).getByRole('button', { name: 'Save hours' }));

    await within(region).findByText('Calling hours saved.');
    expect(sentRequests(fetchMock).find((request) => request.method === 'PUT')?.body).toEqual({ ...OFFICE, days: [...OFFICE.days, 'sat'] });
  });

  it('names what is wrong before sending anything', async () => {
    const { user, region } = renderHours();
    await within(region).findByText('Now: any hour.');

    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await user.click(within(region).getByLabelText(day));
    await user.click(within(region).getByRole('button', { name: 'Save hours' }));

    expect(within(region).getByText(/^days must be a non-empty list/)).toBeVisible();
    expect(sentRequests(fetchMock).filter((request) => request.method === 'PUT')).toEqual([]);
  });

  it('goes back to any hour', async () => {
    const { user, region } = renderHours({ ...ACCOUNT, defaultWindow: OFFICE });
    await within(region).findByText('Now: mon, tue, wed, thu, fri 08:00–21:00.');

    await user.click(within(region).getByRole('button', { name: 'Any hour' }));

    await waitFor(() => expect(sentRequests(fetchMock).map((request) => request.method)).toContain('DELETE'));
    await within(region).findByText('Now: any hour.');
  });
});
