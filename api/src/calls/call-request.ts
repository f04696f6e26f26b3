import { CALL_LIMITS, checkPhoneNumber } from '@call-scheduler/shared';
import { InvalidCallInputError } from './call.errors';
import type { CreateCallDto } from './dto/create-call.dto';
import { scheduledAtInstant } from './scheduled-at';

/** What a create request asks for, each field written one way: two bodies asking for the same call are equal. */
export interface CallRequest {
  /** E.164. */
  phoneNumber: string;
  /** The instant asked for, even one a little past that the call itself takes as now; null: now. */
  scheduledAt: Date | null;
  note: string | null;
  maxAttempts: number;
  retryDelaySeconds: number;
}

export function callRequest(request: CreateCallDto): CallRequest {
  const phone = checkPhoneNumber(request.phoneNumber);
  if (!phone.valid) throw new InvalidCallInputError('phoneNumber', phone.reason);
  return {
    phoneNumber: phone.e164,
    scheduledAt: request.scheduledAt ? scheduledAtInstant(request.scheduledAt) : null,
    note: request.note?.trim() || null,
    maxAttempts: request.maxAttempts ?? CALL_LIMITS.maxAttempts.default,
    retryDelaySeconds: request.retryDelaySeconds ?? CALL_LIMITS.retryDelaySeconds.default,
  };
}
