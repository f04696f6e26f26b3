import type { Role } from '@call-scheduler/shared';
import { screen, within } from '@testing-library/react';
import { makeApiKey, makeMe, makeUser } from '../testing/account-fixtures';
import { makeCall, makePage } from '../testing/call-fixtures';
import { useFakeEventSource } from '../testing/fake-event-source';
import { jsonResponse, routeFetch, useFetchMock } from '../testing/fetch-mock';
import { renderWithProviders } from '../testing/render-with-providers';
import { Workspace } from './workspace';

const fetchMock = useFetchMock();
useFakeEventSource();

function renderWorkspace(role: Role) {
  routeFetch(fetchMock, {
    'GET /api/auth/me': () => jsonResponse(makeMe(role)),
    'GET /api/calls': () => jsonResponse(makePage([makeCall()])),
    'GET /api/account': () => jsonResponse({ id: 'account-1', name: 'Acme Ltd', limits: { dialsPerHour: 200, dialsPerDay: 2000, maxConcurrentCalls: 20 } }),
    'GET /api/account/users': () => jsonResponse([makeUser()]),
    'GET /api/account/api-keys': () => jsonResponse([makeApiKey()]),
    'GET /api/do-not-call': () => jsonResponse({ items: [], total: 0, nextCursor: null }),
  });
  // The providers say viewer: the role that counts is the one the workspace is given.
  return renderWithProviders(<Workspace me={makeMe(role)} temporalUiUrl="http://temporal.test:8233" />, { role: 'viewer' });
}

afterEach(() => {
  window.location.hash = '';
});

describe('Workspace', () => {
  it('lets an admin move between Calls and Account', async () => {
    const { user } = renderWorkspace('admin');
    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getByRole('link', { name: 'Calls' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(sections).getByRole('link', { name: 'Account' }));

    expect(await screen.findByRole('region', { name: 'Spend cap' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#account');
    expect(within(sections).getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('region', { name: 'Users' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'API keys' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New call' })).not.toBeInTheDocument();

    await user.click(within(sections).getByRole('link', { name: 'Calls' }));
    expect(await screen.findByRole('form', { name: 'New call' })).toBeInTheDocument();
  });

  it.each(['operator', 'viewer'] as const)('keeps the Account section from a signed-in %s, even when the URL asks for it', async (role) => {
    window.location.hash = '#account';
    renderWorkspace(role);

    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getAllByRole('link').map((link) => link.textContent)).toEqual(['Calls', 'Recurring', 'Do not call']);
    expect(screen.queryByRole('region', { name: 'Spend cap' })).not.toBeInTheDocument();
    expect(await screen.findByRole('form', { name: 'New call' })).toBeInTheDocument();
  });

  it('gives the calls the role signed in: a viewer cannot create a call, an operator can', async () => {
    const { unmount } = renderWorkspace('viewer');
    expect(within(screen.getByRole('form', { name: 'New call' })).getByRole('button', { name: 'Schedule' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Upload CSV' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Session' })).toHaveTextContent('Signed in as Ada Lovelace, Viewer of Acme Ltd');
    unmount();

    renderWorkspace('operator');
    expect(within(screen.getByRole('form', { name: 'New call' })).getByRole('button', { name: 'Schedule' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Upload CSV' })).toBeEnabled();
  });

  it.each(['admin', 'operator', 'viewer'] as const)('opens the Do not call section for a signed-in %s', async (role) => {
    const { user } = renderWorkspace(role);

    await user.click(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Do not call' }));

    expect(await screen.findByRole('region', { name: 'Do not call' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#do-not-call');
    expect(await screen.findByText('No numbers on the list yet.')).toBeVisible();
  });
});
