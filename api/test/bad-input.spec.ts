import type { ApiErrorDto, CallDto } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, fromNow } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(() => harness?.close());

const VALID_NUMBER = '+14155550123';
const DAY = 24 * HOUR;

/** ISO 8601 forms outside the format the API reads: each once answered 500 on POST (issue 7). */
const OTHER_ISO_8601_FORMS = [
  { form: 'hours only', scheduledAt: '2026-12-04T10Z' },
  { form: 'a decimal comma', scheduledAt: '2026-12-04T10:00:00,5Z' },
  { form: 'the basic format', scheduledAt: '20261204T100000Z' },
  { form: 'a week date', scheduledAt: '2026-W49-5T10:00:00Z' },
  { form: 'an ordinal date', scheduledAt: '2026-338T10:00:00Z' },
];

/** Sends the request, then checks no call appeared because of it. */
async function changesNothing(send: () => Promise<Response>): Promise<Response> {
  const before = await listedIds();
  const response = await send();
  expect(await listedIds()).toEqual(before);
  return response;
}

async function listedIds(): Promise<string[]> {
  return (await harness.listAll()).map((call) => call.id);
}

/** The call has its old time and status, and no reschedule was recorded. */
async function expectAsItWas(call: CallDto): Promise<void> {
  const after = await harness.getCall(call.id);
  expect(after).toMatchObject({ scheduledAt: call.scheduledAt, phoneNumber: call.phoneNumber, status: 'scheduled' });
  expect(after.events.map((event) => event.type)).not.toContain('CallRescheduled');
}

describe('POST /api/calls with a body that is not a JSON object', () => {
  it.each([
    { name: 'malformed JSON', body: '{"phoneNumber": "+14155550123",', contentType: 'application/json', status: 400 },
    { name: 'a JSON array', body: `[{"phoneNumber": "${VALID_NUMBER}"}]`, contentType: 'application/json', status: 400 },
    { name: 'a JSON string', body: `"${VALID_NUMBER}"`, contentType: 'application/json', status: 400 },
    { name: 'JSON null', body: 'null', contentType: 'application/json', status: 400 },
    { name: 'plain text', body: `phoneNumber=${VALID_NUMBER}`, contentType: 'text/plain', status: 415 },
    { name: 'a form', body: `phoneNumber=${encodeURIComponent(VALID_NUMBER)}`, contentType: 'application/x-www-form-urlencoded', status: 415 },
  ])('answers $status naming the body for $name', async ({ body, contentType, status }) => {
    const response = await changesNothing(() => harness.api().post('/api/calls').set('Content-Type', contentType).send(body));

    expectFieldError(response, status, 'body');
  });

  it('answers 413 naming the body when it is over 64kb', async () => {
    const body = JSON.stringify({ phoneNumber: VALID_NUMBER, note: 'x'.repeat(70_000) });

    const response = await changesNothing(() => harness.api().post('/api/calls').set('Content-Type', 'application/json').send(body));

    expectFieldError(response, 413, 'body');
  });
});

