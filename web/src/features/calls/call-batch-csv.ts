import { CALL_BATCH_LIMITS, CALL_LIMITS, checkPhoneNumber, type CallBatchRow, type CallBatchRowResult } from '@call-scheduler/shared';
import type { CsvColumn, CsvRecord } from '../../components/csv-import/csv-columns';
import type { RowOutcome } from '../../components/csv-import/report';
import type { RowCheck, RowProblem } from '../../components/csv-import/row-check';
import { callHref } from './selected-call';

const TIME_EXAMPLE = '2030-01-31T09:30:00-08:00';

export const CALL_BATCH_COLUMNS: readonly [CsvColumn, ...CsvColumn[]] = [
  { name: 'phoneNumber', required: true, description: 'the number to call, with + and its country code.' },
  { name: 'scheduledAt', description: `when to call, in ISO 8601 with the offset, such as ${TIME_EXAMPLE}; empty: now.` },
  { name: 'note', description: `up to ${CALL_LIMITS.noteMaxLength} characters.` },
  { name: 'maxAttempts', description: `dial attempts, ${CALL_LIMITS.maxAttempts.min} to ${CALL_LIMITS.maxAttempts.max}; empty: ${CALL_LIMITS.maxAttempts.default}.` },
  {
    name: 'retryDelaySeconds',
    description: `seconds between attempts, ${CALL_LIMITS.retryDelaySeconds.min} to ${CALL_LIMITS.retryDelaySeconds.max.toLocaleString()}; empty: ${CALL_LIMITS.retryDelaySeconds.default}.`,
  },
  { name: 'latestAt', description: 'the deadline, as scheduledAt is written; empty: none.' },
  { name: 'clientRef', description: `your own reference for the row, up to ${CALL_BATCH_LIMITS.clientRefMaxLength} characters.` },
];

/** An RFC 3339 date-time as the API reads it: seconds optional, Z or an offset required. */
const DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?<offsetHour>\d{2}):?(?<offsetMinute>\d{2}))$/i;

/**
 * A row read as far as the browser can: the number as E.164, the times' format, the numbers' bounds, the texts'
 * lengths. Whether a time has passed, the calling window, the do-not-call list: the server judges those.
 */
export function checkCallBatchRow(record: CsvRecord): RowCheck<CallBatchRow> {
  const phone = record.phoneNumber ? checkPhoneNumber(record.phoneNumber) : null;
  const problems = [
    !phone ? problem('phoneNumber', 'is empty') : phone.valid ? null : problem('phoneNumber', phone.reason),
    timeProblem('scheduledAt', record.scheduledAt),
    timeProblem('latestAt', record.latestAt),
    lengthProblem('note', record.note, CALL_LIMITS.noteMaxLength),
    wholeNumberProblem('maxAttempts', record.maxAttempts, CALL_LIMITS.maxAttempts),
    wholeNumberProblem('retryDelaySeconds', record.retryDelaySeconds, CALL_LIMITS.retryDelaySeconds),
    lengthProblem('clientRef', record.clientRef, CALL_BATCH_LIMITS.clientRefMaxLength),
  ].filter((found) => found !== null);
  if (!phone?.valid || problems.length > 0) return { problems };
  // Empty values are left out of the request, which then takes the API's defaults.
  const wholeNumber = (value: string | undefined) => (value ? Number(value) : undefined);
  return {
    value: {
      phoneNumber: phone.e164,
      scheduledAt: record.scheduledAt || undefined,
      note: record.note || undefined,
      maxAttempts: wholeNumber(record.maxAttempts),
      retryDelaySeconds: wholeNumber(record.retryDelaySeconds),
      latestAt: record.latestAt || undefined,
      clientRef: record.clientRef || undefined,
    },
  };
}

export function describeCallBatchRow(result: CallBatchRowResult): RowOutcome {
  if (result.status === 'rejected') return { status: 'refused', problems: result.errors };
  // What a dry run answers; an upload never asks for one.
  if (result.status === 'valid') return { status: 'done', label: 'Valid' };
  return { status: 'done', label: 'Created', link: { href: callHref(result.callId), text: 'Open the call' } };
}

function problem(field: string, message: string): RowProblem {
  return { field, message: `${field} ${message}` };
}

function timeProblem(field: string, value: string | undefined): RowProblem | null {
  if (!value || isDateTime(value)) return null;
  return problem(field, `must be a date and time in ISO 8601 with the offset, such as ${TIME_EXAMPLE}`);
}

function lengthProblem(field: string, value: string | undefined, max: number): RowProblem | null {
  return value && value.length > max ? problem(field, `is longer than ${max} characters`) : null;
}

function wholeNumberProblem(field: string, value: string | undefined, { min, max }: { min: number; max: number }): RowProblem | null {
  if (!value || (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max)) return null;
  return problem(field, `must be a whole number from ${min} to ${max}`);
}

/** The format, and a date and time that exist: no 30 February, no 25:00. */
function isDateTime(value: string): boolean {
  const groups = DATE_TIME.exec(value)?.groups;
  if (!groups) return false;
  const field = (name: string) => Number(groups[name] ?? 0);
  const date = new Date(Date.UTC(field('year'), field('month') - 1, field('day')));
  const dateExists = date.getUTCMonth() === field('month') - 1 && date.getUTCDate() === field('day');
  return dateExists && field('hour') <= 23 && field('minute') <= 59 && field('second') <= 59 && field('offsetHour') <= 23 && field('offsetMinute') <= 59;
}
