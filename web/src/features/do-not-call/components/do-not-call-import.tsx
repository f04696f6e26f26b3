import { DO_NOT_CALL_LIMITS } from '@call-scheduler/shared';
import { CsvImport } from '../../../components/csv-import/csv-import';
import { useImportDoNotCall } from '../api/import-do-not-call';
import { checkDoNotCallRow, describeImportRow, DO_NOT_CALL_COLUMNS } from '../do-not-call-csv';

/** Lists the numbers of a CSV file, a thousand a request. */
export function DoNotCallImport({ onClose }: { onClose: () => void }) {
  const importRows = useImportDoNotCall();
  return (
    <CsvImport
      title="Import numbers from a CSV file"
      columns={DO_NOT_CALL_COLUMNS}
      maxRows={DO_NOT_CALL_LIMITS.importMaxEntries}
      noun={['number', 'numbers']}
      verb="Add"
      checkRow={checkDoNotCallRow}
      send={(entries, onProgress) => importRows.mutateAsync({ entries, onProgress })}
      describeResult={describeImportRow}
      onClose={onClose}
    />
  );
}