describe('POST /api/calls with a field the API cannot accept', () => {
  it.each<{ name: string; body: Record<string, unknown>; field: string }>([
    { name: 'no phoneNumber', body: { note: 'who?' }, field: 'phoneNumber' },
    { name: 'an empty object', body: {}, field: 'phoneNumber' },
    { name: 'phoneNumber as a number', body: { phoneNumber: 14155550123 }, field: 'phoneNumber' },
    { name: 'phoneNumber null', body: { phoneNumber: null }, field: 'phoneNumber' },
    { name: 'phoneNumber in an array', body: { phoneNumber: [VALID_NUMBER] }, field: 'phoneNumber' },
    { name: 'a number without its country code', body: { phoneNumber: '415 555 0123' }, field: 'phoneNumber' },
    { name: 'a number too short for its country', body: { phoneNumber: '+1 555' }, field: 'phoneNumber' },
    { name: 'words for a number', body: { phoneNumber: 'hello' }, field: 'phoneNumber' },
    { name: 'a 65-character phoneNumber', body: { phoneNumber: `+1415555${'0'.repeat(57)}` }, field: 'phoneNumber' },
    { name: 'scheduledAt without an offset', body: { phoneNumber: VALID_NUMBER, scheduledAt: '2030-01-01T10:00:00' }, field: 'scheduledAt' },
    { name: 'scheduledAt that is not a date', body: { phoneNumber: VALID_NUMBER, scheduledAt: 'tomorrow at noon' }, field: 'scheduledAt' },
    { name: 'scheduledAt as a date only', body: { phoneNumber: VALID_NUMBER, scheduledAt: '2027-01-15' }, field: 'scheduledAt' },
    { name: 'scheduledAt on a day that does not exist', body: { phoneNumber: VALID_NUMBER, scheduledAt: '2027-02-30T10:00:00Z' }, field: 'scheduledAt' },
    { name: 'scheduledAt as epoch milliseconds', body: { phoneNumber: VALID_NUMBER, scheduledAt: Date.now() + HOUR }, field: 'scheduledAt' },
    { name: 'scheduledAt an hour ago', body: { phoneNumber: VALID_NUMBER, scheduledAt: fromNow(-HOUR) }, field: 'scheduledAt' },
    { name: 'scheduledAt more than a year ahead', body: { phoneNumber: VALID_NUMBER, scheduledAt: fromNow(367 * DAY) }, field: 'scheduledAt' },
    { name: 'maxAttempts 0', body: { phoneNumber: VALID_NUMBER, maxAttempts: 0 }, field: 'maxAttempts' },
    { name: 'maxAttempts 11', body: { phoneNumber: VALID_NUMBER, maxAttempts: 11 }, field: 'maxAttempts' },
    { name: 'maxAttempts 1.5', body: { phoneNumber: VALID_NUMBER, maxAttempts: 1.5 }, field: 'maxAttempts' },
    { name: 'maxAttempts as a string', body: { phoneNumber: VALID_NUMBER, maxAttempts: '3' }, field: 'maxAttempts' },
    { name: 'retryDelaySeconds 0', body: { phoneNumber: VALID_NUMBER, retryDelaySeconds: 0 }, field: 'retryDelaySeconds' },
    { name: 'retryDelaySeconds over a day', body: { phoneNumber: VALID_NUMBER, retryDelaySeconds: 86_401 }, field: 'retryDelaySeconds' },
    { name: 'note as a number', body: { phoneNumber: VALID_NUMBER, note: 7 }, field: 'note' },
    { name: 'a note over 500 characters', body: { phoneNumber: VALID_NUMBER, note: 'n'.repeat(501) }, field: 'note' },
    { name: 'an unknown field', body: { phoneNumber: VALID_NUMBER, priority: 'high' }, field: 'priority' },
  ])('answers 400 naming $field for $name, and creates nothing', async ({ body, field }) => {
    const response = await changesNothing(() => harness.api().post('/api/calls').send(body));

    expectFieldError(response, 400, field);
  });

  it.each(OTHER_ISO_8601_FORMS)('answers 400 naming scheduledAt and its format for $form ($scheduledAt), and creates nothing', async ({ scheduledAt }) => {
    const response = await changesNothing(() => harness.api().post('/api/calls').send({ phoneNumber: VALID_NUMBER, scheduledAt }));

    expectFieldError(response, 400, 'scheduledAt');
    expect(response.body.message).toContain('YYYY-MM-DDTHH:MM');
  });

  it('says what is wrong with a number without its country code', async () => {
    const response = await harness.api().post('/api/calls').send({ phoneNumber: '415 555 0123' });

    expect(response.body.errors).toEqual([{ field: 'phoneNumber', message: expect.stringContaining('country code') }]);
  });

  it('names every wrong field of one request', async () => {
    const response = await harness.api().post('/api/calls').send({ phoneNumber: 'hello', maxAttempts: 0, note: 7 });

    expect(response.status).toBe(400);
    expect((response.body as ApiErrorDto).errors?.map((error) => error.field).sort()).toEqual(['maxAttempts', 'note', 'phoneNumber']);
  });
});

describe('a call id in the path', () => {
  const unknownId = randomUUID();

  it.each([
    { method: 'get', path: '/api/calls/not-a-uuid' },
    { method: 'patch', path: '/api/calls/not-a-uuid', body: { scheduledAt: fromNow(HOUR) } },
    { method: 'post', path: '/api/calls/12345/start-now' },
    { method: 'post', path: '/api/calls/12345/cancel' },
  ] as const)('answers 400 naming id for $method $path', async ({ method, path, ...rest }) => {
    const body = 'body' in rest ? rest.body : undefined;

    const response = await changesNothing(() => harness.api()[method](path).send(body));

    expectFieldError(response, 400, 'id');
  });

  it.each([
    { action: 'reading', method: 'get', path: `/api/calls/${unknownId}` },
    { action: 'rescheduling', method: 'patch', path: `/api/calls/${unknownId}`, body: { scheduledAt: fromNow(HOUR) } },
    { action: 'starting', method: 'post', path: `/api/calls/${unknownId}/start-now` },
    { action: 'cancelling', method: 'post', path: `/api/calls/${unknownId}/cancel` },
  ] as const)('answers 404 naming the id when $action a call that does not exist', async ({ method, path, ...rest }) => {
    const body = 'body' in rest ? rest.body : undefined;

    const response = await changesNothing(() => harness.api()[method](path).send(body));

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: `No call with id ${unknownId}` });
  });
});

