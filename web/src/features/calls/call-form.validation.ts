import { CALL_LIMITS, type CreateCallRequest } from '@call-scheduler/shared';
import { fromLocalInputValue } from '../../lib/date-time';
import { checkWholeNumber } from '../../lib/whole-number';
import { toE164, type CountryCode } from './phone-number-input';

export interface CallFormValues {
  country: CountryCode;
  phone: string;
  /** A datetime-local value, in the operator's zone; empty for none. */
  scheduledAt: string;
  note: string;
  maxAttempts: string;
  retryDelayMinutes: string;
}

export type CallFormField = Exclude<keyof CallFormValues, 'country'>;
export type CallFormErrors = Partial<Record<CallFormField, string>>;
export type CallFormIntent = 'schedule' | 'start-now';

/** Where the API's field names land on the form. */
export const FORM_FIELD_OF_API_FIELD: Record<string, CallFormField> = {
  phoneNumber: 'phone',
  scheduledAt: 'scheduledAt',
  note: 'note',
  maxAttempts: 'maxAttempts',
  retryDelaySeconds: 'retryDelayMinutes',
};

const RETRY_DELAY_MINUTES = { min: 1, max: CALL_LIMITS.retryDelaySeconds.max / 60 };

export type CallFormCheck = { request: CreateCallRequest; errors?: never } | { request?: never; errors: CallFormErrors };

/** The request the form asks for, or what is wrong with each field, judged as the API would. */
export function checkCallForm(values: CallFormValues, intent: CallFormIntent, context: { now: Date; timeZone: string }): CallFormCheck {
  const errors: CallFormErrors = {};
  const phone = toE164(values.phone, values.country);
  if ('error' in phone) errors.phone = phone.error;
  const scheduledAt = intent === 'schedule' ? checkScheduledAt(values.scheduledAt, context) : { value: undefined };
  if ('error' in scheduledAt) errors.scheduledAt = scheduledAt.error;
  if (values.note.length > CALL_LIMITS.noteMaxLength) errors.note = `Keep the note to ${CALL_LIMITS.noteMaxLength} characters.`;
  const maxAttempts = checkWholeNumber(values.maxAttempts, CALL_LIMITS.maxAttempts);
  if ('error' in maxAttempts) errors.maxAttempts = maxAttempts.error;
  const retryDelayMinutes = checkWholeNumber(values.retryDelayMinutes, RETRY_DELAY_MINUTES);
  if ('error' in retryDelayMinutes) errors.retryDelayMinutes = retryDelayMinutes.error;
  if (errors.note || 'error' in phone || 'error' in scheduledAt || 'error' in maxAttempts || 'error' in retryDelayMinutes) {
    return { errors };
  }
  return {
    request: {
      phoneNumber: phone.e164,
      ...(scheduledAt.value ? { scheduledAt: scheduledAt.value } : {}),
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
      maxAttempts: maxAttempts.value,
      retryDelaySeconds: retryDelayMinutes.value * 60,
    },
  };
}

function checkScheduledAt(value: string, { now, timeZone }: { now: Date; timeZone: string }): { value: string } | { error: string } {
  if (!value) return { error: 'Pick a date and time, or use Start now.' };
  const instant = fromLocalInputValue(value, timeZone);
  if (!instant) return { error: 'Enter a complete date and time.' };
  const ms = Date.parse(instant);
  if (ms < now.getTime() - CALL_LIMITS.pastToleranceMs) return { error: 'This time has passed: pick a later one.' };
  if (ms > now.getTime() + CALL_LIMITS.maxScheduleAheadMs) return { error: 'Pick a time within the next year.' };
  return { value: instant };
}
