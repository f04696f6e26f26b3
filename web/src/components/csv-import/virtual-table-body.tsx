import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useRef, type ReactNode } from 'react';
import { useDocumentOffset } from '../../lib/use-document-offset';

/** Rows are one line high (csv-table in styles.css): a fixed height spares measuring each. */
export const CSV_ROW_HEIGHT_PX = 36;

export interface VirtualRowProps {
  'aria-rowindex': number;
}

export interface VirtualTableBodyProps {
  count: number;
  columnCount: number;
  /** The row at `index`, a `<tr>` given `rowProps`. */
  renderRow: (index: number, rowProps: VirtualRowProps) => ReactNode;
}

/**
 * Only the rows on screen (and a few either side) are in the page, between two spacer rows that keep the
 * table its full height: ten thousand rows scroll as lightly as thirty. The table says how many rows it has.
 */
export function VirtualTableBody({ count, columnCount, renderRow }: VirtualTableBodyProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useDocumentOffset(body);
  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => CSV_ROW_HEIGHT_PX, overscan: 10, scrollMargin });
  const rows = virtualizer.getVirtualItems();
  const before = (rows[0]?.start ?? scrollMargin) - scrollMargin;
  const after = virtualizer.getTotalSize() - ((rows.at(-1)?.end ?? scrollMargin) - scrollMargin);

  return (
    <tbody ref={body}>
      <Spacer height={before} columnCount={columnCount} />
      {/* aria-rowindex counts from 1, and the header row is the first. */}
      {rows.map(({ index }) => (
        <Fragment key={index}>{renderRow(index, { 'aria-rowindex': index + 2 })}</Fragment>
      ))}
      <Spacer height={after} columnCount={columnCount} />
    </tbody>
  );
}

function Spacer({ height, columnCount }: { height: number; columnCount: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}
