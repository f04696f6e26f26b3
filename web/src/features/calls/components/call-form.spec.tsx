import { screen, waitFor, within } from '@testing-library/react';
import { makeCall } from '../../../testing/call-fixtures';
import { nextDateIn } from '../../../testing/dates';
import { apiErrorResponse, jsonResponse, sentRequests, useFetchMock } from '../../../testing/fetch-mock';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CallForm } from './call-form';

const fetchMock = useFetchMock();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function renderForm(timeZone = 'America/Los_Angeles') {
  const view = renderWithProviders(<CallForm defaultWindow={null} />, { timeZone });
  const { user } = view;
  const form = {
    phone: () => screen.getByLabelText('Phone number'),
    country: () => screen.getByLabelText('Country'),
    time: () => screen.getByLabelText('Date and time (for Schedule)'),
    note: () => screen.getByLabelText('Note (optional)'),
    attempts: () => screen.getByLabelText('Attempts'),
    delay: () => screen.getByLabelText('Minutes between attempts'),
    schedule: () => user.click(screen.getByRole('button', { name: 'Schedule' })),
    startNow: () => user.click(screen.getByRole('button', { name: 'Start now' })),
    /** Fills in what a test does not care about, validly: a US number and a time next winter at 10:00. */
    fill: async ({ phone = '415 555 0123', time = `${nextDateIn('winter')}T10:00`, note = '' } = {}) => {
      await user.type(form.phone(), phone);
      if (time) await user.type(form.time(), time);
      if (note) await user.type(form.note(), note);
    },
  };
  return { ...view, form };
}

