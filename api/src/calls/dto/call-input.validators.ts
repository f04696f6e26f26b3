import { CALL_LIMITS, checkPhoneNumber } from '@call-scheduler/shared';
import { ValidateBy, isISO8601, type ValidationOptions } from 'class-validator';

const OFFSET_OR_Z = /(Z|[+-]\d{2}:?\d{2})$/i;

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
 * An ISO 8601 instant with an explicit offset or Z (a local time without one is ambiguous),
 * not in the past beyond a small tolerance, and not absurdly far ahead.
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
  if (typeof value !== 'string' || !isISO8601(value, { strict: true, strictSeparator: true })) {
    return 'must be an ISO 8601 date-time, e.g. 2030-01-31T09:30:00+01:00';
  }
  if (!value.includes('T') || !OFFSET_OR_Z.test(value)) return 'must include a time and an offset or Z, e.g. 2030-01-31T09:30:00Z';
  const at = Date.parse(value);
  if (at < now - CALL_LIMITS.pastToleranceMs) return 'must not be in the past';
  if (at > now + CALL_LIMITS.maxScheduleAheadMs) return 'must be within a year from now';
  return null;
}
