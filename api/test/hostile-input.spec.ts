import { EXPIRED_SIGN_IN_LINK_PARAM, checkPhoneNumber, type CallDto, type CallPageDto, type ScheduleDto } from '@call-scheduler/shared';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Response, Test } from 'supertest';
import { expectRefusal } from './api-errors';
import { ApiHarness, HOUR, WEB_ORIGIN, eventually, fromNow, type Footprint, type TestAccount } from './api-harness';
import { badAuthorization, badCookie, badIdempotencyKey, headerValue, oversizeHeaders, unparsableHeader } from './hostile-input/headers';
import { BODY_LIMIT, BULK_BODY_LIMIT, hostileBodies } from './hostile-input/json-bodies';
import { LIMIT_EXAMPLES, badListQuery, badSearch, goodListQuery } from './hostile-input/list-query';
import { documentedOperations, routeOf, type Method, type Operation } from './hostile-input/openapi';
import { expectedE164, phoneNumberText } from './hostile-input/phone-numbers';
import { casesRun, checkProperty } from './hostile-input/property';
import { rawRequest } from './hostile-input/raw-request';
import { SPRING_GAP_EXAMPLES, isSchedulable, readableTime, unreadableTime } from './hostile-input/scheduled-at';
import { hostileText, isStorable } from './hostile-input/text';

let harness: ApiHarness;
/** Is sent only bad input: nothing it owns may ever change, and nothing may be dialled. */
let hostile: TestAccount;
/** Takes the valid inputs the properties generate. */
let accepting: TestAccount;
/** The hostile account's one call, hours away: commands that got through would show in its timeline. */
let pendingCall: CallDto;
let acceptingCall: CallDto;
/** The hostile account's one schedule, paused: commands that got through would show in Temporal. */
let pendingSchedule: ScheduleDto;
/** An admin of the hostile account, signed in from the web app. */
let signedIn: Awaited<ReturnType<ApiHarness['signedIn']>>;
let operations: Operation[];
/** The hostile account as it was before any property ran. */
let initialFootprint: Footprint;
/** As it was after the last request checked. */
let footprint: Footprint;

beforeAll(async () => {
  // Thousands of requests in a minute from a few keys: far past the default rate limit, which is not under test here.
  harness = await ApiHarness.start({ config: { RATE_LIMIT_PER_MINUTE: '1000000' }, statusCallbacks: { fallbackPollMs: 30_000 } });
  [hostile, accepting] = await Promise.all([harness.newAccount('Hostile'), harness.newAccount('Accepting')]);
  [pendingCall, acceptingCall] = await Promise.all([createCall(hostile), createCall(accepting)]);
  pendingSchedule = (await harness.api(hostile.keys.operator.secret).post('/api/schedules').send(SCHEDULE)).body as ScheduleDto;
  await harness.api(hostile.keys.operator.secret).post('/api/do-not-call').send({ phoneNumber: LISTED });
  signedIn = await harness.signedIn('admin', hostile.id);
  operations = documentedOperations((await harness.anonymous().get('/api/docs/openapi.json')).body);
  initialFootprint = await eventually(() => harness.footprint(hostile.id), (settled) => settled.rows.events === 1);
  footprint = initialFootprint;
});

afterAll(async () => {
  const total = [...casesRun.values()].reduce((sum, runs) => sum + runs, 0);
  console.info(`${total} generated cases:\n${[...casesRun].map(([name, runs]) => `${String(runs).padStart(5)}  ${name}`).join('\n')}`);
  await harness?.close();
});

const SCHEDULE = { phoneNumber: '+14155550123', timeZone: 'UTC', cron: '0 9 * * *', paused: true };
/** On the hostile account's do-not-call list: a removal that got through would show. */
const LISTED = '+14155550126';

async function createCall(account: TestAccount): Promise<CallDto> {
  const response = await harness.api(account.keys.operator.secret).post('/api/calls').send({ phoneNumber: '+14155550123', scheduledAt: fromNow(3 * HOUR) });
  expect(response.status).toBe(201);
  return response.body as CallDto;
}

/** Sends the requests, then checks that nothing the hostile account owns changed, and that nothing was dialled. */
async function changesNothing<T>(send: () => Promise<T>): Promise<T> {
  const result = await send();
  const before = footprint;
  footprint = await harness.footprint(hostile.id);
  expect(footprint).toEqual(before);
  return result;
}

