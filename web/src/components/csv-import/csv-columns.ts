/** A column an import reads, as its CSV file's header row names it. */
export interface CsvColumn {
  name: string;
  required?: boolean;
  /** What the column holds, said to whoever prepares the file. */
  description: string;
  /** Other headers read as this column; headers are compared regardless of case and surrounding spaces. */
  aliases?: string[];
}

/** One row of a file: its values by column name, and by header for a header that names no column. */
export type CsvRecord = Record<string, string>;

/** The column `header` stands for, if any. */
export function columnOfHeader(header: string, columns: readonly CsvColumn[]): CsvColumn | undefined {
  const wanted = header.trim().toLowerCase();
  return columns.find(({ name, aliases = [] }) => [name, ...aliases].some((known) => known.toLowerCase() === wanted));
}
