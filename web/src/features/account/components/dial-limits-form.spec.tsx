import { screen, waitFor, within } from '@testing-library/react';
import { apiErrorResponse, jsonResponse, routeFetch, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { DialLimitsSection } from './dial-limits-form';

const fetchMock = useFetchMock();

const ACCOUNT = { id: 'account-1', name: 'Acme Ltd', limits: { dialsPerHour: 200, dialsPerDay: 2000, maxConcurrentCalls: 20 } };

async function renderLimits(answerSave: () => Response = () => jsonResponse(ACCOUNT)) {
  routeFetch(fetchMock, { 'GET /api/account': () => jsonResponse(ACCOUNT), 'PUT /api/account/limits': answerSave });
  const view = renderWithProviders(<DialLimitsSection />);
  const region = screen.getByRole('region', { name: 'Spend cap' });
  await within(region).findByLabelText('Dials per hour');
  const field = (label: string) => within(region).getByLabelText(label);
  const replace = async (label: string, value: string) => {
    await view.user.clear(field(label));
    await view.user.type(field(label), value);
  };
  const save = () => view.user.click(within(region).getByRole('button', { name: 'Save limits' }));
  return { ...view, region, field, replace, save };
}

const saves = () => sentRequests(fetchMock).filter((request) => request.method === 'PUT');

describe('DialLimitsSection', () => {
  it('shows the current limits with their bounds', async () => {
    const { field } = await renderLimits();

    expect(field('Dials per hour')).toHaveValue(200);
    expect(field('Dials per day')).toHaveValue(2000);
    expect(field('Calls in progress at once')).toHaveValue(20);
    expect(field('Dials per hour')).toHaveAccessibleDescription(`From 0 to ${(1_000_000).toLocaleString()}`);
  });

  it('saves the limits as numbers and says so', async () => {
    const { replace, save, region } = await renderLimits(() => jsonResponse({ ...ACCOUNT, limits: { dialsPerHour: 50, dialsPerDay: 2000, maxConcurrentCalls: 5 } }));

    await replace('Dials per hour', '50');
    await replace('Calls in progress at once', '5');
    await save();

    expect(await within(region).findByRole('status')).toHaveTextContent('Limits saved.');
    expect(saves()).toEqual([expect.objectContaining({ url: '/api/account/limits', body: { dialsPerHour: 50, dialsPerDay: 2000, maxConcurrentCalls: 5 } })]);
  });

  it('refuses a limit out of bounds by its field, without asking the API', async () => {
    const { replace, save, field } = await renderLimits();

    await replace('Dials per day', '10000001');
    await save();

    expect(field('Dials per day')).toHaveAccessibleDescription(`From 0 to ${(10_000_000).toLocaleString()} Enter a whole number from 0 to 10000000.`);
    expect(field('Dials per day')).toHaveFocus();
    expect(saves()).toEqual([]);
  });

  it('shows each problem the API finds next to its field', async () => {
    const { save, field } = await renderLimits(() =>
      apiErrorResponse(400, 'Bad request', [{ field: 'maxConcurrentCalls', message: 'maxConcurrentCalls must not exceed dialsPerHour' }]),
    );

    await save();

    await waitFor(() => expect(field('Calls in progress at once')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Calls in progress at once')).toHaveAccessibleDescription(expect.stringContaining('maxConcurrentCalls must not exceed dialsPerHour'));
    expect(field('Dials per hour')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refusal that names no field for the form as a whole', async () => {
    const { save, region } = await renderLimits(() => apiErrorResponse(403, 'Only admins manage the account'));

    await save();

    expect(await within(region).findByRole('alert')).toHaveTextContent('Only admins manage the account');
  });
});
