import { checkCallTiming, describeCalleeZone, initialCallTiming, type CallTimingContext, type CallTimingValues } from './call-timing.validation';

const OFFICE = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '08:00', to: '21:00' };
const NOW = new Date('2026-11-25T10:00:00.000Z');
const BERLIN = '+4930901820';
const CHICAGO = '+13125550123';

function context(overrides: Partial<CallTimingContext> = {}): CallTimingContext {
  return { now: NOW, timeZone: 'Europe/London', e164: BERLIN, defaultWindow: null, scheduledAt: '2026-11-26T09:30:00.000Z', ...overrides };
}

function values(overrides: Partial<CallTimingValues> = {}): CallTimingValues {
  return { ...initialCallTiming(null), ...overrides };
}

describe('checkCallTiming', () => {
  it('rings at any hour, once, without a default window', () => {
    expect(checkCallTiming(values(), context())).toEqual({ timing: { repeat: null } });
  });

  it("leaves the account's default out for any hour", () => {
    const withDefault = context({ defaultWindow: { ...OFFICE, days: [...OFFICE.days] } });
    expect(checkCallTiming(values({ windowMode: 'any' }), withDefault)).toEqual({ timing: { window: null, repeat: null } });
  });

  it("leaves the account's default to the API, unless the callee's zone must go with it", () => {
    const withDefault = context({ defaultWindow: { ...OFFICE, days: [...OFFICE.days] } });
    expect(checkCallTiming(values({ windowMode: 'default' }), withDefault)).toEqual({ timing: { repeat: null } });
    expect(checkCallTiming(values({ windowMode: 'default', calleeTimeZone: 'Europe/Paris' }), withDefault)).toEqual({
      timing: { window: { timeZone: 'Europe/Paris' }, repeat: null },
    });
    expect(checkCallTiming(values({ windowMode: 'default' }), { ...withDefault, e164: CHICAGO }).errors).toEqual({
      calleeTimeZone: expect.stringMatching(/^US has \d+ time zones: choose the callee's\.$/),
    });
  });

  it("builds its own window in the callee's zone, inferred or given", () => {
    expect(checkCallTiming(values({ windowMode: 'custom', days: ['fri', 'mon'], from: '09:00', to: '17:00' }), context()).timing?.window).toEqual({
      timeZone: 'Europe/Berlin',
      days: ['mon', 'fri'],
      from: '09:00',
      to: '17:00',
    });
    expect(checkCallTiming(values({ windowMode: 'custom', days: [], from: '9', to: '9' }), context()).errors).toEqual({
      days: 'Pick at least one day.',
      from: 'Enter a time such as 08:00.',
      to: 'Enter a time such as 21:00.',
    });
    expect(checkCallTiming(values({ windowMode: 'custom', from: '09:00', to: '09:00' }), context()).errors).toEqual({
      to: 'End the window at another time than it starts.',
    });
    expect(checkCallTiming(values({ calleeTimeZone: 'Mars/Olympus' }), context()).errors).toEqual({ calleeTimeZone: 'Enter an IANA time zone such as America/Chicago.' });
  });

  it('reads the deadline in the operator\'s zone, after the call is due', () => {
    expect(checkCallTiming(values({ latestAt: '2026-11-26T12:00' }), context()).timing?.latestAt).toBe('2026-11-26T12:00:00.000+00:00');
    expect(checkCallTiming(values({ latestAt: '2026-11-26T09:00' }), context()).errors).toEqual({ latestAt: 'Pick a time after the call is due.' });
  });

  it("repeats at the first call's time of day, in the operator's zone", () => {
    const ctx = context({ timeZone: 'America/New_York', scheduledAt: '2026-11-27T14:30:00.000Z' });
    const repeat = (kind: CallTimingValues['repeat']) => checkCallTiming(values({ repeat: kind }), ctx).timing?.repeat;
    const timing = { intervalSeconds: null, timeZone: 'America/New_York', startAt: '2026-11-27T14:30:00.000Z', endAt: null };
    expect(repeat('daily')).toEqual({ ...timing, cron: '30 9 * * *' });
    expect(repeat('weekdays')).toEqual({ ...timing, cron: '30 9 * * mon-fri' });
    expect(repeat('weekly')).toEqual({ ...timing, cron: '30 9 * * fri' });
    expect(checkCallTiming(values({ repeat: 'cron', cron: '0 8 * * sat' }), ctx).timing?.repeat).toEqual({ ...timing, cron: '0 8 * * sat', startAt: null });
  });

  it('refuses a repeat without a first time, a bad cron expression, and a deadline on a repeat', () => {
    expect(checkCallTiming(values({ repeat: 'daily' }), context({ scheduledAt: null })).errors).toEqual({ repeat: expect.stringContaining('Pick the date and time') });
    expect(checkCallTiming(values({ repeat: 'cron', cron: '0 9 * *' }), context()).errors).toEqual({ cron: expect.stringContaining('five fields') });
    expect(checkCallTiming(values({ repeat: 'daily', latestAt: '2026-11-26T12:00' }), context()).errors).toEqual({ latestAt: expect.stringContaining('leave it out') });
  });
});

describe('describeCalleeZone', () => {
  it('says where the zone comes from', () => {
    expect(describeCalleeZone({ calleeTimeZone: '' }, BERLIN)).toBe('Inferred from the number: Europe/Berlin.');
    expect(describeCalleeZone({ calleeTimeZone: 'Europe/Paris' }, BERLIN)).toBe('As given.');
  });
});
