import type { CsvRecord } from './csv-columns';
import type { CheckedRow, RowProblem } from './row-check';

export interface ReportLink {
  href: string;
  text: string;
}

/** What the server made of a row: done, in its word ("Created", with a link where there is one), or refused. */
export type RowOutcome = { status: 'done'; label: string; link?: ReportLink } | { status: 'refused'; problems: RowProblem[] };

/** Why a row is not in: the server refused it, the preview found problems, or sending stopped before it. */
export type Refusal = 'refused' | 'left out' | 'not sent';

export type ReportRow = { number: number; record: CsvRecord } & (
  | { status: 'done'; label: string; link?: ReportLink }
  | { status: Refusal; problems: RowProblem[] }
);

const NOT_SENT: RowProblem = { field: 'row', message: 'the import stopped before this row' };

/** How the report marks a row not in. */
export const REFUSAL_LABELS: Record<Refusal, string> = { refused: 'Refused', 'left out': 'Left out', 'not sent': 'Not sent' };

const REFUSAL_TOTALS: Record<Refusal, string> = {
  refused: 'refused by the server',
  'left out': 'left out for problems in the file',
  'not sent': 'not sent',
};

/** Every row of the file with its fate; `outcomes` are those of the rows sent (the ones with no problem), in order. */
export function buildReport<Row>(rows: CheckedRow<Row>[], outcomes: RowOutcome[]): ReportRow[] {
  let sent = 0;
  return rows.map(({ number, record, check }) => {
    if (check.problems) return { number, record, status: 'left out', problems: check.problems };
    return { number, record, ...(outcomes[sent++] ?? { status: 'not sent', problems: [NOT_SENT] }) };
  });
}

/** How many rows ended each way, the done ones first: "196 created", "4 refused by the server". */
export function reportTotals(rows: ReportRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.status !== 'done') continue;
    const what = row.label.toLowerCase();
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  for (const refusal of Object.keys(REFUSAL_TOTALS) as Refusal[]) {
    const total = rows.filter(({ status }) => status === refusal).length;
    if (total > 0) counts.set(REFUSAL_TOTALS[refusal], total);
  }
  return [...counts].map(([what, total]) => `${total.toLocaleString()} ${what}`);
}
