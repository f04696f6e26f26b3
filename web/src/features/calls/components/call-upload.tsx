import { CALL_BATCH_LIMITS } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { CsvImport } from '../../../components/csv-import/csv-import';
import { useCallerRole } from '../../../lib/caller-role';
import { useUploadCalls } from '../api/create-call-batch';
import { callCommandAvailability } from '../call-actions.rules';
import { CALL_BATCH_COLUMNS, checkCallBatchRow, describeCallBatchRow } from '../call-batch-csv';

/** Many calls at once, from a CSV file: one batch, named after the file. Not offered to a role that may not create calls. */
export function CallUpload() {
  const allowed = callCommandAvailability(useCallerRole()).allowed;
  const [open, setOpen] = useState(false);
  const upload = useUploadCalls();
  const titleId = useId();
  if (!allowed) return null;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Many calls at once</h2>
      <p className="hint">A call a row of a CSV file; every row is checked before any is sent.</p>
      {open ? (
        <CsvImport
          title="Upload calls from a CSV file"
          columns={CALL_BATCH_COLUMNS}
          maxRows={CALL_BATCH_LIMITS.maxRows}
          noun={['call', 'calls']}
          verb="Create"
          checkRow={checkCallBatchRow}
          send={(calls, onProgress, file) => upload.mutateAsync({ calls, name: file.name, onProgress })}
          describeResult={describeCallBatchRow}
          onClose={() => setOpen(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
            Upload CSV
          </button>
        </div>
      )}
    </section>
  );
}
