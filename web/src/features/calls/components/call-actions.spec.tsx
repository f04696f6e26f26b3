import type { CallDto, Role } from '@call-scheduler/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { makeCall } from '../../../testing/call-fixtures';
import { nextDateIn } from '../../../testing/dates';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CallActions } from './call-actions';

const fetchMock = useFetchMock();

const ACTIONS = ['Reschedule', 'Start now', 'Cancel call'];

function renderActions(call: CallDto, role: Role = 'operator') {
  const view = renderWithProviders(<CallActions call={call} />, { timeZone: 'Europe/Berlin', role });
  const button = (name: string) => within(screen.getByRole('group', { name: 'Call actions' })).getByRole('button', { name });
  return { ...view, button };
}

describe('CallActions', () => {
  describe('on a pending call', () => {
    it.each([
      ['scheduled', null],
      ['no_answer', '2026-12-01T10:05:00.000Z'],
      ['busy', '2026-12-01T10:05:00.000Z'],
    ] as const)('enables every action (%s)', (status, nextAttemptAt) => {
      const { button } = renderActions(makeCall({ status, nextAttemptAt }));
      for (const name of ACTIONS) {
        expect(button(name)).toBeEnabled();
        expect(button(name)).not.toHaveAttribute('aria-describedby');
      }
    });

    it('reschedules to the time picked, sent with the operator zone offset', async () => {
      const day = nextDateIn('winter');
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall({ scheduledAt: `${day}T08:30:00.000Z`, version: 2 })));
      const { user, button } = renderActions(makeCall({ scheduledAt: '2026-12-01T10:00:00.000Z' }));

      await user.click(button('Reschedule'));
      const picker = screen.getByLabelText('New date and time');
      expect(picker).toHaveFocus();
      expect(picker).toHaveValue('2026-12-01T11:00');
      await user.clear(picker);
      await user.type(picker, `${day}T09:30`);
      await user.click(screen.getByRole('button', { name: 'Save new time' }));

      await waitFor(() => expect(screen.queryByLabelText('New date and time')).not.toBeInTheDocument());
      expect(sentRequests(fetchMock)).toEqual([
        expect.objectContaining({ url: '/api/calls/call-1', method: 'PATCH', body: { scheduledAt: `${day}T09:30:00.000+01:00` } }),
      ]);
    });

    it('shows why the API refused a new time, under the picker', async () => {
      fetchMock.mockResolvedValueOnce(
        apiErrorResponse(400, 'Bad request', [{ field: 'scheduledAt', message: 'scheduledAt must be in the future' }]),
      );
      const { user, button } = renderActions(makeCall());

      await user.click(button('Reschedule'));
      await user.click(screen.getByRole('button', { name: 'Save new time' }));

      const picker = screen.getByLabelText('New date and time');
      await waitFor(() => expect(picker).toHaveAccessibleDescription('scheduledAt must be in the future'));
      expect(picker).toHaveAttribute('aria-invalid', 'true');
    });

    it('closes the picker without a request on "Keep current time"', async () => {
      const { user, button } = renderActions(makeCall());

      await user.click(button('Reschedule'));
      await user.click(screen.getByRole('button', { name: 'Keep current time' }));

      expect(screen.queryByLabelText('New date and time')).not.toBeInTheDocument();
      expect(fetchMock).not.toHaveBeenCalled();
    });

    it('asks before cancelling, and sends nothing when told to keep the call', async () => {
      const { user, button } = renderActions(makeCall());

      await user.click(button('Cancel call'));
      const confirm = screen.getByRole('group', { name: 'Confirm cancellation' });
      expect(confirm).toHaveTextContent('Cancel this call? Nothing more will be dialed.');
      expect(within(confirm).getByRole('button', { name: 'Yes, cancel the call' })).toHaveFocus();
      expect(fetchMock).not.toHaveBeenCalled();

      await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
      expect(screen.queryByRole('group', { name: 'Confirm cancellation' })).not.toBeInTheDocument();
      expect(fetchMock).not.toHaveBeenCalled();
    });

    it('cancels once confirmed', async () => {
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall({ status: 'cancelled', version: 2 })));
      const { user, button } = renderActions(makeCall());

      await user.click(button('Cancel call'));
      await user.click(screen.getByRole('button', { name: 'Yes, cancel the call' }));

      await waitFor(() => expect(screen.queryByRole('group', { name: 'Confirm cancellation' })).not.toBeInTheDocument());
      expect(sentRequests(fetchMock)).toEqual([expect.objectContaining({ url: '/api/calls/call-1/cancel', method: 'POST', body: undefined })]);
    });

    it('shows the message of a 409 on cancelling', async () => {
      fetchMock.mockResolvedValueOnce(apiErrorResponse(409, 'Call call-1 is no longer pending'));
      const { user, button } = renderActions(makeCall());

      await user.click(button('Cancel call'));
      await user.click(screen.getByRole('button', { name: 'Yes, cancel the call' }));

      const confirm = screen.getByRole('group', { name: 'Confirm cancellation' });
      expect(await within(confirm).findByRole('alert')).toHaveTextContent('Call call-1 is no longer pending');
    });

    it('starts the call now', async () => {
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall({ status: 'dialing', attempt: 1, version: 2 })));
      const { user, button } = renderActions(makeCall());

      await user.click(button('Start now'));

      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      expect(sentRequests(fetchMock)).toEqual([expect.objectContaining({ url: '/api/calls/call-1/start-now', method: 'POST' })]);
    });

    it('shows the message of a 409 on starting now', async () => {
      fetchMock.mockResolvedValueOnce(apiErrorResponse(409, 'Call call-1 is no longer pending'));
      const { user, button } = renderActions(makeCall());

      await user.click(button('Start now'));

      expect(await screen.findByRole('alert')).toHaveTextContent('Call call-1 is no longer pending');
    });
  });

  describe.each([
    ['in_progress', 'The call is under way (in progress).'],
    ['dialing', 'The call is under way (dialing).'],
    ['completed', 'The call has ended (completed).'],
    ['no_answer', 'The call has ended (no answer).'],
  ] as const)('on a call that is %s', (status, reason) => {
    it('disables every action and says why', () => {
      const { button } = renderActions(makeCall({ status, nextAttemptAt: null }));

      expect(screen.getByText(reason)).toBeVisible();
      for (const name of ACTIONS) {
        expect(button(name)).toBeDisabled();
        expect(button(name)).toHaveAccessibleDescription(reason);
      }
    });
  });

  describe('for a viewer', () => {
    it.each(['scheduled', 'completed'] as const)('disables every action on a %s call and says viewers only read', async (status) => {
      const { user, button } = renderActions(makeCall({ status }), 'viewer');

      expect(screen.getByText('Viewers can only read calls.')).toBeVisible();
      for (const name of ACTIONS) {
        expect(button(name)).toBeDisabled();
        expect(button(name)).toHaveAccessibleDescription('Viewers can only read calls.');
        await user.click(button(name));
      }
      expect(screen.queryByLabelText('New date and time')).not.toBeInTheDocument();
      expect(fetchMock).not.toHaveBeenCalled();
    });
  });
});
