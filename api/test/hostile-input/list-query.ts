import { CALL_PAGE_LIMIT, CALL_STATUSES } from '@call-scheduler/shared';
import fc from 'fast-check';
import { INHERITED_KEYS } from './json-bodies';

/** A query string as sent, and the parameter the API's 400 must name. */
export interface ListQuery {
  query: string;
  field: string;
}

const parameter = (name: string, value: string) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;

const DECIMAL = /^\d+$/;

/** Page sizes written any way but decimal digits, or out of 1-200. */
const badLimit = fc.oneof(
  fc.constantFrom('1e1', '0x10', '+5', ' 5', '5 ', '0b11', '0o7', '1.0', '1_0', '５', '٥', 'Infinity', 'NaN', '-1', '', '1,5', '5\u0000', '0', '000', '201'),
  fc.string({ unit: 'binary', maxLength: 8 }).filter((value) => !DECIMAL.test(value)),
  fc.bigInt({ min: BigInt(CALL_PAGE_LIMIT.max + 1), max: 10n ** 30n }).map(String),
);

const badStatus = fc.oneof(
  fc.constantFrom(...CALL_STATUSES).map((status) => status.toUpperCase()),
  fc.constantFrom(...CALL_STATUSES).map((status) => `${status} `),
  fc.string({ unit: 'binary', maxLength: 12 }).filter((value) => !(CALL_STATUSES as readonly string[]).includes(value)),
);

const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Instants this API could have written in a cursor: years 0001-9999, as toISOString writes them. */
const cursorInstant = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });

/** Cursors this API never gives: not base64 JSON, the wrong JSON, times it cannot have written (year 0, expanded years), too long. */
const badCursor = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }).map(base64Json),
  fc.tuple(fc.oneof(fc.date({ noInvalidDate: true }).filter((date) => date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999), fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('0000-12-31T23:59:59.999Z'), noInvalidDate: true })), fc.uuid()).map(([date, id]) => base64Json([date.toISOString(), id])),
  fc.tuple(cursorInstant, fc.string({ maxLength: 40 })).map(([date, id]) => base64Json([date.toISOString(), id])),
  fc.tuple(cursorInstant, fc.uuid()).map(([date, id]) => base64Json([date.toISOString().replace('Z', '+00:00'), id])),
  fc.integer({ min: 513, max: 2_000 }).map((length) => 'c'.repeat(length)),
);

/** Anything but the first digits of a number, the + optional: spaces, dashes, letters, a + inside, past 15 digits. */
export const badSearch = fc.oneof(
  fc.constantFrom('+1 415', '415-555', '(415)', '++1', '1+', 'abc', '1234567890123456', '+1415555012345678', '٤١٥', '1\u0000'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }).filter((value) => !/^\+?\d{0,15}$/.test(value)),
);

const badBatchId = fc.oneof(fc.constantFrom('batch-1', '00000000-0000-0000-0000-00000000000', '{}'), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })).filter(
  (value) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
);

const LIST_PARAMETERS = ['status', 'limit', 'cursor', 'search', 'batchId'];
const unknownParameter = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.constantFrom(...INHERITED_KEYS)).filter((name) => !LIST_PARAMETERS.includes(name));

/** GET /api/calls queries the API must refuse, naming the parameter. */
export const badListQuery: fc.Arbitrary<ListQuery> = fc.oneof(
  badLimit.map((limit) => ({ query: parameter('limit', limit), field: 'limit' })),
  fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 })).map(([a, b]) => ({ query: `limit=${a}&limit=${b}`, field: 'limit' })),
  badStatus.map((status) => ({ query: parameter('status', status), field: 'status' })),
  badCursor.map((cursor) => ({ query: parameter('cursor', cursor), field: 'cursor' })),
  badSearch.map((search) => ({ query: parameter('search', search), field: 'search' })),
  badBatchId.map((batchId) => ({ query: parameter('batchId', batchId), field: 'batchId' })),
  fc.tuple(unknownParameter, fc.string({ maxLength: 8 })).map(([name, value]) => ({ query: parameter(name, value), field: name })),
);

/** The same brief's cases, written as a client would type them into a URL. */
export const LIMIT_EXAMPLES: ListQuery[] = ['1e1', '0x10', '+5', '%205', '%2B5'].map((limit) => ({ query: `limit=${limit}`, field: 'limit' }));

/** Queries the API takes: a page size in decimal digits (leading zeros too), a known status, a cursor it could have given, a number's first digits, any batch id. */
export const goodListQuery = fc
  .record(
    {
      limit: fc.tuple(fc.integer({ min: 1, max: CALL_PAGE_LIMIT.max }), fc.integer({ min: 0, max: 2 })).map(([limit, zeros]) => `${'0'.repeat(zeros)}${limit}`),
      status: fc.constantFrom(...CALL_STATUSES),
      cursor: fc.tuple(cursorInstant, fc.uuid()).map(([date, id]) => base64Json([date.toISOString(), id])),
      search: fc.tuple(fc.boolean(), fc.stringMatching(/^\d{0,15}$/)).map(([plus, digits]) => `${plus ? '+' : ''}${digits}`),
      batchId: fc.uuid(),
    },
    { requiredKeys: [] },
  )
  .map((query) => ({ limit: query.limit === undefined ? CALL_PAGE_LIMIT.default : Number(query.limit), query: Object.entries(query).map(([name, value]) => parameter(name, value)).join('&') }));
