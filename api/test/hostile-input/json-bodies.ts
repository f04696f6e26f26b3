import fc from 'fast-check';
import type { BodySchema, FieldSchema } from './openapi';
import { hostileText } from './text';

/** A request body as sent: JSON text, built as text so that keys like `__proto__` and deep nesting survive. */
export interface RawBody {
  text: string;
  contentType: string;
  /** The 4xx statuses the API may answer, and what it must name. */
  statuses: readonly number[];
  field: string;
}

type Entry = [key: string, rawValue: string];

const entriesOf = (body: Record<string, unknown>): Entry[] => Object.entries(body).map(([key, value]) => [key, JSON.stringify(value)]);

const rawObject = (entries: Entry[]): string => `{${entries.map(([key, raw]) => `${JSON.stringify(key)}:${raw}`).join(',')}}`;

const JSON_TYPE = 'application/json';

/** The body's limit is 64kb, or 8mb on the routes that take many rows; the depth's, 32 containers (json-body.ts). */
export const BODY_LIMIT = 64 * 1024;
export const BULK_BODY_LIMIT = 8 * 1024 * 1024;
const MAX_DEPTH = 32;

/** Keys every object inherits, and `prototype`: refused by name, never silently dropped. */
export const INHERITED_KEYS = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

/** The body with one more key, first or last: the API must name that key. */
function withKey(template: Entry[], keys: fc.Arbitrary<string>): fc.Arbitrary<RawBody> {
  return fc.tuple(keys, fc.jsonValue({ maxDepth: 2 }), fc.boolean()).map(([key, value, first]) => {
    const entry: Entry = [key, JSON.stringify(value)];
    return { text: rawObject(first ? [entry, ...template] : [...template, entry]), contentType: JSON_TYPE, statuses: [400], field: key };
  });
}

/**
 * A value no field of this type takes: another JSON type, a number out of range or not whole, a string outside
 * the enum, an array holding anything but the enum's strings; for an array of rows, none or too many. An object's own
 * fields, and each row's, are fuzzed by their routes' tests.
 */
function wrongValue(schema: FieldSchema, required: boolean): fc.Arbitrary<unknown> {
  const otherTypes = [
    ...(schema.type === 'boolean' ? [] : [fc.boolean()]),
    ...(schema.type === 'array' ? [] : [fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })]),
    ...(isObject(schema) ? [] : [fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })]),
    // An optional field that is null is taken as left out.
    ...(required ? [fc.constant(null)] : []),
  ];
  if (schema.type === 'array' && schema.items?.$ref) {
    const tooMany = schema.maxItems === undefined ? [] : [fc.constant(Array.from({ length: schema.maxItems + 1 }, () => ({})))];
    return fc.oneof(...otherTypes, fc.string(), fc.integer(), fc.constant([]), ...tooMany);
  }
  if (schema.type === 'array') {
    const taken = (value: unknown) => typeof value === 'string' && (schema.items?.enum ?? []).includes(value);
    return fc.oneof(...otherTypes, fc.string(), fc.integer(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }).filter((items) => !items.every(taken)));
  }
  if (schema.type !== 'number' && schema.type !== 'string') return fc.oneof(...otherTypes, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (schema.type === 'number') {
    return fc.oneof(
      ...otherTypes,
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
      ...(schema.minimum !== undefined ? [fc.integer({ max: schema.minimum - 1 })] : []),
      ...(schema.maximum !== undefined ? [fc.integer({ min: schema.maximum + 1 })] : []),
    );
  }
  return fc.oneof(
    ...otherTypes,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    ...(schema.enum ? [fc.string().filter((value) => !schema.enum!.includes(value))] : []),
    ...(schema.minLength ? [fc.string({ maxLength: schema.minLength - 1 })] : []),
  );
}

function isObject(schema: FieldSchema): boolean {
  return schema.type === undefined || schema.type === 'object';
}

/** One documented field with a wrong value, or left out when it is required. */
function withWrongField(template: Entry[], schema: BodySchema): fc.Arbitrary<RawBody> {
  const fields = Object.keys(schema.properties);
  return fc.constantFrom(...fields).chain((field) => {
    const required = schema.required?.includes(field) ?? false;
    const others = template.filter(([key]) => key !== field);
    const wrong = wrongValue(schema.properties[field]!, required).map((value): Entry[] => [...others, [field, JSON.stringify(value)]]);
    return (required ? fc.oneof(wrong, fc.constant(others)) : wrong).map((entries) => ({ text: rawObject(entries), contentType: JSON_TYPE, statuses: [400], field }));
  });
}

