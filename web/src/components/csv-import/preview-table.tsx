import { useId } from 'react';
import { countOf, type Noun } from './count';
import type { CsvColumn } from './csv-columns';
import type { ParsedCsv } from './parse-csv';
import { ProblemsCell } from './problems-cell';
import type { CheckedRow } from './row-check';
import { VirtualTableBody, type VirtualRowProps } from './virtual-table-body';

const ROWS: Noun = ['row', 'rows'];

export interface PreviewTableProps<Row> {
  csv: ParsedCsv;
  rows: CheckedRow<Row>[];
  columns: readonly CsvColumn[];
  /** What the rows make, and the verb that makes them: "Create" 196 "calls". */
  noun: Noun;
  verb: string;
  onSend: () => void;
}

/** Every row of the file as it will be sent, each one's problems beside it; rows with problems are left out. */
export function PreviewTable<Row>({ csv, rows, columns, noun, verb, onSend }: PreviewTableProps<Row>) {
  const titleId = useId();
  const shown = columns.filter(({ name }) => csv.headers.includes(name));
  const ready = rows.filter(({ check }) => !check.problems).length;
  const withProblems = rows.length - ready;

  return (
    <div className="csv-preview">
      <h4 id={titleId}>Preview</h4>
      <p role="status">
        {countOf(ready, ROWS)} ready, {withProblems.toLocaleString()} with problems
      </p>
      {csv.missingColumns.length > 0 && <p className="error">Missing required {csv.missingColumns.length === 1 ? 'column' : 'columns'}: {csv.missingColumns.join(', ')}.</p>}
      {csv.unknownColumns.length > 0 && <p className="hint">Not known here, so not imported: {csv.unknownColumns.join(', ')}.</p>}
      {withProblems > 0 && (
        <p className="hint">
          {ready === 0
            ? 'No row is ready: fix the file and choose it again.'
            : `The ${countOf(withProblems, ROWS)} with problems will be left out; the report then offers them as a CSV file to fix.`}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={ready === 0} onClick={onSend}>
          {verb} {countOf(ready, noun)}
        </button>
      </div>
      <div className="table-scroll">
        <table className="csv-table" aria-labelledby={titleId} aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {shown.map(({ name }) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <VirtualTableBody
            count={rows.length}
            columnCount={shown.length + 2}
            renderRow={(index, rowProps) => <PreviewRow row={rows[index]!} columns={shown} rowProps={rowProps} />}
          />
        </table>
      </div>
    </div>
  );
}

function PreviewRow<Row>({ row: { number, record, check }, columns, rowProps }: { row: CheckedRow<Row>; columns: CsvColumn[]; rowProps: VirtualRowProps }) {
  const fieldsWithProblems = new Set(check.problems?.map(({ field }) => field));
  return (
    <tr {...rowProps} className={check.problems ? 'row-problem' : undefined}>
      <th scope="row">{number}</th>
      {columns.map(({ name }) => (
        <td key={name} className={fieldsWithProblems.has(name) ? 'cell-problem' : undefined} title={record[name]}>
          {record[name]}
        </td>
      ))}
      {check.problems ? <ProblemsCell label="Left out" problems={check.problems} /> : <td>Ready</td>}
    </tr>
  );
}
