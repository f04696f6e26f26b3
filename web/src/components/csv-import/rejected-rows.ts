import Papa from 'papaparse';
import type { CsvRecord } from './csv-columns';
import { describeProblems, type RowProblem } from './row-check';

export interface RejectedRow {
  record: CsvRecord;
  problems: RowProblem[];
}

/** The rows not imported as a CSV file to fix and import again: their values as read, and why in an `error` column. */
export function rejectedRowsCsv(headers: string[], rows: RejectedRow[]): string {
  return Papa.unparse({
    fields: [...headers, 'error'],
    data: rows.map(({ record, problems }) => ({ ...record, error: describeProblems(problems) })),
  });
}

/** "calls.csv" → "calls-rejected.csv". */
export function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.csv$/i, '')}-rejected.csv`;
}

/** Hands `text` to the browser to save; the byte order mark makes spreadsheets read it as UTF-8. */
export function saveCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked at once, the URL could be gone before some browsers start the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
