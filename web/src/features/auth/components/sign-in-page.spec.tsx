import { screen, waitFor } from '@testing-library/react';
import { makeMe } from '../../../testing/account-fixtures';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { authKeys } from '../api/auth-keys';
import { SignInPage } from './sign-in-page';

const fetchMock = useFetchMock();

async function signIn(email = 'ada@example.com', password = 'correct horse battery') {
  const view = renderWithProviders(<SignInPage />);
  if (email) await view.user.type(screen.getByLabelText('Email'), email);
  if (password) await view.user.type(screen.getByLabelText('Password'), password);
  await view.user.click(screen.getByRole('button', { name: 'Sign in' }));
  return view;
}

describe('SignInPage', () => {
  it('says so when a sign-in link that no longer works sent the browser here, and forgets it in the URL', () => {
    window.history.replaceState(null, '', '/?expired-sign-in-link#call=c1');

    renderWithProviders(<SignInPage />);

    expect(screen.getByRole('status')).toHaveTextContent('That sign-in link has expired or was used already.');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#call=c1');
    window.history.replaceState(null, '', '/');
  });

  it('says nothing of links otherwise', () => {
    renderWithProviders(<SignInPage />);

    expect(screen.queryByRole('status')).toBeNull();
  });

  it('starts the session the API answers with', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(makeMe()));
    const { queryClient } = await signIn();

    await waitFor(() => expect(queryClient.getQueryData(authKeys.session)).toEqual(makeMe()));
    expect(sentRequests(fetchMock)).toEqual([
      expect.objectContaining({ url: '/api/auth/sign-in', method: 'POST', body: { email: 'ada@example.com', password: 'correct horse battery' } }),
    ]);
  });

  it('says what is missing, by the field, without asking the API', async () => {
    await signIn('', '');

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says the email or password is wrong on a 401, and signs nobody in', async () => {
    fetchMock.mockResolvedValueOnce(apiErrorResponse(401, 'Invalid credentials'));
    const { queryClient } = await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(queryClient.getQueryData(authKeys.session)).toBeFalsy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('says how long to wait after too many attempts (429), from Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(apiErrorResponse(429, 'Too many sign-in attempts; try again in 30 s', undefined, { 'Retry-After': '30' }));
    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts: try again in 30 s.');
  });

  it('shows the API message on a 429 without Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(apiErrorResponse(429, 'Too many sign-in attempts; try again in 30 s'));
    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts; try again in 30 s');
  });

  it('puts the problems the API finds in the input next to their fields', async () => {
    fetchMock.mockResolvedValueOnce(apiErrorResponse(400, 'Bad request', [{ field: 'email', message: 'email must be an email' }]));
    await signIn('ada');

    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('email must be an email'));
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the API cannot be reached', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('The API is unreachable: try again in a moment.');
  });
});
