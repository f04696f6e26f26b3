import { checkPhoneNumber } from '@call-scheduler/shared';
import { AsYouType, getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type { CountryCode };

export interface CountryOption {
  code: CountryCode;
  label: string;
}

/** Every country the phone library knows, by name in the reader's language, with its calling code. */
export function countryOptions(): CountryOption[] {
  const names = new Intl.DisplayNames(undefined, { type: 'region' });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ code, name }) => ({ code, label: `${name} (+${getCountryCallingCode(code)})` }));
}

/** The country of the browser's language ("en-GB" → GB), so national numbers just work. */
export function defaultCountry(language: string = navigator.language): CountryCode {
  const region = new Intl.Locale(language).maximize().region;
  return getCountries().find((code) => code === region) ?? 'US';
}

/** The number as the operator typed it, laid out the way that country writes numbers. */
export function formatAsTyped(input: string, country: CountryCode): string {
  return new AsYouType(country).input(input);
}

/** The number the call will go to, in E.164, or why there is none. */
export function toE164(input: string, country: CountryCode): { e164: string } | { error: string } {
  if (!input.trim()) return { error: 'Enter the number to call.' };
  const check = checkPhoneNumber(input, country);
  return check.valid ? { e164: check.e164 } : { error: `This ${check.reason}.` };
}

/** An E.164 number as people read it: "+1 415 555 0123". */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
