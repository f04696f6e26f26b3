import { parsePhoneNumberWithError, ParseError, type CountryCode } from 'libphonenumber-js/max';

export type PhoneNumberCheck = { valid: true; e164: string } | { valid: false; reason: string };

/**
 * Normalises a phone number to E.164. Without a default country the number must carry
 * its country code (+...), since a call scheduler cannot guess whose "555 0123" is meant.
 * The whole input must be the number: one picked out of other text ("call +44… now") might
 * not be the one meant, and an extension would be dropped, since the provider dials none.
 */
export function checkPhoneNumber(input: string, defaultCountry?: CountryCode): PhoneNumberCheck {
  try {
    const parsed = parsePhoneNumberWithError(input, { defaultCountry, extract: false });
    if (!parsed.isValid()) {
      return { valid: false, reason: `is not a valid phone number for ${parsed.country ?? `+${parsed.countryCallingCode}`}` };
    }
    if (parsed.ext) return { valid: false, reason: `has an extension (${parsed.ext}), which cannot be dialled` };
    return { valid: true, e164: parsed.number };
  } catch (error) {
    if (error instanceof ParseError) return { valid: false, reason: parseErrorReason(error.message) };
    throw error;
  }
}

function parseErrorReason(code: string): string {
  switch (code) {
    case 'INVALID_COUNTRY':
      return 'must start with + and the country code, e.g. +14155550123';
    case 'TOO_SHORT':
      return 'is too short to be a phone number';
    case 'TOO_LONG':
      return 'is too long to be a phone number';
    default:
      return 'is not a phone number';
  }
}
