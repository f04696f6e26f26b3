import { describeTimeZone, formatDateTime, formatRelative, formatTimeOfDay, fromLocalInputValue, toLocalInputValue } from './date-time';

// 20:00 UTC on 15 Jan 2026: 21:00 in Berlin, 15:00 in New York, 01:30 the next day in Kolkata.
const INSTANT = '2026-01-15T20:00:00.000Z';

describe('formatDateTime', () => {
  it('shows the same instant as each zone reads it', () => {
    const berlin = formatDateTime(INSTANT, 'Europe/Berlin');
    const newYork = formatDateTime(INSTANT, 'America/New_York');
    const kolkata = formatDateTime(INSTANT, 'Asia/Kolkata');

    expect(berlin).toMatch(/\b(9:00\s?PM|21:00)\b/);
    expect(berlin).toMatch(/15/);
    expect(newYork).toMatch(/\b(3:00\s?PM|15:00)\b/);
    expect(kolkata).toMatch(/\b(1:30\s?AM|01:30)\b/);
    expect(kolkata).toMatch(/16/);
    expect(new Set([berlin, newYork, kolkata]).size).toBe(3);
  });

  it('takes a Date as well as an ISO string', () => {
    expect(formatDateTime(new Date(INSTANT), 'Asia/Kolkata')).toBe(formatDateTime(INSTANT, 'Asia/Kolkata'));
  });
});

describe('formatTimeOfDay', () => {
  it('shows the time with seconds in the zone', () => {
    expect(formatTimeOfDay('2026-01-15T20:00:04.000Z', 'Europe/Berlin')).toMatch(/\b(9:00:04\s?PM|21:00:04)\b/);
    expect(formatTimeOfDay('2026-01-15T20:00:04.000Z', 'Asia/Kolkata')).toMatch(/\b(1:30:04\s?AM|01:30:04)\b/);
  });
});

describe('toLocalInputValue', () => {
  it('gives the wall time a datetime-local input shows in each zone', () => {
    expect(toLocalInputValue(INSTANT, 'Europe/Berlin')).toBe('2026-01-15T21:00');
    expect(toLocalInputValue(INSTANT, 'America/New_York')).toBe('2026-01-15T15:00');
    expect(toLocalInputValue(INSTANT, 'Asia/Kolkata')).toBe('2026-01-16T01:30');
  });

  it('shows both readings of the hour that repeats when Berlin turns its clocks back', () => {
    // 25 Oct 2026 03:00 CEST becomes 02:00 CET: 02:30 happens at 00:30 UTC and again at 01:30 UTC.
    expect(toLocalInputValue('2026-10-25T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(toLocalInputValue('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
  });
});

describe('fromLocalInputValue', () => {
  it('reads a wall time in the zone given and keeps that zone offset in the ISO string', () => {
    expect(fromLocalInputValue('2027-01-15T10:00', 'America/Los_Angeles')).toBe('2027-01-15T10:00:00.000-08:00');
    expect(fromLocalInputValue('2027-07-15T10:00', 'America/Los_Angeles')).toBe('2027-07-15T10:00:00.000-07:00');
    expect(fromLocalInputValue('2027-01-15T10:00', 'Asia/Kolkata')).toBe('2027-01-15T10:00:00.000+05:30');
    expect(fromLocalInputValue('2027-01-15T10:00:30', 'Europe/Berlin')).toBe('2027-01-15T10:00:30.000+01:00');
  });

  it('undoes toLocalInputValue', () => {
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      expect(Date.parse(fromLocalInputValue(toLocalInputValue(INSTANT, timeZone), timeZone)!)).toBe(Date.parse(INSTANT));
    }
  });

  it('returns null for anything but a complete date and time', () => {
    for (const value of ['', '2027-01-15', '2027-01-15T10', '10:00', 'tomorrow at ten']) {
      expect(fromLocalInputValue(value, 'Europe/Berlin')).toBeNull();
    }
  });

  describe('around the DST changes in Europe/Berlin', () => {
    const instantOf = (value: string) => new Date(fromLocalInputValue(value, 'Europe/Berlin')!).toISOString();

    it('keeps the winter offset up to the spring change and the summer one after it', () => {
      expect(fromLocalInputValue('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T01:59:00.000+01:00');
      expect(fromLocalInputValue('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T03:00:00.000+02:00');
    });

    it('moves a wall time in the skipped spring hour forward by the gap', () => {
      // 02:00 CET does not happen: the clocks go to 03:00 CEST. 02:30 means 03:30 CEST.
      expect(fromLocalInputValue('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00.000+02:00');
      expect(instantOf('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
    });

    it('keeps the summer offset before the autumn change and the winter one after it', () => {
      expect(instantOf('2026-10-25T01:30')).toBe('2026-10-24T23:30:00.000Z');
      expect(instantOf('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
      expect(instantOf('2026-10-25T03:30')).toBe('2026-10-25T02:30:00.000Z');
    });

    it('reads a wall time of the repeated autumn hour as its first occurrence, whatever zone the machine is in', () => {
      // As Date does in its own zone: 02:30 is first reached at 02:30 CEST (00:30 UTC).
      expect(fromLocalInputValue('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000+02:00');
      expect(instantOf('2026-10-25T02:00')).toBe('2026-10-25T00:00:00.000Z');
    });
  });
});

describe('describeTimeZone', () => {
  it('names the zone with its offset at the given moment', () => {
    expect(describeTimeZone('Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe('Europe/Berlin (GMT+01:00)');
    expect(describeTimeZone('Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe('Europe/Berlin (GMT+02:00)');
    expect(describeTimeZone('America/Los_Angeles', new Date('2026-01-15T12:00:00Z'))).toBe('America/Los Angeles (GMT-08:00)');
    expect(describeTimeZone('Asia/Kolkata', new Date('2026-01-15T12:00:00Z'))).toBe('Asia/Kolkata (GMT+05:30)');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-25T10:00:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  it('says how far ahead or behind, in the largest whole unit', () => {
    expect(formatRelative(at(4 * 60 + 59), now)).toMatch(/^in 4 min\.?$/);
    expect(formatRelative(at(-2 * 60 * 60 - 30 * 60), now)).toMatch(/^2 hr\.? ago$/);
    expect(formatRelative(at(-30), now)).toMatch(/^30 sec\.? ago$/);
    expect(formatRelative(at(3 * 24 * 60 * 60), now)).toMatch(/^in 3 days$/);
  });

  it('says "now" under a second away', () => {
    expect(formatRelative(now, now)).toBe('now');
    expect(formatRelative(at(0.5), now)).toBe('now');
  });

  it('takes the ISO strings the API sends', () => {
    expect(formatRelative('2026-11-25T10:04:00.000Z', now)).toMatch(/^in 4 min\.?$/);
  });
});
