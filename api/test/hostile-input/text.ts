import fc from 'fast-check';

/** Characters that trip up text handling: NUL and other controls, invisible and direction marks, combining marks, line separators. */
const TRICKY_CHARACTERS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\t', '\n', '\r', ' ', '\u00a0', '\u2028', '\u200b', '\u200d', '\u202e', '\ufeff', '\u0301', '\ufe0f', '👩🏽‍💻', '字', 'é'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One "character" of hostile text: any code point, a tricky one, or half of a surrogate pair. */
const hostileCharacter = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.constantFrom(...TRICKY_CHARACTERS), weight: 3 },
  { arbitrary: loneSurrogate, weight: 1 },
);

/** Text in any script, with control characters and unpaired surrogates among it. */
export function hostileText(constraints: { minLength?: number; maxLength: number }): fc.Arbitrary<string> {
  return fc.string({ unit: hostileCharacter, ...constraints });
}

/** What PostgreSQL can store, as the API documents it: well-formed Unicode without NUL. */
export function isStorable(text: string): boolean {
  return text.isWellFormed() && !text.includes('\u0000');
}
