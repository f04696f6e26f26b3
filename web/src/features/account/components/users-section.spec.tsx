import { screen, waitFor, within } from '@testing-library/react';
import { makeUser } from '../../../testing/account-fixtures';
import { apiErrorResponse, jsonResponse, routeFetch, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { UsersSection } from './users-section';

const fetchMock = useFetchMock();

const GRACE = makeUser({ id: 'user-2', email: 'grace@example.com', name: 'Grace Hopper', role: 'viewer' });

async function renderUsers(answerCreate: () => Response = () => jsonResponse(GRACE, 201)) {
  routeFetch(fetchMock, { 'GET /api/account/users': () => jsonResponse([makeUser()]), 'POST /api/account/users': answerCreate });
  const view = renderWithProviders(<UsersSection />, { timeZone: 'Europe/Berlin' });
  await screen.findByRole('table', { name: 'Users' });
  const form = screen.getByRole('form', { name: 'Add a user' });
  const fill = async ({ email = 'grace@example.com', name = 'Grace Hopper', role = 'Viewer', password = 'a long password' } = {}) => {
    if (email) await view.user.type(within(form).getByLabelText('Email'), email);
    if (name) await view.user.type(within(form).getByLabelText('Name'), name);
    await view.user.selectOptions(within(form).getByLabelText('Role'), role);
    if (password) await view.user.type(within(form).getByLabelText('Password'), password);
    await view.user.click(within(form).getByRole('button', { name: 'Add user' }));
  };
  return { ...view, form, fill };
}

const rowNames = () => within(screen.getByRole('table', { name: 'Users' })).getAllByRole('rowheader').map((cell) => cell.textContent);

describe('UsersSection', () => {
  it('lists the users with email, role and when they were added', async () => {
    await renderUsers();

    const row = screen.getByRole('row', { name: /Ada Lovelace/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['ada@example.com', 'Admin', expect.stringMatching(/20/)]);
  });

  it('adds a user with the role picked, and lists them', async () => {
    const { form, fill } = await renderUsers();

    await fill();

    expect(await within(form).findByText('Added Grace Hopper: they can sign in now.')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(sentRequests(fetchMock).find((request) => request.method === 'POST')).toEqual(
      expect.objectContaining({ url: '/api/account/users', body: { email: 'grace@example.com', name: 'Grace Hopper', role: 'viewer', password: 'a long password' } }),
    );
    expect(within(form).getByLabelText('Email')).toHaveValue('');
    expect(within(form).getByLabelText('Password')).toHaveValue('');
  });

  it('says what the role allows', async () => {
    const { user, form } = await renderUsers();

    await user.selectOptions(within(form).getByLabelText('Role'), 'Viewer');

    expect(within(form).getByLabelText('Role')).toHaveAccessibleDescription('Reads calls, and nothing more.');
  });

  it('asks for a password of at least the minimum length, without asking the API', async () => {
    const { form, fill } = await renderUsers();

    await fill({ password: 'short' });

    expect(within(form).getByLabelText('Password')).toHaveAccessibleDescription('At least 12 characters. Use at least 12 characters.');
    expect(within(form).getByLabelText('Password')).toHaveFocus();
    expect(sentRequests(fetchMock).filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('says, by the email, that someone already has it (409)', async () => {
    const { form, fill } = await renderUsers(() => apiErrorResponse(409, 'A user with this email already exists'));

    await fill();

    await waitFor(() => expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription('A user with this email already exists'));
    expect(within(form).getByLabelText('Email')).toHaveFocus();
    expect(rowNames()).toEqual(['Ada Lovelace']);
  });

  it('puts the problems the API finds next to their fields', async () => {
    const { form, fill } = await renderUsers(() => apiErrorResponse(400, 'Bad request', [{ field: 'name', message: 'name must be shorter than 200 characters' }]));

    await fill();

    await waitFor(() => expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('name must be shorter than 200 characters'));
  });
});
