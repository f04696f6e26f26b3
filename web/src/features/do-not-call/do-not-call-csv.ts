import { checkPhoneNumber, DO_NOT_CALL_LIMITS, type AddDoNotCallRequest, type DoNotCallImportRow } from '@call-scheduler/shared';
import type { CsvColumn, CsvRecord } from '../../components/csv-import/csv-columns';
import type { RowOutcome } from '../../components/csv-import/report';
import type { RowCheck, RowProblem } from '../../components/csv-import/row-check';

export const DO_NOT_CALL_COLUMNS: readonly [CsvColumn, ...CsvColumn[]] = [
  { name: 'phoneNumber', required: true, description: 'the number never to call, with + and its country code.', aliases: ['phone', 'number', 'phone_number'] },
  { name: 'reason', description: `why, in up to ${DO_NOT_CALL_LIMITS.reasonMaxLength} characters.` },
];

/** A row read as the API will read it: the number as E.164 (national numbers are refused, as by the API), the reason's length. */
export function checkDoNotCallRow(record: CsvRecord): RowCheck<AddDoNotCallRequest> {
  const phone = record.phoneNumber ? checkPhoneNumber(record.phoneNumber) : null;
  const reason = record.reason ?? '';
  const problems: RowProblem[] = [];
  if (!phone) problems.push({ field: 'phoneNumber', message: 'phoneNumber is empty' });
  else if (!phone.valid) problems.push({ field: 'phoneNumber', message: `phoneNumber ${phone.reason}` });
  if (reason.length > DO_NOT_CALL_LIMITS.reasonMaxLength) problems.push({ field: 'reason', message: `reason is longer than ${DO_NOT_CALL_LIMITS.reasonMaxLength} characters` });
  if (!phone?.valid || problems.length > 0) return { problems };
  return { value: { phoneNumber: phone.e164, ...(reason ? { reason } : {}) } };
}

export function describeImportRow(row: DoNotCallImportRow): RowOutcome {
  if (row.status === 'rejected') return { status: 'refused', problems: row.errors };
  return { status: 'done', label: row.status === 'added' ? 'Added' : 'Already listed' };
}
