import type { CallDto } from '@call-scheduler/shared';
import { stringify } from 'csv-stringify/sync';

/** The columns of an exported call, in order: what the list shows, and what a spreadsheet needs to match it up. */
const COLUMNS: (keyof CallDto)[] = [
  'id', 'phoneNumber', 'status', 'scheduledAt', 'attempt', 'maxAttempts', 'nextAttemptAt', 'lastError', 'note',
  'batchId', 'scheduleId', 'latestAt', 'externalCallId', 'createdAt', 'updatedAt', 'temporalUiUrl',
];

/** Text a person wrote, which a spreadsheet would run as a formula if it began with one of these. */
const FORMULA = /^[=+\-@\t\r]/;

export function callsCsvHeader(): string {
  return stringify([COLUMNS]);
}

/** Rows of calls, the free text of each kept from being read as a formula. */
export function callsCsvRows(calls: CallDto[]): string {
  return stringify(calls.map((call) => COLUMNS.map((column) => cell(column, call[column]))));
}

function cell(column: keyof CallDto, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return (column === 'note' || column === 'lastError') && FORMULA.test(text) ? `'${text}` : text;
}