describe('PATCH /api/calls/:id with a body it cannot accept', () => {
  it.each<{ name: string; body: Record<string, unknown>; field: string }>([
    { name: 'no scheduledAt', body: {}, field: 'scheduledAt' },
    { name: 'scheduledAt null', body: { scheduledAt: null }, field: 'scheduledAt' },
    { name: 'scheduledAt without an offset', body: { scheduledAt: '2027-01-15T10:00:00' }, field: 'scheduledAt' },
    { name: 'scheduledAt on a day that does not exist', body: { scheduledAt: '2027-02-30T10:00:00Z' }, field: 'scheduledAt' },
    { name: 'an unknown field', body: { scheduledAt: fromNow(HOUR), phoneNumber: VALID_NUMBER }, field: 'phoneNumber' },
  ])('answers 400 naming $field for $name, and the call stays as it was', async ({ body, field }) => {
    const call = await harness.createCall({ phoneNumber: VALID_NUMBER, scheduledAt: fromNow(HOUR) });

    const response = await harness.api().patch(`/api/calls/${call.id}`).send(body);

    expectFieldError(response, 400, field);
    await expectAsItWas(call);
  });

  it.each(OTHER_ISO_8601_FORMS)('answers 400 naming scheduledAt and its format for $form ($scheduledAt), as POST does', async ({ scheduledAt }) => {
    const call = await harness.createCall({ phoneNumber: VALID_NUMBER, scheduledAt: fromNow(HOUR) });

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt });

    expectFieldError(response, 400, 'scheduledAt');
    expect(response.body.message).toContain('YYYY-MM-DDTHH:MM');
    await expectAsItWas(call);
  });

  it('answers 400 naming the body for malformed JSON', async () => {
    const call = await harness.createCall({ phoneNumber: VALID_NUMBER, scheduledAt: fromNow(HOUR) });

    const response = await harness.api().patch(`/api/calls/${call.id}`).set('Content-Type', 'application/json').send('{"scheduledAt":');

    expectFieldError(response, 400, 'body');
    expect((await harness.getCall(call.id)).scheduledAt).toBe(call.scheduledAt);
  });
});

describe('GET /api/calls with a query it cannot accept', () => {
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each<{ name: string; query: Record<string, string>; field: string }>([
    { name: 'an unknown status', query: { status: 'done' }, field: 'status' },
    { name: 'limit 0', query: { limit: '0' }, field: 'limit' },
    { name: 'limit 201', query: { limit: '201' }, field: 'limit' },
    { name: 'limit abc', query: { limit: 'abc' }, field: 'limit' },
    { name: 'limit 2.5', query: { limit: '2.5' }, field: 'limit' },
    { name: 'a cursor that is not base64 JSON', query: { cursor: 'not-a-cursor' }, field: 'cursor' },
    { name: 'a cursor of the wrong JSON', query: { cursor: cursorOf({ createdAt: '2030-01-01T00:00:00Z' }) }, field: 'cursor' },
    { name: 'a cursor with a bad id', query: { cursor: cursorOf(['2030-01-01T00:00:00.000Z', 'nope']) }, field: 'cursor' },
    { name: 'a cursor with a bad time', query: { cursor: cursorOf(['yesterday', randomUUID()]) }, field: 'cursor' },
    { name: 'a cursor whose time only JavaScript can read', query: { cursor: cursorOf(['1', randomUUID()]) }, field: 'cursor' },
    { name: 'a cursor whose time PostgreSQL cannot hold', query: { cursor: cursorOf(['+275760-09-13T00:00:00Z', randomUUID()]) }, field: 'cursor' },
    { name: 'a cursor over 512 characters', query: { cursor: 'c'.repeat(600) }, field: 'cursor' },
    { name: 'an unknown parameter', query: { sort: 'asc' }, field: 'sort' },
  ])('answers 400 naming $field for $name', async ({ query, field }) => {
    const response = await harness.api().get('/api/calls').query(query);

    expectFieldError(response, 400, field);
  });
});
