import { useId, useRef, useState } from 'react';
import { FormError } from '../form-error';
import { ColumnList } from './column-list';
import type { Noun } from './count';
import type { CsvColumn, CsvRecord } from './csv-columns';
import { ImportProgress } from './import-progress';
import { ImportReport } from './import-report';
import { parseCsvFile, type ParsedCsv } from './parse-csv';
import { PreviewTable } from './preview-table';
import { buildReport, type ReportRow, type RowOutcome } from './report';
import { checkRows, readyRows, type CheckedRow, type RowCheck } from './row-check';
import { ImportStoppedError } from './send-in-chunks';

export interface CsvImportProps<Row, Result> {
  /** The import's heading: "Import numbers from a CSV file". */
  title: string;
  /** The columns a file may have; the first is the one that tells rows apart in the report. */
  columns: readonly [CsvColumn, ...CsvColumn[]];
  /** Rows one file may have. */
  maxRows: number;
  /** What a row makes, and the verb that makes it: "Create" 196 "calls". */
  noun: Noun;
  verb: string;
  /** Reads a row as what it is to become, as far as the browser can tell: the server has the last word. */
  checkRow: (record: CsvRecord) => RowCheck<Row>;
  /** Sends the rows with no problem, saying how many are sent as it goes; answers each row's result, in order. */
  send: (rows: Row[], onProgress: (sent: number) => void, file: File) => Promise<Result[]>;
  /** How the report shows a row's result. */
  describeResult: (result: Result) => RowOutcome;
  onClose: () => void;
}

interface Loaded<Row> {
  file: File;
  csv: ParsedCsv;
  rows: CheckedRow<Row>[];
}

type Stage<Row> =
  | { step: 'choose'; reading?: string; problem?: string }
  | ({ step: 'preview' } & Loaded<Row>)
  | ({ step: 'sending'; sent: number; total: number } & Loaded<Row>)
  | ({ step: 'report'; report: ReportRow[]; stopped: string | null } & Loaded<Row>);

/**
 * Imports a CSV file: a preview of every row with its problems, then the rows with none sent with a progress bar,
 * then a report of each row's fate, from which the rows not imported can be downloaded to fix.
 */
export function CsvImport<Row, Result>({ title, columns, maxRows, noun, verb, checkRow, send, describeResult, onClose }: CsvImportProps<Row, Result>) {
  const [stage, setStage] = useState<Stage<Row>>({ step: 'choose' });
  const latestFile = useRef<File | null>(null);
  const id = useId();

  const read = async (file: File | undefined) => {
    if (!file) return;
    latestFile.current = file;
    setStage({ step: 'choose', reading: file.name });
    const { csv, problem } = await parseCsvFile(file, columns, maxRows);
    // Another file chosen while this one was read is the one wanted.
    if (latestFile.current !== file) return;
    setStage(csv ? { step: 'preview', file, csv, rows: checkRows(csv.records, csv.rowProblems, checkRow) } : { step: 'choose', problem });
  };

  const sendReady = async ({ file, csv, rows }: Loaded<Row>) => {
    const ready = readyRows(rows);
    const loaded = { file, csv, rows };
    setStage({ ...loaded, step: 'sending', sent: 0, total: ready.length });
    const onProgress = (sent: number) => setStage((current) => (current.step === 'sending' ? { ...current, sent } : current));
    try {
      const results = await send(ready, onProgress, file);
      setStage({ ...loaded, step: 'report', report: buildReport(rows, results.map(describeResult)), stopped: null });
    } catch (error) {
      const results = error instanceof ImportStoppedError ? (error.results as Result[]) : [];
      const stopped = `Sending stopped after ${results.length.toLocaleString()} of ${ready.length.toLocaleString()} rows. ${sentence((error as Error).message)} The rows not sent are among the rejected rows to download.`;
      setStage({ ...loaded, step: 'report', report: buildReport(rows, results.map(describeResult)), stopped });
    }
  };

  return (
    <section className="inline-form csv-import" aria-labelledby={`${id}-title`}>
      <div className="detail-header">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="secondary" disabled={stage.step === 'sending'} onClick={onClose}>
          Close<span className="visually-hidden"> the import</span>
        </button>
      </div>
      {(stage.step === 'choose' || stage.step === 'preview') && (
        <>
          <ColumnList columns={columns} />
          <div className="field">
            <label htmlFor={`${id}-file`}>CSV file</label>
            <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(event) => void read(event.target.files?.[0])} />
          </div>
        </>
      )}
      {stage.step === 'choose' && stage.reading && <p role="status">Reading {stage.reading}…</p>}
      {stage.step === 'choose' && <FormError message={stage.problem} />}
      {stage.step === 'preview' && <PreviewTable csv={stage.csv} rows={stage.rows} columns={columns} noun={noun} verb={verb} onSend={() => void sendReady(stage)} />}
      {stage.step === 'sending' && <ImportProgress sent={stage.sent} total={stage.total} noun={noun} />}
      {stage.step === 'report' && (
        <>
          <ImportReport rows={stage.report} fileName={stage.file.name} headers={stage.csv.headers} keyColumn={columns[0].name} stopped={stage.stopped} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setStage({ step: 'choose' })}>
              Import another file
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** "Bad request" → "Bad request.", to be followed by another sentence. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
