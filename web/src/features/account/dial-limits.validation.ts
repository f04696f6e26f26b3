import { DIAL_LIMIT_BOUNDS, type DialLimits } from '@call-scheduler/shared';
import type { FormCheck, FormErrors } from '../../lib/use-form';
import { checkWholeNumber } from '../../lib/whole-number';

export type DialLimitsValues = Record<keyof DialLimits, string>;

const FIELDS = Object.keys(DIAL_LIMIT_BOUNDS) as (keyof DialLimits)[];

export function toDialLimitsValues(limits: DialLimits): DialLimitsValues {
  return { dialsPerHour: String(limits.dialsPerHour), dialsPerDay: String(limits.dialsPerDay), maxConcurrentCalls: String(limits.maxConcurrentCalls) };
}

/** The limits to save, or what is wrong with each field, judged by the bounds the API keeps. */
export function checkDialLimits(values: DialLimitsValues): FormCheck<DialLimits> {
  const errors: FormErrors<keyof DialLimits> = {};
  const limits: Partial<DialLimits> = {};
  for (const field of FIELDS) {
    const check = checkWholeNumber(values[field], DIAL_LIMIT_BOUNDS[field]);
    if ('error' in check) errors[field] = check.error;
    else limits[field] = check.value;
  }
  return Object.keys(errors).length > 0 ? { errors } : { request: limits as DialLimits };
}
