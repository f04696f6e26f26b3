import type { CsvColumn } from './csv-columns';

/** The columns a file may have, for whoever prepares it. */
export function ColumnList({ columns }: { columns: readonly CsvColumn[] }) {
  return (
    <ul className="csv-columns">
      {columns.map(({ name, required, description, aliases = [] }) => (
        <li key={name}>
          <code>{name}</code> {required ? '(required)' : '(optional)'}: {description}
          {aliases.length > 0 && ` Also read from ${aliases.join(', ')}.`}
        </li>
      ))}
    </ul>
  );
}
