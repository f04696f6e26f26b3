import { checkPhoneNumber } from '@call-scheduler/shared';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { SCHEDULED_AT_FORMAT, SCHEDULED_AT_FORMAT_PROBLEM, parseScheduledAt, schedulingWindowProblem } from '../scheduled-at';

/** An E.164-normalisable phone number, judged by libphonenumber-js with full metadata. */
export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhoneNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkPhoneNumber(value).valid,
        defaultMessage: (args) => {
          const check = typeof args?.value === 'string' ? checkPhoneNumber(args.value) : null;
          return `phoneNumber ${check && !check.valid ? check.reason : 'must be a string'}`;
        },
      },
    },
    options,
  );
}

/**
 * A time in the one format the API reads (see scheduled-at.ts), with an offset or Z since a local
 * time without one is ambiguous. Whether a call can still be made for it depends on when it is asked,
 * and a repeated create is not asked again: the service checks that for new calls.
 */
export function IsScheduledAt(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isScheduledAt',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseScheduledAt(value) !== null,
        defaultMessage: (args) =>
          `${args?.property ?? 'scheduledAt'} ${args?.value === null ? `is null: leave it out to call now, or write it as ${SCHEDULED_AT_FORMAT}` : SCHEDULED_AT_FORMAT_PROBLEM}`,
      },
    },
    options,
  );
}

/** A time IsScheduledAt takes that a call can be moved to now: not in the past beyond a small tolerance, and not absurdly far ahead. */
export function IsSchedulableTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSchedulableTime',
      validator: {
        validate: (value: unknown) => schedulingProblem(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'scheduledAt'} ${schedulingProblem(args?.value)}`,
      },
    },
    options,
  );
}

export function schedulingProblem(value: unknown, now = Date.now()): string | null {
  const at = typeof value === 'string' ? parseScheduledAt(value) : null;
  return at ? schedulingWindowProblem(at, now) : SCHEDULED_AT_FORMAT_PROBLEM;
}
