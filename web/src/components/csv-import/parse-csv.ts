import Papa, { type ParseError, type ParseResult } from 'papaparse';
import { columnOfHeader, type CsvColumn, type CsvRecord } from './csv-columns';
import type { RowProblem } from './row-check';

export interface ParsedCsv {
  /** The header row, each header read as the column it stands for. */
  headers: string[];
  records: CsvRecord[];
  /** Headers that stand for no column: their values are not imported. */
  unknownColumns: string[];
  /** Required columns no header stands for. */
  missingColumns: string[];
  /** What is wrong with a row as CSV, by its index in `records`. */
  rowProblems: Map<number, RowProblem[]>;
}

export type CsvFileCheck = { csv: ParsedCsv; problem?: never } | { csv?: never; problem: string };

/** Where Papa puts the values of a row beyond the header's columns. */
const EXTRA_VALUES = '__parsed_extra';

/**
 * Reads a CSV file with a header row: quoted values (holding commas, quotes or line breaks), a byte order mark,
 * CRLF or LF line ends, blank lines. A file that is not CSV, has no rows, or more than `maxRows` is refused as a whole.
 */
export function parseCsvFile(file: File, columns: readonly CsvColumn[], maxRows: number): Promise<CsvFileCheck> {
  if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return Promise.resolve({ problem: notCsv(file) });
  return new Promise((resolve) => {
    let binary = false;
    Papa.parse<CsvRecord>(file, {
      header: true,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t'],
      transformHeader: (header) => columnOfHeader(header, columns)?.name ?? header.trim(),
      transform: (value) => value.trim(),
      // A spreadsheet saved under a .csv name, say: text files hold no NUL.
      beforeFirstChunk: (chunk) => void (binary = chunk.includes('\u0000')),
      complete: (result) => resolve(binary ? { problem: notCsv(file) } : checkParsed(result, file.name, columns, maxRows)),
      error: (error) => resolve({ problem: `Could not read ${file.name}: ${error.message}` }),
    });
  });
}

function notCsv(file: File): string {
  return `${file.name} is not a CSV file: save it as CSV (comma-separated values) and choose it again.`;
}

function checkParsed({ data, errors, meta }: ParseResult<CsvRecord>, fileName: string, columns: readonly CsvColumn[], maxRows: number): CsvFileCheck {
  const headers = meta.fields ?? [];
  if (headers.length === 0) return { problem: `${fileName} is empty.` };
  if (data.length === 0) return { problem: `${fileName} has a header row but no rows under it.` };
  if (data.length > maxRows) {
    return { problem: `${fileName} has ${data.length.toLocaleString()} rows: at most ${maxRows.toLocaleString()} can be imported at once. Split it into smaller files.` };
  }
  // A quote left open swallows the rest of the file into one value: no row after it can be trusted.
  if (errors.some(({ type }) => type === 'Quotes')) return { problem: `${fileName} has a quote left open or out of place: fix the quotes and choose it again.` };
  const repeated = Object.values(meta.renamedHeaders ?? {});
  if (repeated.length > 0) return { problem: `The header row of ${fileName} names ${repeated.join(', ')} more than once (perhaps by another name): keep one.` };
  return {
    csv: {
      headers,
      records: data.map(({ [EXTRA_VALUES]: _extra, ...record }) => record),
      unknownColumns: headers.filter((header) => !columns.some(({ name }) => name === header)),
      missingColumns: columns.filter(({ name, required }) => required && !headers.includes(name)).map(({ name }) => name),
      rowProblems: rowProblemsOf(errors),
    },
  };
}

/** A row with more values than the header has columns: which column the extra ones belong to is anyone's guess. */
function rowProblemsOf(errors: ParseError[]): Map<number, RowProblem[]> {
  const problems = new Map<number, RowProblem[]>();
  for (const error of errors) {
    if (error.code !== 'TooManyFields' || error.row === undefined) continue;
    problems.set(error.row, [{ field: 'row', message: 'row has more values than the header row has columns' }]);
  }
  return problems;
}
