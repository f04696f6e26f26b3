import { checkCallBatchRow, describeCallBatchRow } from './call-batch-csv';

const problemsOf = (record: Record<string, string>) => checkCallBatchRow({ phoneNumber: '+14155550123', ...record }).problems?.map(({ message }) => message) ?? [];

describe('checkCallBatchRow', () => {
  it('reads a row as the call to create: the number in E.164, whole numbers as numbers, empty values left out', () => {
    expect(
      checkCallBatchRow({ phoneNumber: '+1 (415) 555-0123', scheduledAt: '2030-01-31T09:30:00-08:00', note: '', maxAttempts: '5', retryDelaySeconds: '', latestAt: '2030-01-31t17:00z', clientRef: 'crm-42' }),
    ).toEqual({
      value: { phoneNumber: '+14155550123', scheduledAt: '2030-01-31T09:30:00-08:00', maxAttempts: 5, latestAt: '2030-01-31t17:00z', clientRef: 'crm-42' },
    });
  });

  it('wants a number with its country code, as the API does', () => {
    expect(problemsOf({ phoneNumber: '' })).toEqual(['phoneNumber is empty']);
    expect(problemsOf({ phoneNumber: '415 555 0123' })).toEqual(['phoneNumber must start with + and the country code, e.g. +14155550123']);
  });

  it.each(['2030-01-31T09:30:00+0100', '2030-01-31T09:30Z', '2030-01-31T09:30:00.123456789+05:30'])('takes the time %p', (scheduledAt) => {
    expect(problemsOf({ scheduledAt, latestAt: scheduledAt })).toEqual([]);
  });

  it.each(['2030-01-31 09:30', '2030-01-31T09:30:00', '2030-02-30T09:30:00Z', '2030-01-31T25:00:00Z', 'tomorrow'])('refuses the time %p', (value) => {
    const problem = 'must be a date and time in ISO 8601 with the offset, such as 2030-01-31T09:30:00-08:00';
    expect(problemsOf({ scheduledAt: value, latestAt: value })).toEqual([`scheduledAt ${problem}`, `latestAt ${problem}`]);
  });

  it('keeps attempts and their delay within the API’s limits, and texts within their lengths', () => {
    expect(problemsOf({ maxAttempts: '0', retryDelaySeconds: '86401' })).toEqual([
      'maxAttempts must be a whole number from 1 to 10',
      'retryDelaySeconds must be a whole number from 1 to 86400',
    ]);
    expect(problemsOf({ maxAttempts: '2.5', retryDelaySeconds: '-1' })).toHaveLength(2);
    expect(problemsOf({ note: 'n'.repeat(501), clientRef: 'r'.repeat(101) })).toEqual(['note is longer than 500 characters', 'clientRef is longer than 100 characters']);
    expect(problemsOf({ maxAttempts: '10', retryDelaySeconds: '86400', note: 'n'.repeat(500), clientRef: 'r'.repeat(100) })).toEqual([]);
  });
});

describe('describeCallBatchRow', () => {
  it('links a created row to its call, and gives a refused one the server’s problems', () => {
    expect(describeCallBatchRow({ row: 0, clientRef: null, status: 'created', callId: 'call-1' })).toEqual({
      status: 'done',
      label: 'Created',
      link: { href: '#call=call-1', text: 'Open the call' },
    });
    const errors = [{ field: 'scheduledAt', message: 'scheduledAt must not be in the past' }];
    expect(describeCallBatchRow({ row: 1, clientRef: 'a', status: 'rejected', errors })).toEqual({ status: 'refused', problems: errors });
  });
});
