import { callingWindowProblems, defaultCallingWindowProblems } from './calling-window-problems';

const valid = { timeZone: 'America/Chicago', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' };

describe('callingWindowProblems', () => {
  it.each([
    ['office hours', valid],
    ['a window past midnight', { ...valid, from: '22:00', to: '02:00' }],
    ['the widest times', { ...valid, days: ['sun'], from: '00:00', to: '23:59' }],
  ])('finds none in %s', (_case, window) => {
    expect(callingWindowProblems(window)).toEqual([]);
  });

  it.each([null, 'mon-fri 9-5', ['mon'], 42])('asks for an object instead of %p', (window) => {
    expect(callingWindowProblems(window)).toEqual([{ field: 'window', message: 'window must be an object with timeZone, days, from and to' }]);
  });

  it.each([
    ['a made-up time zone', { timeZone: 'Fantasia/Castle' }, 'window.timeZone', 'window.timeZone must be an IANA time zone such as America/Chicago'],
    ['an offset for a time zone', { timeZone: '-05:00' }, 'window.timeZone', 'window.timeZone must be an IANA time zone such as America/Chicago'],
    ['no time zone', { timeZone: undefined }, 'window.timeZone', 'window.timeZone must be an IANA time zone such as America/Chicago'],
    ['no days', { days: [] }, 'window.days', 'window.days must be a non-empty list of days from mon, tue, wed, thu, fri, sat, sun'],
    ['days as a string', { days: 'mon' }, 'window.days', 'window.days must be a non-empty list of days from mon, tue, wed, thu, fri, sat, sun'],
    ['a day spelt out', { days: ['mon', 'Tuesday'] }, 'window.days', 'window.days must hold only mon, tue, wed, thu, fri, sat, sun, not "Tuesday"'],
    ['a day twice', { days: ['mon', 'tue', 'mon'] }, 'window.days', 'window.days must name each day once'],
    ['an hour past 23', { from: '24:00' }, 'window.from', 'window.from must be a local time HH:mm from 00:00 to 23:59, such as 09:00'],
    ['a one-digit hour', { from: '9:00' }, 'window.from', 'window.from must be a local time HH:mm from 00:00 to 23:59, such as 09:00'],
    ['seconds', { to: '17:00:00' }, 'window.to', 'window.to must be a local time HH:mm from 00:00 to 23:59, such as 09:00'],
    ['a number for a time', { to: 1700 }, 'window.to', 'window.to must be a local time HH:mm from 00:00 to 23:59, such as 09:00'],
    ['the same opening and closing', { from: '09:00', to: '09:00' }, 'window.to', 'window.to must differ from window.from'],
    ['an unknown key', { start: '09:00' }, 'window.start', 'window.start is not an accepted field; a window has timeZone, days, from and to'],
  ])('names the field for %s', (_case, change, field, message) => {
    expect(callingWindowProblems({ ...valid, ...change })).toEqual([{ field, message }]);
  });

  it('names every bad field at once', () => {
    expect(callingWindowProblems({ timeZone: 'EST5', days: ['funday'], from: 'noon' }).map((p) => p.field)).toEqual([
      'window.timeZone',
      'window.days',
      'window.from',
      'window.to',
    ]);
  });
});

describe('defaultCallingWindowProblems', () => {
  it('takes days and hours without a zone', () => {
    expect(defaultCallingWindowProblems({ days: ['mon'], from: '08:00', to: '21:00' })).toEqual([]);
  });

  it('refuses a zone, which each callee brings', () => {
    expect(defaultCallingWindowProblems({ timeZone: 'UTC', days: ['mon'], from: '08:00', to: '21:00' })).toEqual([
      { field: 'timeZone', message: expect.stringContaining('timeZone is not accepted') },
    ]);
  });

  it('names what is wrong with the rest', () => {
    expect(defaultCallingWindowProblems({ days: [], from: '8', to: '21:00' })).toEqual([
      { field: 'days', message: expect.stringMatching(/^days must be/) },
      { field: 'from', message: expect.stringMatching(/^from must be/) },
    ]);
  });
});
