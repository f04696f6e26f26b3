/** What can go wrong with a call request, independent of HTTP; the exception filter maps each to a status. */
export class CallNotFoundError extends Error {
  constructor(readonly callId: string) {
    super(`No call with id ${callId}`);
  }
}

export class CallNotPendingError extends Error {
  constructor(readonly status?: string) {
    super(`The call is ${status ? `${status} and ` : ''}no longer pending: it can no longer be rescheduled, started or cancelled`);
  }
}

export class RescheduleLimitReachedError extends Error {}

export class InvalidCallInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different request body');
  }
}

export class SchedulerUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The scheduler (Temporal) is unavailable; nothing was changed, try again', { cause });
  }
}

export class CommandUnconfirmedError extends Error {
  constructor(cause: unknown) {
    super('The scheduler (Temporal) did not confirm the command in time; it may still take effect: GET the call to see', { cause });
  }
}