describe('CallForm', () => {
  describe('the phone number', () => {
    it('shows its problem under the field once the operator leaves it', async () => {
      const { user, form } = renderForm();

      await user.type(form.phone(), '12345');
      expect(form.phone()).toHaveAttribute('aria-invalid', 'false');
      await user.tab();

      expect(form.phone()).toHaveAttribute('aria-invalid', 'true');
      expect(form.phone()).toHaveAccessibleDescription(expect.stringContaining('This is not a valid phone number for US.'));
      expect(screen.getByText('This is not a valid phone number for US.')).toBeVisible();
    });

    it('asks for a number when the field is left empty', async () => {
      const { user, form } = renderForm();

      await user.click(form.phone());
      await user.tab();

      expect(form.phone()).toHaveAccessibleDescription(expect.stringContaining('Enter the number to call.'));
    });

    it.each(['Schedule', 'Start now'])('sends nothing on %s with an error and puts the focus on the first invalid field', async (button) => {
      const { user, form } = renderForm();
      await form.fill({ phone: '12345' });

      await user.click(screen.getByRole('button', { name: button }));

      expect(fetchMock).not.toHaveBeenCalled();
      expect(form.phone()).toHaveFocus();
      expect(form.phone()).toHaveAttribute('aria-invalid', 'true');
    });

    it('says which number it will call for a national number in the country chosen', async () => {
      const { user, form } = renderForm();

      await user.type(form.phone(), '415 555 0123');
      expect(form.phone()).toHaveAccessibleDescription('Will call +1 415 555 0123');

      await user.selectOptions(form.country(), 'GB');
      await user.clear(form.phone());
      await user.type(form.phone(), '020 7183 8750');
      expect(screen.getByText('Will call +44 20 7183 8750')).toBeInTheDocument();
    });
  });

  describe('the time', () => {
    it('is required by Schedule', async () => {
      const { form } = renderForm();
      await form.fill({ time: '' });

      await form.schedule();

      expect(fetchMock).not.toHaveBeenCalled();
      expect(form.time()).toHaveFocus();
      expect(form.time()).toHaveAttribute('aria-invalid', 'true');
      expect(form.time()).toHaveAccessibleDescription(expect.stringContaining('Pick a date and time, or use Start now.'));
    });

    it('must not have passed', async () => {
      const { form } = renderForm();
      await form.fill({ time: '2020-01-15T10:00' });

      await form.schedule();

      expect(fetchMock).not.toHaveBeenCalled();
      expect(form.time()).toHaveAccessibleDescription(expect.stringContaining('This time has passed: pick a later one.'));
    });

    it('is not needed by Start now', async () => {
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall(), 201));
      const { form } = renderForm();
      await form.fill({ time: '' });

      await form.startNow();

      expect(await screen.findByText(/^Calling \+1 415 555 0123 now\./)).toBeInTheDocument();
      expect(sentRequests(fetchMock)[0]!.body).toEqual({ phoneNumber: '+14155550123', maxAttempts: 3, retryDelaySeconds: 300 });
    });

    it('drops the missing-time error once Start now, as it suggests, has made the call', async () => {
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall(), 201));
      const { form } = renderForm();
      await form.fill({ time: '' });
      await form.schedule();
      expect(screen.getByText('Pick a date and time, or use Start now.')).toBeInTheDocument();

      await form.startNow();

      expect(await screen.findByText(/^Calling \+1 415 555 0123 now\./)).toBeInTheDocument();
      expect(screen.queryByText('Pick a date and time, or use Start now.')).not.toBeInTheDocument();
      expect(form.time()).toHaveAttribute('aria-invalid', 'false');
    });

    it.each([
      ['America/Los_Angeles', /^Your time zone: America\/Los Angeles \(GMT-0[78]:00\)$/],
      ['Asia/Kolkata', /^Your time zone: Asia\/Kolkata \(GMT\+05:30\)$/],
    ])('is typed in the operator zone, which the form names (%s)', (timeZone, description) => {
      const { form } = renderForm(timeZone);
      expect(form.time()).toHaveAccessibleDescription(description);
    });
  });

  describe('the request', () => {
    it.each([
      ['America/Los_Angeles', 'winter', '-08:00'],
      ['America/Los_Angeles', 'summer', '-07:00'],
      ['Asia/Kolkata', 'winter', '+05:30'],
    ] as const)('in %s in %s is POST /api/calls with the time at offset %s', async (timeZone, season, offset) => {
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall(), 201));
      const { user, form } = renderForm(timeZone);
      const day = nextDateIn(season);
      await form.fill({ phone: '+1 415 555 0123', time: `${day}T10:00`, note: '  Ask for Sam  ' });
      await user.click(screen.getByText('Retries when nobody answers'));
      await user.clear(form.attempts());
      await user.type(form.attempts(), '5');
      await user.clear(form.delay());
      await user.type(form.delay(), '10');

      await form.schedule();

      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      const [request] = sentRequests(fetchMock);
      expect(request).toMatchObject({ url: '/api/calls', method: 'POST' });
      expect(request!.headers['idempotency-key']).toMatch(UUID);
      expect(request!.body).toEqual({
        phoneNumber: '+14155550123',
        scheduledAt: `${day}T10:00:00.000${offset}`,
        note: 'Ask for Sam',
        maxAttempts: 5,
        retryDelaySeconds: 600,
      });
    });

    it('shows when the call will happen as the operator typed it', async () => {
      const { user, form } = renderForm('Asia/Kolkata');
      await user.type(form.time(), `${nextDateIn('winter')}T10:00`);
      expect(form.time()).toHaveAccessibleDescription(/calls at .*\b(10:00\s?AM|10:00)\b/);
    });

    it('sends the same idempotency key when the same form is sent again after a network failure, and a new one for a changed form', async () => {
      fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
      const { user, form } = renderForm();
      await form.fill();

      await form.schedule();
      expect(await screen.findByRole('alert')).toHaveTextContent('The API is unreachable.');
      await form.schedule();
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
      await user.type(form.note(), 'second thoughts');
      await form.schedule();
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));

      const [first, retry, changed] = sentRequests(fetchMock).map((request) => request.headers['idempotency-key']);
      expect(first).toMatch(UUID);
      expect(retry).toBe(first);
      expect(changed).toMatch(UUID);
      expect(changed).not.toBe(first);
    });

    it('clears the network error once a retry gets through', async () => {
      fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(jsonResponse(makeCall(), 201));
      const { form } = renderForm();
      await form.fill();
      await form.schedule();
      expect(await screen.findByRole('alert')).toHaveTextContent('The API is unreachable.');

      await form.schedule();

      expect(await screen.findByText(/^Call to \+1 415 555 0123 scheduled for/)).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  });

  describe('errors from the API', () => {
    it('shows a field error next to its field and keeps everything typed', async () => {
      fetchMock.mockResolvedValueOnce(
        apiErrorResponse(400, 'phoneNumber is not a valid phone number for US', [
          { field: 'phoneNumber', message: 'phoneNumber is not a valid phone number for US' },
        ]),
      );
      const { form } = renderForm();
      const time = `${nextDateIn('winter')}T10:00`;
      await form.fill({ time, note: 'Ask for Sam' });

      await form.schedule();

      await waitFor(() => expect(form.phone()).toHaveAttribute('aria-invalid', 'true'));
      expect(form.phone()).toHaveAccessibleDescription(expect.stringContaining('This is not a valid phone number for US'));
      expect(form.phone()).toHaveFocus();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(form.phone()).toHaveValue('415 555 0123');
      expect(form.time()).toHaveValue(time);
      expect(form.note()).toHaveValue('Ask for Sam');
    });

    it("drops the API's phone error once another country is chosen, since the digits now mean another number", async () => {
      fetchMock.mockResolvedValueOnce(
        apiErrorResponse(400, 'phoneNumber is not a valid phone number for US', [
          { field: 'phoneNumber', message: 'phoneNumber is not a valid phone number for US' },
        ]),
      );
      const { form, user } = renderForm();
      await form.fill();
      await form.schedule();
      await waitFor(() => expect(form.phone()).toHaveAttribute('aria-invalid', 'true'));

      await user.selectOptions(form.country(), 'GB');

      expect(screen.queryByText('This is not a valid phone number for US')).not.toBeInTheDocument();
    });

    it('shows an error for a field the form does not have as an alert for the whole form', async () => {
      fetchMock.mockResolvedValueOnce(
        apiErrorResponse(400, 'Validation failed', [{ field: 'callerId', message: 'callerId must not be set' }]),
      );
      const { form } = renderForm();
      await form.fill({ note: 'Ask for Sam' });

      await form.schedule();

      expect(await screen.findByRole('alert')).toHaveTextContent('callerId must not be set');
      expect(form.phone()).toHaveAttribute('aria-invalid', 'false');
      expect(form.phone()).toHaveValue('415 555 0123');
      expect(form.note()).toHaveValue('Ask for Sam');
    });

    it('shows the message of an error about no field', async () => {
      fetchMock.mockResolvedValueOnce(apiErrorResponse(422, 'Idempotency-Key was used with another request'));
      const { form } = renderForm();
      await form.fill();

      await form.schedule();

      expect(await screen.findByRole('alert')).toHaveTextContent('Idempotency-Key was used with another request');
    });
  });

  it('clears the call fields on success and offers to follow the call', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(makeCall({ id: 'new-call' }), 201));
    const { form } = renderForm();
    await form.fill({ note: 'Ask for Sam' });

    await form.schedule();

    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(/^Call to \+1 415 555 0123 scheduled for .+\. Follow it$/));
    expect(screen.getByRole('link', { name: 'Follow it' })).toHaveAttribute('href', '#call=new-call');
    expect(form.phone()).toHaveValue('');
    expect(form.time()).toHaveValue('');
    expect(form.note()).toHaveValue('');
    expect(form.attempts()).toHaveValue(3);
    expect(form.phone()).toHaveAttribute('aria-invalid', 'false');
  });

  describe('calling hours, deadline and repeat', () => {
    it("sends its own hours in the callee's zone and a deadline with the call", async () => {
      fetchMock.mockResolvedValueOnce(jsonResponse(makeCall(), 201));
      const { user, form } = renderForm('Europe/Berlin');
      const day = nextDateIn('winter');
      await form.fill({ phone: '+1 312 555 0123', time: `${day}T10:00` });
      await user.click(screen.getByText('When it may ring, deadline, repeat'));
      expect(screen.getByLabelText("Callee's time zone")).toHaveAccessibleDescription(expect.stringMatching(/^US has \d+ time zones: choose the callee's\.$/));
      await user.type(screen.getByLabelText("Callee's time zone"), 'America/Chicago');
      await user.click(screen.getByLabelText('Only these hours'));
      await user.click(within(screen.getByRole('group', { name: 'Days' })).getByLabelText('Sat'));
      await user.type(screen.getByLabelText('Give up if not placed by (optional)'), `${day}T18:00`);

      await form.schedule();

      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      expect(sentRequests(fetchMock)[0]!.body).toMatchObject({
        window: { timeZone: 'America/Chicago', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: '08:00', to: '21:00' },
        latestAt: `${day}T18:00:00.000+01:00`,
      });
    });

    it('makes a recurring call at the time picked, previewing its next calls first', async () => {
      const { user, form } = renderForm('America/Los_Angeles');
      const day = nextDateIn('winter');
      await form.fill({ phone: '+1 415 555 0123', time: `${day}T09:30` });
      await user.click(screen.getByText('When it may ring, deadline, repeat'));
      await user.selectOptions(screen.getByLabelText('Repeat'), 'weekdays');

      const preview = screen.getByRole('list', { name: 'Next calls:' });
      expect(within(preview).getAllByRole('listitem')).toHaveLength(5);
      expect(within(preview).getAllByRole('listitem').every((item) => /9:30/.test(item.textContent ?? ''))).toBe(true);

      fetchMock.mockResolvedValueOnce(
        jsonResponse({ id: 's-1', phoneNumber: '+14155550123', cron: '30 9 * * mon-fri', intervalSeconds: null, timeZone: 'America/Los_Angeles', nextRunTimes: [] }, 201),
      );
      await form.schedule();

      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      expect(sentRequests(fetchMock)[0]).toMatchObject({
        url: '/api/schedules',
        method: 'POST',
        body: { phoneNumber: '+14155550123', timeZone: 'America/Los_Angeles', cron: '30 9 * * mon-fri', startAt: `${day}T09:30:00.000-08:00`, maxAttempts: 3 },
      });
      expect(await screen.findByText(/Recurring call to .*: Weekdays at 09:30 \(America\/Los_Angeles\)\./)).toBeVisible();
      expect(screen.getByRole('link', { name: 'See it' })).toHaveAttribute('href', '#schedules');
    });

    it('shows a cron expression the API cannot read under its field, and sends nothing', async () => {
      const { user, form } = renderForm();
      await form.fill({ time: '' });
      await user.click(screen.getByText('When it may ring, deadline, repeat'));
      await user.selectOptions(screen.getByLabelText('Repeat'), 'cron');
      await user.type(screen.getByLabelText('Cron expression, in your time zone'), '0 9 * *');

      await form.startNow();

      expect(fetchMock).not.toHaveBeenCalled();
      expect(screen.getByLabelText('Cron expression, in your time zone')).toHaveAccessibleDescription(expect.stringContaining('five fields'));
    });
  });

  describe('for a viewer', () => {
    it('disables every field and button and says why', () => {
      renderWithProviders(<CallForm defaultWindow={null} />, { role: 'viewer' });
      const form = screen.getByRole('form', { name: 'New call' });

      expect(within(form).getByText('Viewers can only read calls.')).toBeVisible();
      for (const name of ['Schedule', 'Start now']) {
        expect(within(form).getByRole('button', { name })).toBeDisabled();
        expect(within(form).getByRole('button', { name })).toHaveAccessibleDescription('Viewers can only read calls.');
      }
      expect(within(form).getByLabelText('Phone number')).toBeDisabled();
      expect(within(form).getByLabelText('Date and time (for Schedule)')).toBeDisabled();
    });
  });
});
