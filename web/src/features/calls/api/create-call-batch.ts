import type { CallBatchReport, CallBatchRow, CallBatchRowResult, CreateCallBatchRequest } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendInChunks } from '../../../components/csv-import/send-in-chunks';
import { apiRequest, ApiUnreachableError } from '../../../lib/api-client';
import { refetchCalls } from './call-cache';

/** Rows a request carries, so that a large file shows its progress. */
export const CALL_BATCH_CHUNK_SIZE = 500;
/** Times a chunk is sent again when no answer came back. */
const RETRIES = 3;
const FIRST_RETRY_DELAY_MS = 500;

export function createCallBatch(request: CreateCallBatchRequest, idempotencyKey: string): Promise<CallBatchReport> {
  return apiRequest<CallBatchReport>('/api/calls/batch', { method: 'POST', body: request, headers: { 'idempotency-key': idempotencyKey } });
}

export interface UploadCallsInput {
  calls: CallBatchRow[];
  /** The batch's name in the list's filter: the file's name. */
  name: string;
  onProgress: (sent: number) => void;
}

/**
 * Creates the calls as one new batch, a chunk a request, each row's result numbered from the upload's first.
 * Each chunk has its own Idempotency-Key, `<batchId>:<chunk index>`, so a chunk sent again creates nothing twice.
 */
export function uploadCalls({ calls, name, onProgress }: UploadCallsInput): Promise<CallBatchRowResult[]> {
  const batchId = crypto.randomUUID();
  return sendInChunks(
    calls,
    CALL_BATCH_CHUNK_SIZE,
    async (chunk, index) => {
      const report = await sendChunk({ batchId, name, calls: chunk }, `${batchId}:${index}`);
      return report.rows.map((row) => ({ ...row, row: row.row + index * CALL_BATCH_CHUNK_SIZE }));
    },
    onProgress,
  );
}

async function sendChunk(request: CreateCallBatchRequest, idempotencyKey: string): Promise<CallBatchReport> {
  try {
    return await withRetries(() => createCallBatch(request, idempotencyKey));
  } catch (error) {
    if (!(error instanceof ApiUnreachableError)) throw error;
    // The API may have made the calls and its answer been lost: uploaded again, they would be made twice.
    throw new Error(
      `No answer from the API, even after ${RETRIES} retries: the last ${request.calls.length.toLocaleString()} rows sent may have made calls. Look for them in the list before uploading them again.`,
      { cause: error },
    );
  }
}

/**
 * Sends again, waiting longer each time, what got no answer: the network failed, or the API or a proxy before it
 * answered 502-504, 503 among them (ApiUnreachableError). Any other answer is final.
 */
async function withRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await send();
    } catch (error) {
      if (retry === RETRIES || !(error instanceof ApiUnreachableError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_DELAY_MS * 2 ** retry));
    }
  }
}

/** Uploads calls; the lists are asked for again after, however far it got. */
export function useUploadCalls() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadCalls, onSettled: () => refetchCalls(queryClient) });
}
