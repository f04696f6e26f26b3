import { v5 as uuidv5 } from 'uuid';

/** The namespace of the ids a bulk request's batch and calls take (a UUID of our own, fixed forever). */
const BATCH_NAMESPACE = '9e3c2f5a-6d1b-4c8e-a7f4-3b2d1e0c9f86';

/**
 * The id of the call a bulk request's row makes: the same for the same account, key and row, so the request sent
 * again (after a lost answer, or a 503 half-way) starts the same workflows, which Temporal starts only once.
 */
export function callIdForBatchRow(accountId: string, idempotencyKey: string, row: number): string {
  return uuidv5(`${accountId}\n${idempotencyKey}\n${row}`, BATCH_NAMESPACE);
}

/** The batch a request that names none opens: the same again for the same account and key. */
export function batchIdFor(accountId: string, idempotencyKey: string): string {
  return uuidv5(`${accountId}\n${idempotencyKey}`, BATCH_NAMESPACE);
}
