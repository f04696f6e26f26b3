import { IANAZone } from 'luxon';
import { WEEKDAYS } from './calling-window';

export type FieldProblem = { field: string; message: string };

const FIELDS = ['timeZone', 'days', 'from', 'to'];
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a calling window sent to the API, each problem naming its field; [] when it is valid. */
export function callingWindowProblems(window: unknown): FieldProblem[] {
  if (typeof window !== 'object' || window === null || Array.isArray(window)) {
    return [{ field: 'window', message: 'window must be an object with timeZone, days, from and to' }];
  }
  const { timeZone, days, from, to } = window as Record<string, unknown>;
  return [
    ...Object.keys(window)
      .filter((key) => !FIELDS.includes(key))
      .map((key) => problem(key, 'is not an accepted field; a window has timeZone, days, from and to')),
    ...timeZoneProblems(timeZone),
    ...daysProblems(days),
    ...localTimeProblems('from', from),
    ...localTimeProblems('to', to),
    ...(typeof from === 'string' && LOCAL_TIME.test(from) && from === to ? [problem('to', 'must differ from window.from')] : []),
  ];
}

/** Whether the value names an IANA time zone this runtime knows. */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && IANAZone.isValidZone(value);
}

function timeZoneProblems(timeZone: unknown): FieldProblem[] {
  if (isTimeZone(timeZone)) return [];
  return [problem('timeZone', 'must be an IANA time zone such as America/Chicago')];
}

function daysProblems(days: unknown): FieldProblem[] {
  if (!Array.isArray(days) || days.length === 0) {
    return [problem('days', `must be a non-empty list of days from ${WEEKDAYS.join(', ')}`)];
  }
  const unknown = days.filter((day) => !WEEKDAYS.includes(day));
  if (unknown.length > 0) {
    return [problem('days', `must hold only ${WEEKDAYS.join(', ')}, not ${unknown.map((day) => JSON.stringify(day)).join(', ')}`)];
  }
  return new Set(days).size < days.length ? [problem('days', 'must name each day once')] : [];
}

function localTimeProblems(field: 'from' | 'to', time: unknown): FieldProblem[] {
  if (typeof time === 'string' && LOCAL_TIME.test(time)) return [];
  return [problem(field, 'must be a local time HH:mm from 00:00 to 23:59, such as 09:00')];
}

function problem(field: string, text: string): FieldProblem {
  return { field: `window.${field}`, message: `window.${field} ${text}` };
}

/**
 * What is wrong with an account's default window, a body of its own: a calling window without a zone, since
 * each callee's applies. Its fields are named as the body's, without `window.`.
 */
export function defaultCallingWindowProblems(window: unknown): FieldProblem[] {
  if (typeof window !== 'object' || window === null || Array.isArray(window)) return callingWindowProblems(window);
  if ('timeZone' in window) return [{ field: 'timeZone', message: "timeZone is not accepted: a default window is read on each callee's own clock" }];
  return callingWindowProblems({ ...window, timeZone: 'UTC' }).map(({ field, message }) => ({
    field: field.replace(/^window\./, ''),
    message: message.replace(/^window\./, ''),
  }));
}