type Client = Record<Method, (path: string) => Test>;

const asHostile = (): Client => harness.api(hostile.keys.admin.secret);
const asAccepting = (): Client => harness.api(accepting.keys.admin.secret);

/** A path segment as sent: dots too, so no URL parser reads `..` as a step up. */
const pathSegment = (id: string) => encodeURIComponent(id).replaceAll('.', '%2E');

function send(client: Client, operation: Operation, id: string = randomUUID()): Test {
  return client[operation.method](operation.path.replace(/\{(id|phoneNumber)\}/, pathSegment(id)));
}

const BULK_ROUTES = ['POST /api/calls/batch', 'POST /api/do-not-call/import'];
const bodyLimitOf = (operation: Operation) => (BULK_ROUTES.includes(routeOf(operation)) ? BULK_BODY_LIMIT : BODY_LIMIT);

interface ValidRequest {
  id?: string;
  body?: Record<string, unknown>;
  anonymous?: boolean;
}

/** For every documented route that changes something, a request the hostile account's admin may make. */
function validRequests(): Record<string, ValidRequest> {
  return {
    'POST /api/calls': { body: { phoneNumber: '+14155550123', scheduledAt: fromNow(HOUR) } },
    'PATCH /api/calls/{id}': { id: pendingCall.id, body: { scheduledAt: fromNow(2 * HOUR) } },
    'POST /api/calls/{id}/start-now': { id: pendingCall.id, body: { overrideWindow: false } },
    'POST /api/calls/{id}/cancel': { id: pendingCall.id },
    'POST /api/calls/batch': { body: { name: 'fuzz.csv', calls: [{ phoneNumber: '+14155550123', scheduledAt: fromNow(HOUR), clientRef: 'fuzz' }] } },
    'POST /api/do-not-call': { body: { phoneNumber: '+14155550124', reason: 'Fuzzed' } },
    'POST /api/do-not-call/import': { body: { entries: [{ phoneNumber: '+14155550125' }] } },
    'DELETE /api/do-not-call/{phoneNumber}': { id: LISTED },
    'PUT /api/account/limits': { body: { dialsPerHour: 7, dialsPerDay: 70, maxConcurrentCalls: 3 } },
    'PUT /api/account/default-window': { body: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '21:00' } },
    'DELETE /api/account/default-window': {},
    'POST /api/schedules': { body: SCHEDULE },
    'PATCH /api/schedules/{id}': { id: pendingSchedule.id, body: { note: 'Fuzzed' } },
    'POST /api/schedules/{id}/pause': { id: pendingSchedule.id },
    'POST /api/schedules/{id}/resume': { id: pendingSchedule.id },
    'POST /api/schedules/{id}/trigger': { id: pendingSchedule.id },
    'DELETE /api/schedules/{id}': { id: pendingSchedule.id },
    'POST /api/account/users': { body: { email: `${randomUUID()}@example.com`, name: 'Fuzz', role: 'viewer', password: 'correct horse battery staple' } },
    'POST /api/account/api-keys': { body: { name: 'fuzz', role: 'viewer' } },
    'POST /api/account/api-keys/{id}/revoke': { id: hostile.keys.viewer.id },
    'POST /api/auth/sign-in': { body: { email: signedIn.user.email, password: signedIn.password }, anonymous: true },
    'POST /api/auth/sign-out': {},
  };
}

/** The provider's status callbacks: signed by it, not sent by a user or key; their own property is below. */
const PROVIDER_EVENTS = 'POST /api/provider/events';
const changing = (operation: Operation) => operation.method !== 'get' && routeOf(operation) !== PROVIDER_EVENTS;
const PUBLIC_ROUTES = ['GET /health', 'POST /api/auth/sign-in', 'GET /api/auth/link', PROVIDER_EVENTS];
const guarded = (operation: Operation) => !PUBLIC_ROUTES.includes(routeOf(operation));