/** A field (documented or not) holding arrays or objects nested `depth` deep: past the limit the body is refused as a whole. */
function withNesting(template: Entry[], schema: BodySchema): fc.Arbitrary<RawBody> {
  const key = fc.oneof(fc.constantFrom(...Object.keys(schema.properties)), fc.constant('nested'));
  const rows = (field: string) => schema.properties[field]?.items?.$ref !== undefined;
  return fc.tuple(key, fc.integer({ min: 1, max: 9_000 }), fc.boolean()).map(([field, shallowest, arrays]) => {
    // Rows nested within the limit are a list of rows, each reported on its own: only past it is the body refused.
    const depth = arrays && rows(field) ? Math.max(shallowest, MAX_DEPTH) : shallowest;
    const raw = arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const entries: Entry[] = [...template.filter(([name]) => name !== field), [field, raw]];
    // An object field takes objects, and names the key it does not know inside it.
    const named = !arrays && field in schema.properties && isObject(schema.properties[field]!) ? `${field}.a` : field;
    return { text: rawObject(entries), contentType: JSON_TYPE, statuses: [400], field: 1 + depth > MAX_DEPTH ? 'body' : named };
  });
}

/** A body past its limit, by up to 200kb. */
function oversize(template: Entry[], limit: number): fc.Arbitrary<RawBody> {
  return fc.integer({ min: 1, max: 200_000 }).map((over) => {
    const padding = 'x'.repeat(limit + over);
    return { text: rawObject([...template, ['padding', JSON.stringify(padding)]]), contentType: JSON_TYPE, statuses: [413], field: 'body' };
  });
}

/** Not JSON, or JSON that is no object: cut short, trailing text, JSON5 and JavaScript habits, a bare value. */
function malformed(template: Entry[]): fc.Arbitrary<RawBody> {
  const json = rawObject(template);
  const text = fc.oneof(
    fc.integer({ min: 1, max: json.length - 1 }).map((length) => json.slice(0, length)),
    fc.constantFrom('x', '}', ',', ']', '{', '"', '//').map((trailing) => json + trailing),
    fc.constantFrom(
      json.replace(/"([A-Za-z]+)":/, '$1:'),
      json.replaceAll('"', "'"),
      json.replace(/}$/, ',}'),
      json.replace('{', '{/* note */'),
      json.replace(/}$/, ',"n":NaN}'),
    ),
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)).map((value) => JSON.stringify(value)),
  );
  return text.filter((body) => body.trim().length > 0).map((body) => ({ text: body, contentType: JSON_TYPE, statuses: [400], field: 'body' }));
}

/** The right JSON sent as something else: another media type (415), or a charset that is not UTF-8 (415, or 400 once decoded). */
function misdeclared(template: Entry[]): fc.Arbitrary<RawBody> {
  const contentType = fc.oneof(
    fc.constantFrom('text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/vnd.api+json', 'application/json-patch+json', 'application/jsonp', '*/*', 'application'),
    fc.constantFrom('latin1', 'iso-8859-1', 'us-ascii', 'windows-1252', 'utf-16', 'utf-16le', 'utf-32', 'x-unknown').map((charset) => `${JSON_TYPE}; charset=${charset}`),
    fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z0-9.+-]{1,12}$/)).map(([type, subtype]) => `${type}/${subtype}`).filter((type) => type !== JSON_TYPE),
  );
  return contentType.map((type) => ({ text: rawObject(template), contentType: type, statuses: [400, 415], field: 'body' }));
}

/** Every way a body can be refused, each naming what the API's answer must name. */
export function hostileBodies(template: Record<string, unknown>, schema: BodySchema, limit = BODY_LIMIT) {
  const entries = entriesOf(template);
  const documented = new Set(Object.keys(schema.properties));
  const unknownKey = fc.oneof(fc.string(), hostileText({ maxLength: 12 })).filter((key) => !documented.has(key) && !INHERITED_KEYS.includes(key));
  return {
    inheritedKey: withKey(entries, fc.constantFrom(...INHERITED_KEYS)),
    unknownKey: withKey(entries, unknownKey),
    wrongField: withWrongField(entries, schema),
    deepNesting: withNesting(entries, schema),
    oversize: oversize(entries, limit),
    malformed: malformed(entries),
    misdeclared: misdeclared(entries),
  };
}
