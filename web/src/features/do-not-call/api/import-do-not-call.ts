import type { AddDoNotCallRequest, DoNotCallImportReport, DoNotCallImportRow, ImportDoNotCallRequest } from '@call-scheduler/shared';
import { sendInChunks } from '../../../components/csv-import/send-in-chunks';
import { apiRequest } from '../../../lib/api-client';
import { useDoNotCallChange } from './change-do-not-call';

/** Rows a request carries: a file's import moves its progress bar ten times at most. */
export const IMPORT_CHUNK_SIZE = 1_000;

export function importDoNotCallChunk(request: ImportDoNotCallRequest): Promise<DoNotCallImportReport> {
  return apiRequest<DoNotCallImportReport>('/api/do-not-call/import', { method: 'POST', body: request });
}

export interface ImportDoNotCallInput {
  entries: AddDoNotCallRequest[];
  onProgress: (sent: number) => void;
}

/** Imports the entries a chunk at a time; the chunks' reports make one, each row numbered from the import's first. */
export function importDoNotCall({ entries, onProgress }: ImportDoNotCallInput): Promise<DoNotCallImportRow[]> {
  return sendInChunks(
    entries,
    IMPORT_CHUNK_SIZE,
    async (chunk, index) => {
      const report = await importDoNotCallChunk({ entries: chunk });
      return report.rows.map((row) => ({ ...row, row: row.row + index * IMPORT_CHUNK_SIZE }));
    },
    onProgress,
  );
}

export function useImportDoNotCall() {
  return useDoNotCallChange(importDoNotCall);
}