describe('the properties', () => {
  it('cover every documented route, parameter, header and body field', () => {
    const covered = new Set([
      'header:idempotency-key',
      ...['status', 'limit', 'cursor', 'search', 'batchid', 'after', 'dryrun'].map((name) => `query:${name}`),
      ...['query:callid', 'header:x-provider-timestamp', 'header:x-provider-signature'],
      ...['path:id', 'path:phonenumber', ...operations.flatMap((operation) => operation.inputs.filter((input) => input.startsWith('body:')))],
    ]);
    const valid = validRequests();

    expect(operations.filter(changing).map(routeOf).sort()).toEqual(Object.keys(valid).sort());
    expect(operations.flatMap((operation) => operation.inputs).filter((input) => !covered.has(input))).toEqual([]);
  });
});

const BODY_CASES = [
  { kind: 'inheritedKey', says: 'a key every object inherits (__proto__, constructor, toString…) or prototype', numRuns: 80 },
  { kind: 'unknownKey', says: 'an undocumented key in any script', numRuns: 60 },
  { kind: 'wrongField', says: 'a documented field of the wrong type or range, or a required one left out', numRuns: 150 },
  { kind: 'deepNesting', says: 'arrays and objects nested up to 9,000 deep', numRuns: 40 },
  { kind: 'oversize', says: 'a body over its limit (64kb, or 8mb for many rows)', numRuns: 15 },
  { kind: 'malformed', says: 'malformed JSON, or JSON that is no object', numRuns: 60 },
  { kind: 'misdeclared', says: 'JSON declared as another media type or charset', numRuns: 40 },
] as const;

describe('every route that reads a JSON body', () => {
  it.each(BODY_CASES)('refuses $says, naming it, and changes nothing', async ({ kind, numRuns }) => {
    const valid = validRequests();
    const routes = operations
      .filter((operation) => operation.body)
      .map((operation) => ({ operation, ...valid[routeOf(operation)]! }))
      .map((route) => hostileBodies(route.body ?? {}, route.operation.body!, bodyLimitOf(route.operation))[kind].map((body) => ({ ...route, sent: body })));

    await checkProperty(
      fc.oneof(...routes),
      async ({ operation, id, anonymous, sent }) => {
        const response = await changesNothing(() => send(anonymous ? harness.anonymous() : asHostile(), operation, id).set('content-type', sent.contentType).send(sent.text));
        expectRefusal(response, { route: routeOf(operation), ...sent });
      },
      { numRuns },
    );
  });
});

describe('POST /api/calls', () => {
  const refusedByHostile = async (body: Record<string, unknown>, field: string) => {
    const response = await changesNothing(() => asHostile().post('/api/calls').send(body));
    expectRefusal(response, { route: 'POST /api/calls', statuses: [400], field });
  };

  it('takes every number libphonenumber-js reads as valid, however written, as its E.164, and refuses any other naming phoneNumber', async () => {
    await checkProperty(
      phoneNumberText,
      async (phoneNumber) => {
        const e164 = expectedE164(phoneNumber);
        const body = { phoneNumber, scheduledAt: fromNow(HOUR) };
        if (e164 === null) return refusedByHostile(body, 'phoneNumber');
        const response = await asAccepting().post('/api/calls').send(body);
        expect({ status: response.status, phoneNumber: response.body.phoneNumber }).toEqual({ status: 201, phoneNumber: e164 });
      },
      { numRuns: 130, examples: ['+44 7400 123456', 'tel:+14155550123', '+1 (415) 555-0123', '00447400123456', '＋４４７４００１２３４５６', '+44 7400 123456 ext. 12'] },
    );
  });

  it('keeps a note in any script, trimmed, and refuses by name one PostgreSQL cannot store (NUL, an unpaired surrogate)', async () => {
    await checkProperty(
      hostileText({ maxLength: 100 }),
      async (note) => {
        const body = { phoneNumber: '+14155550123', scheduledAt: fromNow(HOUR), note };
        if (!isStorable(note)) return refusedByHostile(body, 'note');
        const response = await asAccepting().post('/api/calls').send(body);
        expect({ status: response.status, note: response.body.note }).toEqual({ status: 201, note: note.trim() || null });
      },
      { numRuns: 70, examples: ['Rappeler Zoë — 折り返し電話 📞', 'before\u0000after', 'before\ud800after', '\u202eevil\u202c', ' \u00a0\ufeff '] },
    );
  });

  it('refuses a note over 500 characters, naming note', async () => {
    await checkProperty(
      fc.string({ unit: fc.constantFrom('a', 'é', '字', ' '), minLength: 501, maxLength: 1_500 }),
      (note) => refusedByHostile({ phoneNumber: '+14155550123', note }, 'note'),
      { numRuns: 15 },
    );
  });

  it('refuses an Idempotency-Key that is not 1-255 visible ASCII characters, naming it', async () => {
    await checkProperty(
      badIdempotencyKey,
      async (key) => {
        const response = await changesNothing(() => asHostile().post('/api/calls').set('idempotency-key', key).send({ phoneNumber: '+14155550123', scheduledAt: fromNow(HOUR) }));
        expectRefusal(response, { route: 'POST /api/calls', statuses: [400], field: 'Idempotency-Key' });
      },
      { numRuns: 60, examples: ['', 'caf\u00e9', 'two words', 'k'.repeat(256)] },
    );
  });
});

