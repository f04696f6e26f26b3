import { useEffect, useId, useRef } from 'react';
import { FormError } from '../form-error';
import { ProblemsCell } from './problems-cell';
import { RejectedRowsDownload } from './rejected-rows-download';
import { REFUSAL_LABELS, reportTotals, type ReportRow } from './report';
import { VirtualTableBody, type VirtualRowProps } from './virtual-table-body';

export interface ImportReportProps {
  rows: ReportRow[];
  fileName: string;
  /** The file's header row, as read. */
  headers: string[];
  /** The column that tells rows apart for a reader, shown beside each result. */
  keyColumn: string;
  /** Why sending stopped before the end, if it did. */
  stopped: string | null;
}

/** Each row's fate, the totals, and the rows not imported to download; it takes the focus as it appears. */
export function ImportReport({ rows, fileName, headers, keyColumn, stopped }: ImportReportProps) {
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const rejected = rows.flatMap((row) => (row.status === 'done' ? [] : [{ record: row.record, problems: row.problems }]));
  useEffect(() => title.current?.focus(), []);

  return (
    <div className="import-report">
      <h4 id={titleId} ref={title} tabIndex={-1}>
        Report
      </h4>
      <p role="status">{reportTotals(rows).join(' · ')}</p>
      <FormError message={stopped} />
      {rejected.length > 0 && <RejectedRowsDownload fileName={fileName} headers={headers} rows={rejected} />}
      <div className="table-scroll">
        <table className="csv-table" aria-labelledby={titleId} aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">{keyColumn}</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <VirtualTableBody count={rows.length} columnCount={3} renderRow={(index, rowProps) => <ResultRow row={rows[index]!} keyColumn={keyColumn} rowProps={rowProps} />} />
        </table>
      </div>
    </div>
  );
}

function ResultRow({ row, keyColumn, rowProps }: { row: ReportRow; keyColumn: string; rowProps: VirtualRowProps }) {
  return (
    <tr {...rowProps} className={row.status === 'done' ? undefined : 'row-problem'}>
      <th scope="row">{row.number}</th>
      <td title={row.record[keyColumn]}>{row.record[keyColumn]}</td>
      {row.status === 'done' ? (
        <td>
          {row.label}
          {row.link && (
            <>
              {' '}
              <a href={row.link.href}>{row.link.text}</a>
            </>
          )}
        </td>
      ) : (
        <ProblemsCell label={REFUSAL_LABELS[row.status]} problems={row.problems} />
      )}
    </tr>
  );
}
