import { CALL_LIMITS, callWindowFor, checkPhoneNumber, nextCallingWindowOpening, type CallingWindow, type DefaultCallingWindow, type NewCall } from '@call-scheduler/shared';
import type { Principal } from '../auth/principal';
import { InvalidCallInputError } from './call.errors';
import type { CreateCallDto } from './dto/create-call.dto';
import { scheduledAtInstant, schedulingWindowProblem } from './scheduled-at';

/** What a create request asks for, each field written one way: two bodies asking for the same call are equal. */
export interface CallRequest {
  /** E.164. */
  phoneNumber: string;
  /** The instant asked for, even one a little past that the call itself takes as now; null: now. */
  scheduledAt: Date | null;
  note: string | null;
  maxAttempts: number;
  retryDelaySeconds: number;
  /** The window the call keeps, the account's default applied; null: any hour. */
  window: CallingWindow | null;
  latestAt: Date | null;
}

export function callRequest(request: CreateCallDto, defaultWindow: DefaultCallingWindow | null): CallRequest {
  const phone = checkPhoneNumber(request.phoneNumber);
  if (!phone.valid) throw new InvalidCallInputError('phoneNumber', phone.reason);
  const { window, problems } = callWindowFor(request.window, defaultWindow, phone.e164);
  const [problem] = problems;
  if (problem) throw new InvalidCallInputError(problem.field, problem.message.slice(problem.field.length + 1));
  return {
    phoneNumber: phone.e164,
    scheduledAt: request.scheduledAt ? scheduledAtInstant(request.scheduledAt) : null,
    note: request.note?.trim() || null,
    maxAttempts: request.maxAttempts ?? CALL_LIMITS.maxAttempts.default,
    retryDelaySeconds: request.retryDelaySeconds ?? CALL_LIMITS.retryDelaySeconds.default,
    window,
    latestAt: request.latestAt ? scheduledAtInstant(request.latestAt, 'latestAt') : null,
  };
}

/**
 * What keeps a new call from being made as asked, now: its time (see schedulingWindowProblem), or a deadline
 * it cannot meet, being before the call is due or before its window first opens.
 */
export function newCallProblem({ scheduledAt, latestAt, window }: CallRequest, now: number): InvalidCallInputError | null {
  const scheduling = scheduledAt ? schedulingWindowProblem(scheduledAt, now) : null;
  if (scheduling) return new InvalidCallInputError('scheduledAt', scheduling);
  if (!latestAt) return null;
  const due = new Date(Math.max(scheduledAt?.getTime() ?? now, now));
  if (latestAt <= due) return new InvalidCallInputError('latestAt', scheduledAt ? 'must be after scheduledAt' : 'must be in the future');
  const latest = schedulingWindowProblem(latestAt, now);
  if (latest) return new InvalidCallInputError('latestAt', latest);
  const opens = window ? nextCallingWindowOpening(window, due) : due;
  if (latestAt < opens) return new InvalidCallInputError('latestAt', `is before the call's window first opens, at ${opens.toISOString()}`);
  return null;
}

/** The call a request makes, due when it asked, or now if that is past (a slow client clock). */
export function newCall(asked: CallRequest, { accountId, actor }: Principal, made: { id: string; batchId?: string }): NewCall {
  const now = new Date();
  const scheduledAt = asked.scheduledAt && asked.scheduledAt > now ? asked.scheduledAt : now;
  const { window, latestAt, ...rest } = asked;
  return {
    ...made,
    ...rest,
    scheduledAt: scheduledAt.toISOString(),
    ...(window ? { window } : {}),
    ...(latestAt ? { latestAt: latestAt.toISOString() } : {}),
    createdAt: now.toISOString(),
    accountId,
    by: actor,
  };
}
