import { callIdForScheduledRun, cronProblem, previewScheduleRuns } from './schedule-runs';

const timing = { cron: null, intervalSeconds: null, timeZone: 'UTC', startAt: null, endAt: null };

describe('previewScheduleRuns', () => {
  it('reads a cron expression in its zone, across a DST change', () => {
    const runs = previewScheduleRuns({ ...timing, cron: '0 9 * * *', timeZone: 'America/New_York' }, new Date('2026-03-06T20:00:00Z'), 3);
    expect(runs).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('names weekdays', () => {
    const runs = previewScheduleRuns({ ...timing, cron: '30 8 * * mon-fri', timeZone: 'Europe/London' }, new Date('2026-12-04T12:00:00Z'), 2);
    expect(runs).toEqual(['2026-12-07T08:30:00.000Z', '2026-12-08T08:30:00.000Z']);
  });

  it('puts intervals on multiples of the interval since the epoch, from startAt, until endAt', () => {
    const runs = previewScheduleRuns(
      { ...timing, intervalSeconds: 3_600, startAt: '2030-01-01T10:30:00Z', endAt: '2030-01-01T13:00:00Z' },
      new Date('2026-12-01T00:00:00Z'),
      5,
    );
    expect(runs).toEqual(['2030-01-01T11:00:00.000Z', '2030-01-01T12:00:00.000Z', '2030-01-01T13:00:00.000Z']);
  });
});

describe('cronProblem', () => {
  it.each(['0 9 * * *', '*/15 8-17 * * mon-fri', '0 0 1 * *'])('takes %s', (cron) => {
    expect(cronProblem(cron)).toBeNull();
  });

  it.each([
    ['0 9 * *', 'five fields'],
    ['0 9 * * * *', 'five fields'],
    ['61 9 * * *', 'is not a cron expression'],
    ['every day', 'five fields'],
  ])('refuses %s', (cron, problem) => {
    expect(cronProblem(cron)).toContain(problem);
  });
});

describe('callIdForScheduledRun', () => {
  it('gives a run fired twice the same call, and each run its own', () => {
    const run = 'scheduled-call-abc-2026-12-02T09:00:00Z';
    expect(callIdForScheduledRun(run)).toBe(callIdForScheduledRun(run));
    expect(callIdForScheduledRun(run)).not.toBe(callIdForScheduledRun('scheduled-call-abc-2026-12-03T09:00:00Z'));
    expect(callIdForScheduledRun(run)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
