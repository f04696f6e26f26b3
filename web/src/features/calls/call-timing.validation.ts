import {
  calleeTimeZones,
  cronProblem,
  inferCalleeTimeZone,
  isTimeZone,
  WEEKDAYS,
  type CallingWindow,
  type DefaultCallingWindow,
  type ScheduleTiming,
  type Weekday,
} from '@call-scheduler/shared';
import { TZDate } from '@date-fns/tz';
import { fromLocalInputValue } from '../../lib/date-time';

/** Whose hours a call keeps: the account's default window, none, or its own. */
export type WindowMode = 'default' | 'any' | 'custom';
/** Whether the call repeats: at the time picked every day, every weekday or every week, or by a cron expression. */
export type Repeat = 'none' | 'daily' | 'weekdays' | 'weekly' | 'cron';

export interface CallTimingValues {
  /** The callee's IANA zone; empty: inferred from the number. */
  calleeTimeZone: string;
  windowMode: WindowMode;
  days: Weekday[];
  from: string;
  to: string;
  /** A datetime-local value in the operator's zone; empty for no deadline. */
  latestAt: string;
  repeat: Repeat;
  cron: string;
}

export type CallTimingField = 'calleeTimeZone' | 'days' | 'from' | 'to' | 'latestAt' | 'repeat' | 'cron';
export type CallTimingErrors = Partial<Record<CallTimingField, string>>;

export interface CallTimingContext {
  now: Date;
  /** The operator's zone, which the form's times and a repeat's time of day are read in. */
  timeZone: string;
  /** The number, once it reads as one. */
  e164: string | null;
  defaultWindow: DefaultCallingWindow | null;
  /** The instant the call is scheduled for; null: now. */
  scheduledAt: string | null;
}

/** What the timing adds to a request: the window (absent: the account's default, as the API infers it), the deadline, the repeat. */
export interface CallTiming {
  window?: Partial<CallingWindow> | null;
  latestAt?: string;
  repeat: ScheduleTiming | null;
}

export const API_FIELD_OF_TIMING_FIELD: Record<string, CallTimingField> = {
  'window.timeZone': 'calleeTimeZone',
  'window.days': 'days',
  'window.from': 'from',
  'window.to': 'to',
  latestAt: 'latestAt',
  cron: 'cron',
  timeZone: 'calleeTimeZone',
};

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function initialCallTiming(defaultWindow: DefaultCallingWindow | null): CallTimingValues {
  return {
    calleeTimeZone: '',
    windowMode: defaultWindow ? 'default' : 'any',
    days: defaultWindow?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
    from: defaultWindow?.from ?? '08:00',
    to: defaultWindow?.to ?? '21:00',
    latestAt: '',
    repeat: 'none',
    cron: '',
  };
}

/** The callee's zone: the one given, else the number's country's, if it keeps one time. */
export function calleeZoneOf(values: Pick<CallTimingValues, 'calleeTimeZone'>, e164: string | null): string | undefined {
  return values.calleeTimeZone.trim() || (e164 ? inferCalleeTimeZone(e164) : undefined);
}

/** Where the callee's zone comes from, in words, for the field's hint. */
export function describeCalleeZone(values: Pick<CallTimingValues, 'calleeTimeZone'>, e164: string | null): string {
  if (values.calleeTimeZone.trim()) return 'As given.';
  if (!e164) return "Inferred from the number where its country keeps one time.";
  const inferred = inferCalleeTimeZone(e164);
  if (inferred) return `Inferred from the number: ${inferred}.`;
  const { country, zones } = calleeTimeZones(e164);
  return country ? `${country} has ${zones.length} time zones: choose the callee's.` : "No country is known for this number: choose the callee's zone.";
}

export function checkCallTiming(values: CallTimingValues, context: CallTimingContext): { timing: CallTiming; errors?: never } | { timing?: never; errors: CallTimingErrors } {
  const errors: CallTimingErrors = {};
  const given = values.calleeTimeZone.trim();
  if (given && !isTimeZone(given)) errors.calleeTimeZone = 'Enter an IANA time zone such as America/Chicago.';
  const zone = calleeZoneOf(values, context.e164);
  const window = checkWindow(values, context, zone, errors);
  const latestAt = checkLatestAt(values, context, errors);
  const repeat = checkRepeat(values, context, errors);
  if (Object.keys(errors).length > 0) return { errors };
  return { timing: { ...(window === undefined ? {} : { window }), ...(latestAt ? { latestAt } : {}), repeat } };
}

function checkWindow(values: CallTimingValues, context: CallTimingContext, zone: string | undefined, errors: CallTimingErrors): CallTiming['window'] {
  const mode = values.windowMode === 'default' && !context.defaultWindow ? 'any' : values.windowMode;
  // Any hour is what a call without a window does, unless the account has hours to leave out.
  if (mode === 'any') return context.defaultWindow ? null : undefined;
  // A repeat's window would otherwise be read in the operator's zone, the schedule's.
  const zoneNeeded = mode === 'custom' || values.repeat !== 'none' || values.calleeTimeZone.trim() !== '';
  if (!zone && context.e164 && !errors.calleeTimeZone) errors.calleeTimeZone = describeCalleeZone(values, context.e164);
  if (mode === 'default') return zoneNeeded && zone ? { timeZone: zone } : undefined;
  if (values.days.length === 0) errors.days = 'Pick at least one day.';
  if (!LOCAL_TIME.test(values.from)) errors.from = 'Enter a time such as 08:00.';
  if (!LOCAL_TIME.test(values.to)) errors.to = 'Enter a time such as 21:00.';
  else if (values.from === values.to) errors.to = 'End the window at another time than it starts.';
  const days = WEEKDAYS.filter((day) => values.days.includes(day));
  return { ...(zone ? { timeZone: zone } : {}), days, from: values.from, to: values.to };
}

function checkLatestAt(values: CallTimingValues, context: CallTimingContext, errors: CallTimingErrors): string | undefined {
  if (!values.latestAt) return undefined;
  if (values.repeat !== 'none') {
    errors.latestAt = 'A deadline is for one call: leave it out of a repeating one.';
    return undefined;
  }
  const latestAt = fromLocalInputValue(values.latestAt, context.timeZone);
  if (!latestAt) errors.latestAt = 'Enter a complete date and time.';
  else if (Date.parse(latestAt) <= Math.max(context.now.getTime(), Date.parse(context.scheduledAt ?? '0'))) errors.latestAt = 'Pick a time after the call is due.';
  return latestAt ?? undefined;
}

function checkRepeat(values: CallTimingValues, context: CallTimingContext, errors: CallTimingErrors): ScheduleTiming | null {
  if (values.repeat === 'none') return null;
  const timing = { intervalSeconds: null, timeZone: context.timeZone, endAt: null };
  if (values.repeat === 'cron') {
    const problem = cronProblem(values.cron);
    if (problem) errors.cron = `The expression ${problem}.`;
    return { ...timing, cron: values.cron.trim(), startAt: null };
  }
  if (!context.scheduledAt) {
    errors.repeat = 'Pick the date and time of the first call: it repeats at that time.';
    return null;
  }
  const start = new TZDate(Date.parse(context.scheduledAt), context.timeZone);
  const atTime = `${start.getMinutes()} ${start.getHours()} * *`;
  const cron = { daily: `${atTime} *`, weekdays: `${atTime} mon-fri`, weekly: `${atTime} ${WEEKDAYS[(start.getDay() + 6) % 7]}` }[values.repeat];
  return { ...timing, cron, startAt: context.scheduledAt };
}
