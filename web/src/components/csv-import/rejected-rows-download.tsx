import { rejectedFileName, rejectedRowsCsv, saveCsv, type RejectedRow } from './rejected-rows';

export interface RejectedRowsDownloadProps {
  /** The file imported, which the download is named after. */
  fileName: string;
  /** Its header row, as read. */
  headers: string[];
  rows: RejectedRow[];
}

/** Saves the rows not imported, with why, to fix and import again. */
export function RejectedRowsDownload({ fileName, headers, rows }: RejectedRowsDownloadProps) {
  return (
    <button type="button" className="secondary" onClick={() => saveCsv(rejectedFileName(fileName), rejectedRowsCsv(headers, rows))}>
      Download rejected rows (CSV)
    </button>
  );
}
