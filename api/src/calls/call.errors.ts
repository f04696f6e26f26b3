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

/**
 * A create that failed once it may have made its call: Temporal can take a start whose answer is
 * lost, and the call's row can fail after its workflow started. Its key makes a retry safe.
 */
export class SchedulerUnavailableError extends Error {
  constructor(
    readonly idempotencyKey: string,
    cause: unknown,
  ) {
    super(
      `The scheduler could not confirm the call, which may have been created. Send the same request again with Idempotency-Key: ${idempotencyKey}: that returns the call if it was made, and makes it if not, never a second one`,
      { cause },
    );
  }
}

export class CommandUnconfirmedError extends Error {
  constructor(cause: unknown) {
    super('The scheduler (Temporal) did not confirm the command in time; it may still take effect: GET the call to see', { cause });
  }
}
