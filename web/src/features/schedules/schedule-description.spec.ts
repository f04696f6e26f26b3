import { describeScheduleTiming } from './schedule-description';

describe('describeScheduleTiming', () => {
  it.each([
    [{ cron: '30 9 * * *', intervalSeconds: null, timeZone: 'UTC' }, 'Every day at 09:30 (UTC)'],
    [{ cron: '0 8 * * mon-fri', intervalSeconds: null, timeZone: 'America/Chicago' }, 'Weekdays at 08:00 (America/Chicago)'],
    [{ cron: '5 17 * * fri', intervalSeconds: null, timeZone: 'Europe/London' }, 'Every Friday at 17:05 (Europe/London)'],
    [{ cron: '*/15 8-17 * * *', intervalSeconds: null, timeZone: 'UTC' }, 'Cron */15 8-17 * * * (UTC)'],
    [{ cron: null, intervalSeconds: 7_200, timeZone: 'UTC' }, 'Every 2 hours'],
    [{ cron: null, intervalSeconds: 86_400, timeZone: 'UTC' }, 'Every day'],
    [{ cron: null, intervalSeconds: 90 * 60, timeZone: 'UTC' }, 'Every 90 minutes'],
  ])('%j reads %s', (timing, text) => {
    expect(describeScheduleTiming(timing)).toBe(text);
  });
});
