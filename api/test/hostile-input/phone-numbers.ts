import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { hostileText } from './text';

/**
 * What the API must answer for a phoneNumber: libphonenumber-js's verdict, with full metadata, on the whole
 * text of at most 64 characters (no number picked out of other text), and no extension, which cannot be dialled.
 */
export function expectedE164(text: string): string | null {
  const parsed = text.length <= 64 ? parsePhoneNumberFromString(text, { extract: false }) : undefined;
  return parsed?.isValid() && !parsed.ext ? parsed.number : null;
}

const exampleNumber = fc.constantFrom(...getCountries()).map((country) => getExampleNumber(country, examples)!);

/** The ways people write a number with its country code, each one libphonenumber-js reads as that number. */
const WRITINGS: Record<string, (number: PhoneNumber) => string> = {
  e164: (number) => number.number,
  international: (number) => number.formatInternational(),
  dashes: (number) => number.formatInternational().replaceAll(' ', '-'),
  dots: (number) => number.formatInternational().replaceAll(' ', '.'),
  noBreakSpaces: (number) => number.formatInternational().replaceAll(' ', '\u00a0'),
  bracketedCode: (number) => `+(${number.countryCallingCode}) ${number.nationalNumber}`,
  rfc3966: (number) => number.getURI(),
  padded: (number) => `  ${number.number}\t`,
  arabicIndicDigits: (number) => number.number.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit))),
};

/**
 * Changes that may make a number wrong: which of them do is libphonenumber-js's call. Past 64 UTF-16
 * units only in ASCII (lengthened), where the API's count of characters and JavaScript's agree.
 */
const MUTATIONS: Record<string, fc.Arbitrary<(text: string) => string>> = {
  withoutPlus: fc.constant((text) => text.replace('+', '')),
  internationalPrefix: fc.constant((text) => text.replace('+', '00')),
  fullWidth: fc.constant((text) => text.replace(/[+\d]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  unassignedCode: fc.constantFrom('+0', '+999', '+801').map((code) => (text: string) => text.replace(/^\D*\+\d/, code)),
  digitDropped: fc.nat().map((at) => (text: string) => removeDigit(text, at)),
  digitsAdded: fc.stringMatching(/^\d{1,12}$/).map((digits) => (text: string) => text + digits),
  extension: fc.stringMatching(/^(?: ext\. | x|;ext=)\d{1,6}$/).map((extension) => (text: string) => text + extension),
  surrounded: fc.tuple(hostileText({ maxLength: 3 }), hostileText({ maxLength: 3 })).map(([before, after]) => (text: string) => before + text + after),
  characterInserted: fc.tuple(fc.nat(), hostileText({ minLength: 1, maxLength: 2 })).map(([at, inserted]) => (text: string) => insertAt(text, at, inserted)),
  lengthened: fc.integer({ min: 1, max: 60 }).map((spaces) => (text: string) => text.replace(/(\d)/, `$1${' '.repeat(spaces)}`)),
};

/** A real number of some country, as people write it. */
export const writtenPhoneNumber = fc.tuple(exampleNumber, fc.constantFrom(...Object.values(WRITINGS))).map(([number, write]) => write(number));

/** Anything sent as a phoneNumber: real numbers written every way, mutated, and text that is no number at all. */
export const phoneNumberText = fc.oneof(
  { arbitrary: writtenPhoneNumber, weight: 3 },
  { arbitrary: fc.tuple(writtenPhoneNumber, fc.oneof(...Object.values(MUTATIONS))).map(([text, mutate]) => mutate(text)), weight: 6 },
  { arbitrary: fc.stringMatching(/^\+?\d{0,20}$/), weight: 1 },
  { arbitrary: hostileText({ maxLength: 9 }), weight: 1 },
);

function removeDigit(text: string, at: number): string {
  const digits = [...text.matchAll(/\d/g)];
  const index = digits[at % Math.max(digits.length, 1)]?.index;
  return index === undefined ? text : text.slice(0, index) + text.slice(index + 1);
}

function insertAt(text: string, at: number, inserted: string): string {
  const index = at % (text.length + 1);
  return text.slice(0, index) + inserted + text.slice(index);
}
