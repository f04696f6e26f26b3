import { checkPhoneNumber, DO_NOT_CALL_LIMITS, type AddDoNotCallRequest } from '@call-scheduler/shared';
import type { FormCheck, FormErrors } from '../../lib/use-form';
import type { CountryCode } from '../calls/phone-number-input';

export interface DoNotCallFormValues {
  phoneNumber: string;
  reason: string;
}

/** The number to list, in E.164 (a national one read in `country`), or what is wrong with each field. */
export function checkDoNotCallForm(values: DoNotCallFormValues, country: CountryCode): FormCheck<AddDoNotCallRequest, keyof DoNotCallFormValues> {
  const errors: FormErrors<keyof DoNotCallFormValues> = {};
  const phone = values.phoneNumber.trim() ? checkPhoneNumber(values.phoneNumber, country) : null;
  const reason = values.reason.trim();
  if (!phone) errors.phoneNumber = 'Enter the number never to call.';
  else if (!phone.valid) errors.phoneNumber = `This ${phone.reason}.`;
  if (reason.length > DO_NOT_CALL_LIMITS.reasonMaxLength) errors.reason = `Keep the reason to ${DO_NOT_CALL_LIMITS.reasonMaxLength} characters.`;
  if (!phone?.valid || errors.reason) return { errors };
  return { request: { phoneNumber: phone.e164, ...(reason ? { reason } : {}) } };
}