describe('scheduledAt on create and reschedule', () => {
  const refusedOnBothRoutes = async (scheduledAt: unknown) => {
    const [created, rescheduled] = await changesNothing(() =>
      Promise.all([
        asHostile().post('/api/calls').send({ phoneNumber: '+14155550123', scheduledAt }),
        asHostile().patch(`/api/calls/${pendingCall.id}`).send({ scheduledAt }),
      ]),
    );
    expectRefusal(created, { route: 'POST /api/calls', statuses: [400], field: 'scheduledAt' });
    expectRefusal(rescheduled, { route: 'PATCH /api/calls/{id}', statuses: [400], field: 'scheduledAt' });
  };

  it('takes a time written with any offset to the millisecond, DST gaps and overlaps included, when it is within the year ahead', async () => {
    await checkProperty(
      readableTime,
      async ({ text, instant }) => {
        if (!isSchedulable(instant)) return refusedOnBothRoutes(text);
        const response = await asAccepting().post('/api/calls').send({ phoneNumber: '+14155550123', scheduledAt: text });
        expect({ text, status: response.status, scheduledAt: response.body.scheduledAt }).toEqual({ text, status: 201, scheduledAt: instant.toISOString() });
      },
      { numRuns: 60, examples: SPRING_GAP_EXAMPLES },
    );
  });

  it('refuses, naming scheduledAt, a time without an offset, past year 9999 or Date\'s range, that does not exist, or in another ISO 8601 form', async () => {
    await checkProperty(unreadableTime, refusedOnBothRoutes, {
      numRuns: 130,
      examples: [null, '+275760-09-13T00:00:00Z', '275760-09-13T00:00:00Z', '+275760-09-13T00:00:00.001Z', '-271821-04-20T00:00:00Z', ...SPRING_GAP_EXAMPLES.map((time) => time.withoutOffset)],
    });
  });
});

