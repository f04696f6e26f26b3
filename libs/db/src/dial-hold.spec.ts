import { DEFAULT_DIAL_LIMITS, type DialLimits } from '@call-scheduler/shared';
import { DAY_MS, HOUR_MS, dialHold, type DialUsage } from './dial-hold';

const LIMITS: DialLimits = { dialsPerHour: 20, dialsPerDay: 100, maxConcurrentCalls: 5 };
const ROOM: DialUsage = { hourlyBlocker: null, dailyBlocker: null, inProgress: 0 };
const at = (iso: string) => new Date(iso);

describe('dialHold', () => {
  it.each<[string, DialLimits, DialUsage, ReturnType<typeof dialHold>]>([
    ['room everywhere', LIMITS, ROOM, null],
    ['one call short of the calls in progress', LIMITS, { ...ROOM, inProgress: 4 }, null],
    [
      'the calls in progress at the limit',
      LIMITS,
      { ...ROOM, inProgress: 5 },
      { limit: 'concurrent', reason: "The account's limit of 5 calls in progress at once is reached; room again when one of them ends", retryAt: null },
    ],
    [
      'the hour full, its blocker made at 09:41:30',
      LIMITS,
      { ...ROOM, hourlyBlocker: at('2030-01-01T09:41:30Z') },
      { limit: 'hourly', reason: "The account's limit of 20 dials per hour is reached; room again at 10:42 UTC", retryAt: '2030-01-01T10:41:30.000Z' },
    ],
    [
      'the day full, its blocker made at 23:59:10 the day before',
      LIMITS,
      { ...ROOM, dailyBlocker: at('2029-12-31T23:59:10Z') },
      { limit: 'daily', reason: "The account's limit of 100 dials per day is reached; room again at 2030-01-02 00:00 UTC", retryAt: '2030-01-01T23:59:10.000Z' },
    ],
    [
      'one dial an hour, used',
      { ...LIMITS, dialsPerHour: 1 },
      { ...ROOM, hourlyBlocker: at('2030-01-01T10:00:00Z') },
      { limit: 'hourly', reason: "The account's limit of 1 dial per hour is reached; room again at 11:00 UTC", retryAt: '2030-01-01T11:00:00.000Z' },
    ],
    [
      'no dials allowed per hour',
      { ...LIMITS, dialsPerHour: 0 },
      ROOM,
      { limit: 'hourly', reason: 'The account allows no dials per hour', retryAt: null },
    ],
    [
      'no calls in progress allowed',
      { ...LIMITS, maxConcurrentCalls: 0 },
      ROOM,
      { limit: 'concurrent', reason: 'The account allows no calls in progress', retryAt: null },
    ],
    [
      'one call in progress allowed, and taken',
      { ...LIMITS, maxConcurrentCalls: 1 },
      { ...ROOM, inProgress: 1 },
      { limit: 'concurrent', reason: "The account's limit of 1 call in progress at once is reached; room again when one of them ends", retryAt: null },
    ],
  ])('%s', (_case, limits, usage, expected) => {
    expect(dialHold(limits, usage)).toEqual(expected);
  });

  it('names the window that frees last when both are full, and a window before the calls in progress', () => {
    const hourFreesFirst = { hourlyBlocker: at('2030-01-01T10:00:00Z'), dailyBlocker: at('2029-12-31T12:00:00Z'), inProgress: 5 };
    expect(dialHold(LIMITS, hourFreesFirst)).toMatchObject({ limit: 'daily', retryAt: new Date(Date.parse('2029-12-31T12:00:00Z') + DAY_MS).toISOString() });

    const dayFreesFirst = { hourlyBlocker: at('2030-01-01T10:00:00Z'), dailyBlocker: at('2029-12-31T10:30:00Z'), inProgress: 0 };
    expect(dialHold(LIMITS, dayFreesFirst)).toMatchObject({ limit: 'hourly', retryAt: new Date(Date.parse('2030-01-01T10:00:00Z') + HOUR_MS).toISOString() });
  });

  it('names a limit of zero over any window that frees in time', () => {
    const usage = { ...ROOM, hourlyBlocker: at('2030-01-01T10:00:00Z') };
    expect(dialHold({ ...LIMITS, dialsPerDay: 0 }, usage)).toMatchObject({ limit: 'daily', retryAt: null });
  });

  it('allows a new account its default limits', () => {
    expect(dialHold(DEFAULT_DIAL_LIMITS, { ...ROOM, inProgress: DEFAULT_DIAL_LIMITS.maxConcurrentCalls - 1 })).toBeNull();
  });
});
