import { ApplicationFailure } from '@temporalio/activity';
import { CallFailureType } from '@call-scheduler/shared/workflow';
import { ProviderHttpError } from '../provider/provider.errors';

/**
 * Turns a provider error into what Temporal's retry policy understands: permanent rejections are
 * non-retryable, a 429 retries after the provider's Retry-After, anything else retries with backoff.
 */
export function toActivityFailure(error: unknown): unknown {
  if (!(error instanceof ProviderHttpError)) return error;
  if (error.isPermanent) {
    return ApplicationFailure.create({ type: CallFailureType.ProviderRejected, message: error.message, nonRetryable: true });
  }
  return ApplicationFailure.create({
    type: 'ProviderUnavailable',
    message: error.message,
    nextRetryDelay: error.retryAfterMs ?? undefined,
  });
}
