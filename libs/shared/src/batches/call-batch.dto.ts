import type { CreateCallRequest } from '../call.dto';

export const CALL_BATCH_LIMITS = {
  /** Rows one request may carry. */
  maxRows: 10_000,
  clientRefMaxLength: 100,
  nameMaxLength: 200,
} as const;

/** One row of a batch: a call as POST /api/calls takes it, and the caller's own reference for it. */
export interface CallBatchRow extends CreateCallRequest {
  clientRef?: string;
}

/**
 * POST /api/calls/batch. Rows may come in several requests that name the same `batchId` (a client-made UUID),
 * so a client can show its progress; each request has its own Idempotency-Key.
 */
export interface CreateCallBatchRequest {
  /** The batch the rows join; a new one when absent. */
  batchId?: string;
  /** What the batch is called in the list's filter, such as the uploaded file's name; kept from its first request. */
  name?: string;
  calls: CallBatchRow[];
}

export type CallBatchRowResult = { row: number; clientRef: string | null } & (
  | { status: 'created'; callId: string }
  /** A dry run's row that would be created. */
  | { status: 'valid' }
  | { status: 'rejected'; errors: { field: string; message: string }[] }
);

/** What became of each row, in order; `row` counts from 0 within the request. */
export interface CallBatchReport {
  batchId: string;
  dryRun: boolean;
  created: number;
  valid: number;
  rejected: number;
  rows: CallBatchRowResult[];
}

/** A batch as the list's filter offers it. */
export interface CallBatchDto {
  id: string;
  name: string | null;
  createdAt: string;
  /** Calls created in it. */
  calls: number;
}
