import { CALL_LIMITS, checkPhoneNumber } from '@call-scheduler/shared';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { SCHEDULED_AT_FORMAT_PROBLEM, parseScheduledAt } from '../scheduled-at';

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

/** Text PostgreSQL can store: well-formed Unicode without NUL characters. */
export function IsStorableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.isWellFormed() && !value.includes('\u0000'),
        defaultMessage: (args) => `${args?.property ?? 'text'} must be well-formed text without NUL characters`,
      },
    },
    options,
  );
}

/**
 * A time in the one format the API reads (see scheduled-at.ts), with an offset or Z since a local
 * time without one is ambiguous, not in the past beyond a small tolerance, and not absurdly far ahead.
 */
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
  const at = typeof value === 'string' ? parseScheduledAt(value)?.getTime() : undefined;
  if (at === undefined) return SCHEDULED_AT_FORMAT_PROBLEM;
  if (at < now - CALL_LIMITS.pastToleranceMs) return 'must not be in the past';
  if (at > now + CALL_LIMITS.maxScheduleAheadMs) return 'must be within a year from now';
  return null;
}
