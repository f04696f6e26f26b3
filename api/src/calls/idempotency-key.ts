import { randomUUID } from 'node:crypto';
import { InvalidCallInputError } from './call.errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or one made up for it: a create can fail after it made its calls, and a key lets the client ask again safely. */
export function idempotencyKeyOf(header: string | undefined): string {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) throw new InvalidCallInputError('Idempotency-Key', 'must be 1 to 255 visible ASCII characters');
  return header ?? randomUUID();
}
