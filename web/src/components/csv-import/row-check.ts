import type { CsvRecord } from './csv-columns';

/** What is wrong with one value of a row; `field` is a column's name, or `row` for the row as a whole. */
export interface RowProblem {
  field: string;
  message: string;
}

/** A row read as what it is to become, or what is wrong with it. */
export type RowCheck<Row> = { value: Row; problems?: never } | { value?: never; problems: RowProblem[] };

/** A row of the file as the preview shows it. */
export interface CheckedRow<Row> {
  /** Its place among the file's rows, from 1 (the header row aside). */
  number: number;
  record: CsvRecord;
  check: RowCheck<Row>;
}

/** Every row checked, the problems the file itself has in a row (`csvProblems`, by index) counted in. */
export function checkRows<Row>(records: CsvRecord[], csvProblems: Map<number, RowProblem[]>, checkRow: (record: CsvRecord) => RowCheck<Row>): CheckedRow<Row>[] {
  return records.map((record, index) => {
    const check = checkRow(record);
    const problems = [...(csvProblems.get(index) ?? []), ...(check.problems ?? [])];
    return { number: index + 1, record, check: problems.length > 0 ? { problems } : check };
  });
}

/** The rows to send: those with no problem. */
export function readyRows<Row>(rows: CheckedRow<Row>[]): Row[] {
  return rows.flatMap(({ check }) => (check.problems ? [] : [check.value]));
}

/** A row's problems in one line, each naming its field: "phoneNumber is not a phone number; note: too long". */
export function describeProblems(problems: RowProblem[]): string {
  return problems.map(({ field, message }) => (field === 'row' || message.startsWith(field) ? message : `${field}: ${message}`)).join('; ');
}
