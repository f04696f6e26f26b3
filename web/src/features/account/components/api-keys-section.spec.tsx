import type { CreatedApiKeyDto } from '@call-scheduler/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { formatDateTime } from '../../../lib/date-time';
import { makeApiKey } from '../../../testing/account-fixtures';
import { apiErrorResponse, jsonResponse, routeFetch, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { ApiKeysSection } from './api-keys-section';

const fetchMock = useFetchMock();

const BERLIN = 'Europe/Berlin';
const OLD_KEY = makeApiKey({ id: 'key-0', name: 'old-cron', role: 'viewer', prefix: 'csk_zz99', lastUsedAt: '2026-11-21T09:00:00.000Z', revokedAt: '2026-11-22T09:00:00.000Z' });
const NEW_KEY: CreatedApiKeyDto = { ...makeApiKey({ id: 'key-2', name: 'dialer', prefix: 'csk_cd34' }), secret: 'csk_cd34_s3cr3t-value' };

function renderKeys(routes: Parameters<typeof routeFetch>[1] = {}) {
  routeFetch(fetchMock, { 'GET /api/account/api-keys': () => jsonResponse([OLD_KEY, makeApiKey()]), ...routes });
  return renderWithProviders(<ApiKeysSection />, { timeZone: BERLIN });
}

const cellsOf = (name: string) => within(screen.getByRole('row', { name: new RegExp(`^${name}\\b`) })).getAllByRole('cell');

describe('ApiKeysSection', () => {
  it('lists each key: role, prefix, created, last used and whether it is revoked', async () => {
    renderKeys();
    await screen.findByRole('table', { name: 'API keys' });

    expect(cellsOf('ci-bot').map((cell) => cell.textContent)).toEqual([
      'Operator',
      'csk_ab12…',
      formatDateTime('2026-11-20T09:00:00.000Z', BERLIN),
      'Never',
      'Active Revoke key ci-bot',
    ]);
    expect(cellsOf('old-cron').map((cell) => cell.textContent)).toEqual([
      'Viewer',
      'csk_zz99…',
      formatDateTime('2026-11-20T09:00:00.000Z', BERLIN),
      formatDateTime('2026-11-21T09:00:00.000Z', BERLIN),
      `Revoked ${formatDateTime('2026-11-22T09:00:00.000Z', BERLIN)}`,
    ]);
  });

  it('shows a new key’s secret once, to copy, and never again', async () => {
    const { user } = renderKeys({ 'POST /api/account/api-keys': () => jsonResponse(NEW_KEY, 201) });
    const form = screen.getByRole('form', { name: 'Create a key' });

    await user.type(within(form).getByLabelText('Key name'), 'dialer');
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const created = await screen.findByRole('group', { name: 'New key: dialer' });
    expect(created).toHaveTextContent('Copy this key now: it won’t be shown again.');
    expect(within(created).getByLabelText('Secret')).toHaveValue('csk_cd34_s3cr3t-value');
    await user.click(within(created).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe('csk_cd34_s3cr3t-value');
    expect(within(created).getByRole('status')).toHaveTextContent('Copied.');
    expect(cellsOf('dialer')[1]).toHaveTextContent('csk_cd34…');
    expect(sentRequests(fetchMock).find((request) => request.method === 'POST')).toEqual(
      expect.objectContaining({ url: '/api/account/api-keys', body: { name: 'dialer', role: 'operator' } }),
    );

    await user.click(within(created).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('group', { name: 'New key: dialer' })).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('csk_cd34_s3cr3t-value')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'API keys' })).not.toHaveTextContent('s3cr3t');
  });

  it('asks for a name before creating a key', async () => {
    const { user } = renderKeys();
    const form = screen.getByRole('form', { name: 'Create a key' });

    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    expect(within(form).getByLabelText('Key name')).toHaveAccessibleDescription(expect.stringContaining('Name the key after the program that will use it.'));
    expect(sentRequests(fetchMock).filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('revokes a key once confirmed, and shows it revoked', async () => {
    const revoked = makeApiKey({ revokedAt: '2026-11-25T09:00:00.000Z' });
    const { user } = renderKeys({ 'POST /api/account/api-keys/key-1/revoke': () => jsonResponse(revoked) });

    await user.click(await screen.findByRole('button', { name: 'Revoke key ci-bot' }));
    const confirm = screen.getByRole('group', { name: 'Confirm revoking ci-bot' });
    expect(confirm).toHaveTextContent('Revoke ci-bot? Programs using it are refused from now on.');
    expect(within(confirm).getByRole('button', { name: 'Yes, revoke' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Yes, revoke' }));

    await waitFor(() => expect(cellsOf('ci-bot')[4]).toHaveTextContent(`Revoked ${formatDateTime('2026-11-25T09:00:00.000Z', BERLIN)}`));
    expect(sentRequests(fetchMock).filter((request) => request.method === 'POST').map((request) => request.url)).toEqual(['/api/account/api-keys/key-1/revoke']);
  });

  it('keeps the key when told to, sending nothing', async () => {
    const { user } = renderKeys();

    await user.click(await screen.findByRole('button', { name: 'Revoke key ci-bot' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm revoking ci-bot' })).getByRole('button', { name: 'Keep it' }));

    expect(screen.queryByRole('group', { name: 'Confirm revoking ci-bot' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revoke key ci-bot' })).toBeInTheDocument();
    expect(sentRequests(fetchMock).filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('says why revoking failed', async () => {
    const { user } = renderKeys({ 'POST /api/account/api-keys/key-1/revoke': () => apiErrorResponse(404, 'No such key') });

    await user.click(await screen.findByRole('button', { name: 'Revoke key ci-bot' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));

    expect(await within(screen.getByRole('group', { name: 'Confirm revoking ci-bot' })).findByRole('alert')).toHaveTextContent('No such key');
  });
});
