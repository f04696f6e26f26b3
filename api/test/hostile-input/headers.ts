import fc from 'fast-check';

const character = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCharCode(code));

const visibleAscii = character(0x21, 0x7e);

/** What Node's HTTP client lets into a header value: visible ASCII, spaces and tabs, and Latin-1. */
const headerCharacter = fc.oneof({ arbitrary: visibleAscii, weight: 6 }, { arbitrary: fc.constantFrom(' ', '\t'), weight: 1 }, { arbitrary: character(0x80, 0xff), weight: 2 });

export const headerValue = (constraints: { minLength?: number; maxLength: number }) => fc.string({ unit: headerCharacter, ...constraints });

/** The value a server reads: HTTP drops the spaces and tabs around it. */
const asReceived = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Idempotency-Key values outside 1-255 visible ASCII characters, as the server receives them. */
export const badIdempotencyKey = fc
  .oneof(headerValue({ maxLength: 40 }), fc.string({ unit: visibleAscii, minLength: 256, maxLength: 4_000 }))
  .filter((value) => !IDEMPOTENCY_KEY.test(asReceived(value)));

/** Authorization values that are no key of this API: made up, mangled, or a real key misspelt. */
export function badAuthorization(realSecret: string): fc.Arbitrary<string> {
  const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 1, maxLength: 60 });
  const misspelt = fc.tuple(fc.integer({ min: 4, max: realSecret.length - 1 }), visibleAscii).filter(([at, replacement]) => realSecret[at] !== replacement);
  return fc.oneof(
    headerValue({ maxLength: 80 }),
    headerValue({ maxLength: 80 }).map((value) => `Bearer ${value}`),
    base64url.map((secret) => `Bearer csk_${secret}`),
    misspelt.map(([at, replacement]) => `Bearer ${realSecret.slice(0, at)}${replacement}${realSecret.slice(at + 1)}`),
    fc.constantFrom(
      `Bearer ${realSecret.slice(0, -1)}`,
      `Bearer ${realSecret}x`,
      `Bearer ${realSecret} ${realSecret}`,
      `Basic ${Buffer.from(`${realSecret}:`).toString('base64')}`,
      `Token ${realSecret}`,
      realSecret,
    ),
  );
}

/** Cookie headers carrying no session this API opened. */
export const badCookie = fc.oneof(
  headerValue({ maxLength: 60 }).map((value) => `cs_session=${value.replace(/[;,]/g, '')}`),
  fc.tuple(fc.stringMatching(/^[a-z_]{1,10}$/), headerValue({ maxLength: 30 })).map(([name, value]) => `${name}=${value.replace(/[;,]/g, '')}`),
  fc.constantFrom('cs_session=', 'cs_session=%E0%A4%A', 'cs_session="unterminated', 'cs_session=a; cs_session=b', '=', ';;;'),
);

/** Headers and the bytes around them that Node's HTTP parser refuses: a control character in a value, a separator in a name. */
const controlCharacter = fc.oneof(character(0x00, 0x08), character(0x0b, 0x0c), character(0x0e, 0x1f), fc.constant('\u007f'));

export const unparsableHeader = fc.oneof(
  fc.tuple(headerValue({ maxLength: 10 }), controlCharacter, headerValue({ maxLength: 10 })).map(([before, control, after]) => `X-Fuzz: ${before}${control}${after}`),
  fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom(...'()<>@,;=?[]\\{}" /'), fc.stringMatching(/^[a-z]{0,6}$/)).map(([before, separator, after]) => `${before}${separator}${after}: x`),
  fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), controlCharacter).map(([name, control]) => `${name}${control}: x`),
);

/** Headers past Node's 16 KiB limit: one long value, or many headers. */
export const oversizeHeaders = fc.oneof(
  fc.tuple(fc.constantFrom('x-padding', 'cookie', 'authorization', 'idempotency-key', 'user-agent'), fc.integer({ min: 16_500, max: 40_000 })).map(([name, size]) => ({ [name]: 'a'.repeat(size) })),
  fc.integer({ min: 200, max: 400 }).map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`x-padding-${i}`, 'b'.repeat(100)]))),
);
