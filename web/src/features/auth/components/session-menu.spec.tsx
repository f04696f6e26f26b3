import type { MeDto } from '@call-scheduler/shared';
import { screen } from '@testing-library/react';
import { makeMe } from '../../../testing/account-fixtures';
import { apiErrorResponse, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { SessionMenu } from './session-menu';

const fetchMock = useFetchMock();

describe('SessionMenu', () => {
  it.each<[string, MeDto]>([
    ['Signed in as Ada Lovelace, Admin of Acme Ltd', makeMe('admin')],
    ['Signed in as key ci-bot, Operator of Acme Ltd', { ...makeMe('operator'), user: null, apiKey: { id: 'key-1', name: 'ci-bot' } }],
  ])('says "%s"', (words, me) => {
    renderWithProviders(<SessionMenu me={me} />);
    expect(screen.getByRole('group', { name: 'Session' })).toHaveTextContent(words);
  });

  it('says why signing out failed', async () => {
    fetchMock.mockResolvedValueOnce(apiErrorResponse(500, 'Internal server error'));
    const { user } = renderWithProviders(<SessionMenu me={makeMe()} />);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Internal server error');
  });
});