describe('GET /api/calls', () => {
  it('refuses a query it cannot read, naming the parameter: a limit not in decimal digits (1e1, 0x10, +5, " 5"), an unknown status, a cursor it never gave, any other parameter', async () => {
    await checkProperty(
      badListQuery,
      async ({ query, field }) => {
        const response = await changesNothing(() => asHostile().get(`/api/calls?${query}`));
        expectRefusal(response, { route: `GET /api/calls?${query}`, statuses: [400], field });
      },
      { numRuns: 160, examples: LIMIT_EXAMPLES },
    );
  });

  it('answers a limit in decimal digits, a known status and any cursor it could have given', async () => {
    await checkProperty(
      goodListQuery,
      async ({ query, limit }) => {
        const response = await asHostile().get(`/api/calls?${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 200 });
        expect((response.body as CallPageDto).items.length).toBeLessThanOrEqual(limit);
      },
      { numRuns: 40 },
    );
  });
});

describe('GET /api/do-not-call and POST /api/calls/batch', () => {
  it('refuse a search that is no number prefix, a cursor no number could be, a dryRun not true or false, naming the parameter', async () => {
    const valid = validRequests()['POST /api/calls/batch']!;
    const refused = fc.oneof(
      badSearch.map((search) => ({ route: 'GET /api/do-not-call', query: { search }, field: 'search' })),
      fc.string({ minLength: 65, maxLength: 200 }).map((after) => ({ route: 'GET /api/do-not-call', query: { after }, field: 'after' })),
      fc.string({ maxLength: 8 }).filter((value) => value !== 'true' && value !== 'false').map((dryRun) => ({ route: 'POST /api/calls/batch', query: { dryRun }, field: 'dryRun' })),
    );
    await checkProperty(
      refused,
      async ({ route, query, field }) => {
        const request = route.startsWith('GET') ? asHostile().get('/api/do-not-call').query(query) : asHostile().post('/api/calls/batch').query(query).send(valid.body);
        expectRefusal(await changesNothing(() => request), { route, statuses: [400], field });
      },
      { numRuns: 60 },
    );
  });
});

describe("the provider's status callbacks", () => {
  it('are refused with 403 unless signed with the secret and fresh, whatever headers and body come, or 400 naming a callId that is no UUID; nothing changes', async () => {
    const [operation] = operations.filter((candidate) => routeOf(candidate) === PROVIDER_EVENTS);
    const sent = fc.record({
      callId: fc.oneof(fc.uuid().map((value) => ({ value, status: 403 })), hostileText({ minLength: 1, maxLength: 20 }).filter((text) => text.isWellFormed() && !/^[0-9a-f-]{36}$/i.test(text)).map((value) => ({ value, status: 400 }))),
      timestamp: fc.option(fc.oneof(headerValue({ maxLength: 16 }), fc.integer({ min: 0, max: 2 ** 40 }).map(String), fc.constant(String(Math.floor(Date.now() / 1000))))),
      signature: fc.option(fc.oneof(headerValue({ maxLength: 80 }), fc.stringMatching(/^v1=[0-9a-f]{64}$/))),
      body: fc.jsonValue({ maxDepth: 2 }),
    });
    await checkProperty(
      sent,
      async ({ callId, timestamp, signature, body }) => {
        let request = harness.anonymous().post(`/api/provider/events?callId=${encodeURIComponent(callId.value)}`).set('content-type', 'application/json');
        if (timestamp !== null) request = request.set('x-provider-timestamp', timestamp);
        if (signature !== null) request = request.set('x-provider-signature', signature);
        const response = await changesNothing(() => request.send(JSON.stringify(body)));
        if (callId.status === 400) return expectRefusal(response, { route: routeOf(operation!), statuses: [400], field: 'callId' });
        expect({ status: response.status, message: response.body.message }).toEqual({ status: 403, message: expect.stringContaining('Not a status callback of the provider') });
      },
      { numRuns: 80 },
    );
  });
});

describe('a phone number in the path', () => {
  it("is refused naming phoneNumber when it is no number; a number not on the account's list, or on another account's, is 404", async () => {
    await harness.api(accepting.keys.operator.secret).post('/api/do-not-call').send({ phoneNumber: '+14155550127' });
    const number = fc.oneof(
      hostileText({ minLength: 1, maxLength: 30 }).filter((text) => text.isWellFormed() && !checkPhoneNumber(text).valid && !/^\.{1,2}$/.test(text)).map((value) => ({ value, status: 400 })),
      fc.constantFrom('+14155550127', '+442071838750', '+1 (415) 555-0128').map((value) => ({ value, status: 404 })),
    );
    const operation = operations.find((candidate) => routeOf(candidate) === 'DELETE /api/do-not-call/{phoneNumber}')!;
    await checkProperty(
      number,
      async ({ value, status }) => {
        const response = await changesNothing(() => send(asHostile(), operation, value));
        if (status === 400) return expectRefusal(response, { route: routeOf(operation), statuses: [400], field: 'phoneNumber' });
        expect({ value, status: response.status }).toEqual({ value, status: 404 });
      },
      { numRuns: 60 },
    );
  });
});

describe('an id in the path', () => {
  it('is refused naming id on every route that takes one when it is no UUID; another account\'s or an unknown UUID is 404', async () => {
    const valid = validRequests();
    const routes = operations.filter((operation) => operation.inputs.includes('path:id'));
    const notUuid = hostileText({ minLength: 1, maxLength: 40 }).filter((id) => id.isWellFormed() && !/^[0-9a-f-]{36}$/i.test(id) && !/^(\.{1,2}|stream|batches)$/i.test(id));
    const id = fc.oneof(
      notUuid.map((value) => ({ value, status: 400 })),
      fc.oneof(fc.uuid(), fc.constantFrom(acceptingCall.id, accepting.keys.viewer.id)).map((value) => ({ value, status: 404 })),
    );

    await checkProperty(
      fc.tuple(fc.constantFrom(...routes), id),
      async ([operation, { value, status }]) => {
        const route = routeOf(operation);
        const response = await changesNothing(() => send(asHostile(), operation, value).send(valid[route]?.body));
        if (status === 400) return expectRefusal(response, { route, statuses: [400], field: 'id' });
        expect({ route, status: response.status, message: response.body.message }).toEqual({ route, status: 404, message: expect.stringContaining(value) });
      },
      { numRuns: 100, examples: [[routes[0]!, { value: 'not-a-uuid', status: 400 }], [routes[0]!, { value: '../../health', status: 400 }]] },
    );
  });
});

describe('headers', () => {
  const port = () => (harness.app.getHttpServer().address() as AddressInfo).port;

  it('over 16 KiB are refused with 431 naming the headers, on every route', async () => {
    await checkProperty(
      fc.tuple(fc.constantFrom(...operations), oversizeHeaders),
      async ([operation, headers]) => {
        const response = await changesNothing(() => send(asHostile(), operation).set(headers));
        expectRefusal(response, { route: routeOf(operation), statuses: [431], field: 'headers' });
      },
      { numRuns: 15 },
    );
  });

  it('with a control character in a value, or a separator in a name, are refused with 400 naming the headers', async () => {
    await checkProperty(
      fc.tuple(fc.constantFrom(...operations), unparsableHeader),
      async ([operation, header]) => {
        const path = operation.path.replace('{id}', randomUUID());
        const head = `${operation.method.toUpperCase()} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${hostile.keys.admin.secret}\r\n${header}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;
        const response = await changesNothing(() => rawRequest(port(), head));
        expect({ route: routeOf(operation), header, ...response }).toEqual({
          route: routeOf(operation),
          header,
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: expect.stringContaining('headers'), errors: [{ field: 'headers', message: expect.stringContaining('headers') }] },
        });
      },
      { numRuns: 30 },
    );
  });

  const expectNotSignedIn = (operation: Operation, response: Response) =>
    expect({ route: routeOf(operation), status: response.status, body: response.body }).toEqual({
      route: routeOf(operation),
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/API key|sign in/i) },
    });

  it('Authorization that is no key of this API gets 401 on every guarded route', async () => {
    await checkProperty(
      fc.tuple(fc.constantFrom(...operations.filter(guarded)), badAuthorization(hostile.keys.admin.secret)),
      async ([operation, authorization]) => {
        const response = await changesNothing(() => send(harness.anonymous(), operation).set('authorization', authorization).send(changing(operation) ? {} : undefined));
        expectNotSignedIn(operation, response);
      },
      { numRuns: 80 },
    );
  });

  it('Cookie without a session this API opened gets 401 on every guarded route', async () => {
    await checkProperty(
      fc.tuple(fc.constantFrom(...operations.filter(guarded)), badCookie),
      async ([operation, cookie]) => {
        const response = await changesNothing(() => send(harness.anonymous(), operation).set('cookie', cookie).send(changing(operation) ? {} : undefined));
        expectNotSignedIn(operation, response);
      },
      { numRuns: 30 },
    );
  });

  it('Origin or Sec-Fetch-Site of another site gets 403 for a signed-in browser on every route that changes something, and the request does nothing', async () => {
    const foreign: fc.Arbitrary<{ origin?: string; site?: string }> = fc.oneof(
      fc.webUrl().map((url) => ({ origin: new URL(url).origin })),
      fc.constantFrom('null', '', 'http://web.test:3000/', 'HTTP://WEB.TEST:3000', 'http://web.test:3001', 'https://web.test:3000', 'http://web.test:3000.evil.example').map((origin) => ({ origin })),
      headerValue({ maxLength: 30 }).map((origin) => ({ origin })),
      fc.oneof(fc.constantFrom('cross-site', 'same-site', 'none', 'SAME-ORIGIN'), headerValue({ maxLength: 12 })).map((site) => ({ site })),
    );
    const ownOrigin = () => `http://127.0.0.1:${port()}`;
    const isForeign = (header: { origin?: string; site?: string }) =>
      header.origin !== undefined ? header.origin.trim() !== WEB_ORIGIN && header.origin.trim() !== ownOrigin() : header.site?.trim() !== 'same-origin';

    await checkProperty(
      fc.tuple(fc.constantFrom(...operations.filter(changing)), foreign.filter(isForeign)),
      async ([operation, { origin, site }]) => {
        const { id, body } = validRequests()[routeOf(operation)]!;
        const request = () => send(signedIn.browser, operation, id);
        const crossSite = origin === undefined ? request().unset('origin').set('sec-fetch-site', site!) : request().set('origin', origin);
        const response = await changesNothing(() => crossSite.send(body));
        expect({ route: routeOf(operation), status: response.status, body: response.body }).toEqual({
          route: routeOf(operation),
          status: 403,
          body: { statusCode: 403, error: 'Forbidden', message: expect.stringContaining('origin') },
        });
      },
      { numRuns: 40 },
    );
  });
});

