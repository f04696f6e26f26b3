import { checkCallForm, type CallFormValues } from './call-form.validation';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const context = { now: NOW, timeZone: 'Europe/Berlin' };

function values(overrides: Partial<CallFormValues> = {}): CallFormValues {
  return { country: 'US', phone: '415 555 0123', scheduledAt: '2026-11-25T12:00', note: '', maxAttempts: '3', retryDelayMinutes: '5', ...overrides };
}

describe('checkCallForm', () => {
  it('builds the request the API expects', () => {
    expect(checkCallForm(values({ note: '  hi ' }), 'schedule', context)).toEqual({
      request: { phoneNumber: '+14155550123', scheduledAt: '2026-11-25T12:00:00.000+01:00', note: 'hi', maxAttempts: 3, retryDelaySeconds: 300 },
    });
  });

  it('leaves the time and an empty note out when starting now', () => {
    expect(checkCallForm(values({ scheduledAt: '2020-01-01T00:00', note: '   ' }), 'start-now', context)).toEqual({
      request: { phoneNumber: '+14155550123', maxAttempts: 3, retryDelaySeconds: 300 },
    });
  });

  it('lets a time a few seconds past through, as the API does', () => {
    expect(checkCallForm(values({ scheduledAt: '2026-11-25T10:59:45' }), 'schedule', context).errors).toBeUndefined();
    expect(checkCallForm(values({ scheduledAt: '2026-11-25T10:59:00' }), 'schedule', context).errors).toEqual({ scheduledAt: 'This time has passed: pick a later one.' });
  });

  it('refuses a time more than a year ahead', () => {
    expect(checkCallForm(values({ scheduledAt: '2027-12-01T10:00' }), 'schedule', context).errors).toEqual({ scheduledAt: 'Pick a time within the next year.' });
  });

  it.each([
    ['maxAttempts', '0', 'Enter a whole number from 1 to 10.'],
    ['maxAttempts', '11', 'Enter a whole number from 1 to 10.'],
    ['maxAttempts', '2.5', 'Enter a whole number from 1 to 10.'],
    ['maxAttempts', '', 'Enter a whole number from 1 to 10.'],
    ['retryDelayMinutes', '0', 'Enter a whole number from 1 to 1440.'],
    ['retryDelayMinutes', '1441', 'Enter a whole number from 1 to 1440.'],
  ] as const)('refuses %s = %j', (field, value, message) => {
    expect(checkCallForm(values({ [field]: value }), 'schedule', context).errors).toEqual({ [field]: message });
  });

  it('refuses a note over 500 characters', () => {
    expect(checkCallForm(values({ note: 'x'.repeat(500) }), 'schedule', context).errors).toBeUndefined();
    expect(checkCallForm(values({ note: 'x'.repeat(501) }), 'schedule', context).errors).toEqual({ note: 'Keep the note to 500 characters.' });
  });

  it('reports every problem at once', () => {
    expect(Object.keys(checkCallForm(values({ phone: '', scheduledAt: '', maxAttempts: 'x' }), 'schedule', context).errors ?? {})).toEqual([
      'phone',
      'scheduledAt',
      'maxAttempts',
    ]);
  });
});