describe('text the API stores', () => {
  it('keeps a key\'s name in any script as sent, and refuses one PostgreSQL cannot store naming name', async () => {
    await checkProperty(
      // Variation selectors alone count as no characters at all: that is Length's business, not this property's.
      hostileText({ minLength: 1, maxLength: 25 }).filter((name) => /[^\ufe0e\ufe0f]/.test(name)),
      async (name) => {
        if (!isStorable(name)) {
          const response = await changesNothing(() => asHostile().post('/api/account/api-keys').send({ name, role: 'viewer' }));
          return expectRefusal(response, { route: 'POST /api/account/api-keys', statuses: [400], field: 'name' });
        }
        const response = await asAccepting().post('/api/account/api-keys').send({ name, role: 'viewer' });
        expect({ status: response.status, name: response.body.name }).toEqual({ status: 201, name });
      },
      { numRuns: 30, examples: ['Zoë’s 折り返し bot 🤖', 'a\u0000b', 'a\ud800b'] },
    );
  });

  it('refuses, naming the field, a user\'s name or email or a sign-in email PostgreSQL cannot store', async () => {
    const unstorable = hostileText({ minLength: 1, maxLength: 20 }).filter((text) => !isStorable(text));
    const user = { email: `${randomUUID()}@example.com`, name: 'Fuzz', role: 'viewer', password: 'correct horse battery staple' };
    const targets = [
      { route: 'POST /api/account/users', field: 'name', body: (text: string) => ({ ...user, name: text }) },
      { route: 'POST /api/account/users', field: 'email', body: (text: string) => ({ ...user, email: `${text}@example.com` }) },
      { route: 'POST /api/auth/sign-in', field: 'email', body: (text: string) => ({ email: text, password: 'not the password' }) },
    ];

    await checkProperty(
      fc.tuple(fc.constantFrom(...targets), unstorable),
      async ([{ route, field, body }, text]) => {
        const path = route.split(' ')[1]!;
        const client = route.includes('sign-in') ? harness.anonymous() : asHostile();
        const response = await changesNothing(() => client.post(path).send(body(text)));
        expectRefusal(response, { route, statuses: [400], field });
      },
      { numRuns: 30 },
    );
  });
});

describe('GET /api/auth/link', () => {
  it('sends a browser with any made-up token to the sign-in page, signing nobody in', async () => {
    const token = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }).map((value) => `token=${encodeURIComponent(value)}`),
      fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `token=${encodeURIComponent(a)}&token=${encodeURIComponent(b)}`),
      fc.constantFrom('', 'token', 'token[a]=1', '__proto__=1'),
    );

    await checkProperty(
      token,
      async (query) => {
        const response = await changesNothing(() => harness.anonymous().get(`/api/auth/link?${query}`));
        expect({ query, status: response.status, location: response.headers.location, cookie: response.headers['set-cookie'] }).toEqual({
          query,
          status: 303,
          location: `/?${EXPIRED_SIGN_IN_LINK_PARAM}`,
          cookie: undefined,
        });
      },
      { numRuns: 30 },
    );
  });
});

describe('after every property', () => {
  // Temporal lists a workflow a moment after it starts: one started by the last requests shows here.
  it('left the hostile account as it found it, and dialled no one', async () => {
    expect(await harness.footprint(hostile.id)).toEqual(initialFootprint);
  });
});
