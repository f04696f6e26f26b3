import { CALL_LIMITS, type CallDto } from '@call-scheduler/shared';
import { Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, SECOND, TEMPORAL_UI_URL, UUID_PATTERN, eventually, fromNow, uniquePhoneNumber, withOffset } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(() => harness?.close());

describe('POST /api/calls', () => {
  it('answers 201 with the whole call, its number in E.164 and a link to its workflow', async () => {
    const before = Date.now();
    const scheduledAt = new Date(Date.now() + HOUR);
    scheduledAt.setUTCMilliseconds(0);

    // The same instant written with a +02:00 offset: the API answers it in UTC.
    const response = await harness
      .api()
      .post('/api/calls')
      .send({ phoneNumber: '+1 (415) 555-0123', scheduledAt: withOffset(scheduledAt, '+02:00'), note: 'Dentist reminder', maxAttempts: 4, retryDelaySeconds: 30 });

    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const call = response.body as CallDto;
    expect(call).toEqual({
      id: expect.stringMatching(UUID_PATTERN),
      accountId: harness.account.id,
      phoneNumber: '+14155550123',
      scheduledAt: scheduledAt.toISOString(),
      status: 'scheduled',
      externalCallId: null,
      attempt: 0,
      maxAttempts: 4,
      retryDelaySeconds: 30,
      nextAttemptAt: null,
      lastError: null,
      dialHold: null,
      window: null,
      latestAt: null,
      windowOpensAt: null,
      windowOverridden: false,
      scheduleId: null,
      batchId: null,
      note: 'Dentist reminder',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      workflowId: `call-${call.id}`,
      temporalUiUrl: `${TEMPORAL_UI_URL}/namespaces/default/workflows/call-${call.id}`,
      version: expect.any(Number),
    });
    // 0 as created, or 1 if its workflow recorded CallScheduled before the answer was read.
    expect([0, 1]).toContain(call.version);
    expect(Date.parse(call.createdAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(call.createdAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(call.updatedAt)).toBeGreaterThanOrEqual(Date.parse(call.createdAt));
  });

  it('fills in the defaults: now, 3 attempts, 5 minutes apart, no note', async () => {
    const before = Date.now();
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber() });

    expect(call).toMatchObject({ maxAttempts: 3, retryDelaySeconds: 300, note: null });
    expect(Date.parse(call.scheduledAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(call.scheduledAt)).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    { form: 'seconds left out', write: (at: Date) => `${at.toISOString().slice(0, 16)}Z` },
    { form: 'an offset without its colon', write: (at: Date) => withOffset(at, '+05:45').replace(/:(\d\d)$/, '$1') },
    { form: 'lower-case t and z', write: (at: Date) => at.toISOString().replace('T', 't').replace('Z', 'z') },
    { form: 'tenths of a second', write: (at: Date) => `${at.toISOString().slice(0, 19)}.5Z`, ms: 500 },
  ])('schedules a time written with $form at the instant it names', async ({ write, ms = 0 }) => {
    const at = new Date(Date.now() + HOUR);
    at.setUTCSeconds(0, 0);

    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: write(at) });

    expect(call.scheduledAt).toBe(new Date(at.getTime() + ms).toISOString());
  });

  it('takes note null as no note, as a JSON client may send it', async () => {
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), note: null });

    expect(call.note).toBeNull();
  });

  it('takes a time a few seconds past, as a slow clock would send, as now', async () => {
    const before = Date.now();

    const response = await harness.api().post('/api/calls').send({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(-10 * SECOND) });

    expect(response.status).toBe(201);
    expect(Date.parse((response.body as CallDto).scheduledAt)).toBeGreaterThanOrEqual(before);
    await harness.waitForStatus((response.body as CallDto).id, 'completed');
  });

  it('dials a call without scheduledAt right away and follows it to completed', async () => {
    const phoneNumber = uniquePhoneNumber();
    const created = await harness.createCall({ phoneNumber });

    const completed = await harness.waitForStatus(created.id, 'completed');

    expect(completed).toMatchObject({ id: created.id, status: 'completed', attempt: 1, lastError: null, externalCallId: expect.any(String) });
    expect(harness.dialsTo(phoneNumber)).toEqual([expect.objectContaining({ id: completed.externalCallId, status: 'completed' })]);
  });

  it('finds every call with GET straight after its POST answered (read-your-writes)', async () => {
    // Four clients creating five calls each while the worker writes the same projections.
    const reads = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const seen: { created: CallDto; status: number; body: CallDto }[] = [];
        for (let i = 0; i < 5; i++) {
          const created = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
          const read = await harness.api().get(`/api/calls/${created.id}`);
          seen.push({ created, status: read.status, body: read.body as CallDto });
        }
        return seen;
      }),
    );

    const all = reads.flat();
    expect(all).toHaveLength(20);
    for (const { created, status, body } of all) {
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: created.id, phoneNumber: created.phoneNumber, createdAt: created.createdAt });
    }
  });
});

describe("the call's workflow", () => {
  it('carries its account in its input and as the AccountId search attribute, so the Temporal Web UI can list an account\'s calls', async () => {
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
    const client = harness.app.get(Client);

    const listed = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const execution of client.workflow.list({ query: `AccountId = "${harness.account.id}"` })) ids.push(execution.workflowId);
        return ids;
      },
      (ids) => ids.includes(call.workflowId),
    );
    const history = await client.workflow.getHandle(call.workflowId).fetchHistory();
    const [payload] = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const input = client.options.loadedDataConverter.payloadConverter.fromPayload<{ call: { accountId: string } }>(payload!);

    expect(listed).toContain(call.workflowId);
    expect(input.call.accountId).toBe(harness.account.id);
  });
});

describe('GET /api/calls/:id', () => {
  it('shows the timeline the workflow recorded, in order, from CallScheduled to CallCompleted', async () => {
    const created = await harness.createCall({ phoneNumber: uniquePhoneNumber() });

    const call = await harness.waitForStatus(created.id, 'completed');

    const types = call.events.map((event) => event.type);
    expect(types.slice(0, 3)).toEqual(['CallScheduled', 'DialAttemptStarted', 'ProviderAccepted']);
    expect(types.at(-1)).toBe('CallCompleted');
    // The provider's progress in between is sampled by polling: ringing and answered may be seen or not.
    for (const type of types.slice(3, -1)) expect(['CallRinging', 'CallAnswered']).toContain(type);
    expect(call.events.map((event) => event.seq)).toEqual(types.map((_, i) => i + 1));
    expect(call.events[0]).toEqual({
      seq: 1,
      type: 'CallScheduled',
      data: {
        phoneNumber: created.phoneNumber,
        note: null,
        scheduledAt: created.scheduledAt,
        maxAttempts: 3,
        retryDelaySeconds: 300,
        by: { kind: 'key', id: harness.account.keys.operator.id, name: 'operator-key' },
      },
      occurredAt: expect.any(String),
    });
    expect(call.events[1]).toMatchObject({ type: 'DialAttemptStarted', data: { attempt: 1 } });
    expect(call.events[2]).toMatchObject({ type: 'ProviderAccepted', data: { externalCallId: call.externalCallId } });
    expect(call.events.at(-1)).toMatchObject({ type: 'CallCompleted', data: { durationSeconds: expect.any(Number) } });
    const times = call.events.map((event) => Date.parse(event.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('shows why a call failed when the provider refused it', async () => {
    const phoneNumber = uniquePhoneNumber();
    harness.provider.setBehaviour({ createErrorsByNumber: { [phoneNumber]: 400 } });
    const created = await harness.createCall({ phoneNumber });

    const failed = await harness.waitForStatus(created.id, 'failed');

    expect(failed).toMatchObject({ status: 'failed', attempt: 1, nextAttemptAt: null, lastError: expect.stringContaining('400') });
    expect(failed.events.at(-1)).toMatchObject({ type: 'CallFailed', data: { reason: failed.lastError } });
  });

  it('answers every field of the call, plus its events', async () => {
    const created = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });

    const call = await eventually(() => harness.getCall(created.id), (c) => c.events.length > 0);

    expect(Object.keys(call).sort()).toEqual([...Object.keys(created), 'events'].sort());
    expect(call).toMatchObject({ ...created, updatedAt: expect.any(String), version: call.events.length });
  });
});

describe('POST /api/calls with an Idempotency-Key', () => {
  it('returns the same call for the same key and body, and the provider dials once', async () => {
    const phoneNumber = uniquePhoneNumber();
    const key = `retry-${phoneNumber}`;
    const send = () => harness.api().post('/api/calls').set('Idempotency-Key', key).send({ phoneNumber, note: 'once' });

    const first = await send();
    const repeated = await Promise.all([send(), send(), send()]);

    expect(first.status).toBe(201);
    for (const response of repeated) {
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: first.body.id, phoneNumber, note: 'once' });
    }
    await harness.waitForStatus(first.body.id, 'completed');
    expect(harness.dialsTo(phoneNumber)).toEqual([expect.objectContaining({ postCount: 1 })]);
    expect((await harness.listAll()).filter((call) => call.phoneNumber === phoneNumber)).toHaveLength(1);
  });

  // Each pair asks for the same call, written two ways; the time is a few seconds past, so the call
  // itself is made for now while both requests still name that same earlier instant.
  it.each<{ difference: string; bodies: BodyPair }>([
    {
      difference: 'the number written with spaces, then in E.164',
      bodies: (phoneNumber) => [{ phoneNumber: phoneNumber.replace(/^(\+1)(\d{3})(\d{3})/, '$1 $2 $3 ') }, { phoneNumber }],
    },
    { difference: 'note null, then no note', bodies: (phoneNumber) => [{ phoneNumber, note: null }, { phoneNumber }] },
    { difference: 'maxAttempts 3 (the default), then none', bodies: (phoneNumber) => [{ phoneNumber, maxAttempts: 3 }, { phoneNumber }] },
    { difference: 'retryDelaySeconds 300 (the default), then none', bodies: (phoneNumber) => [{ phoneNumber, retryDelaySeconds: 300 }, { phoneNumber }] },
    {
      difference: 'one instant written with Z, then with +00:00',
      bodies: (phoneNumber, at) => [{ phoneNumber, scheduledAt: at.toISOString() }, { phoneNumber, scheduledAt: withOffset(at, '+00:00') }],
    },
    { difference: 'a note with trailing spaces, then trimmed', bodies: (phoneNumber) => [{ phoneNumber, note: 'call back  ' }, { phoneNumber, note: 'call back' }] },
  ])('returns the same call for the same key with $difference, and the provider dials once', async ({ bodies }) => {
    const phoneNumber = uniquePhoneNumber();
    const [first, again] = bodies(phoneNumber, new Date(Date.now() - 5 * SECOND));

    const created = await postWithKey(`same-${phoneNumber}`, first);
    const repeated = await postWithKey(`same-${phoneNumber}`, again);

    expect(created.status).toBe(201);
    expect({ status: repeated.status, id: repeated.body.id }).toEqual({ status: 201, id: created.body.id });
    await harness.waitForStatus(created.body.id, 'completed');
    expect(harness.dialsTo(phoneNumber)).toEqual([expect.objectContaining({ postCount: 1 })]);
    expect((await harness.listAll()).filter((call) => call.phoneNumber === phoneNumber)).toHaveLength(1);
  });

  it('returns the call to a repeat sent once its time is past, and still refuses that time to a new key', async () => {
    const phoneNumber = uniquePhoneNumber();
    // Within the tolerance for a slow clock when first sent, with 5 s to spare on a busy machine; past it, by a second, when sent again.
    const body = { phoneNumber, scheduledAt: fromNow(5 * SECOND - CALL_LIMITS.pastToleranceMs) };
    const created = await postWithKey(`late-${phoneNumber}`, body);
    await sleep(Date.parse(body.scheduledAt) + CALL_LIMITS.pastToleranceMs + SECOND - Date.now());

    const repeated = await postWithKey(`late-${phoneNumber}`, body);
    const anotherBody = await postWithKey(`late-${phoneNumber}`, { ...body, note: 'another call' });
    const anotherKey = await postWithKey(`new-${phoneNumber}`, body);

    expect(created.status).toBe(201);
    const { id, scheduledAt, createdAt } = created.body as CallDto;
    expect({ status: repeated.status, body: repeated.body }).toEqual({ status: 201, body: expect.objectContaining({ id, phoneNumber, scheduledAt, createdAt }) });
    expectFieldError(anotherBody, 422, 'Idempotency-Key');
    expectFieldError(anotherKey, 400, 'scheduledAt');
    expect(anotherKey.body.message).toContain('past');
    await harness.waitForStatus(id, 'completed');
    expect(harness.dialsTo(phoneNumber)).toEqual([expect.objectContaining({ postCount: 1 })]);
  });

  it('creates one call when the first requests with a key arrive together', async () => {
    const phoneNumber = uniquePhoneNumber();
    const key = `together-${phoneNumber}`;

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => harness.api().post('/api/calls').set('Idempotency-Key', key).send({ phoneNumber })),
    );

    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    await harness.waitForStatus(responses[0]!.body.id, 'completed');
    expect(harness.dialsTo(phoneNumber)).toHaveLength(1);
  });

  it('answers requests that arrive together with one key with the call exactly as it is stored', async () => {
    // The race is between the first request's row and the others': repeat it to make it show.
    const disagreements: unknown[] = [];
    for (let round = 0; round < 20; round++) {
      const body = { phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) };
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => harness.api().post('/api/calls').set('Idempotency-Key', `race-${body.phoneNumber}`).send(body)),
      );
      const id = (responses[0]!.body as CallDto).id;
      const stored = await eventually(() => harness.getCall(id), (call) => call.events.length > 0);
      const summary = (status: number, call: CallDto) => `${status} ${call.id} created ${call.createdAt} scheduled ${call.scheduledAt}`;
      const answered = [...new Set(responses.map((response) => summary(response.status, response.body as CallDto)))];
      if (answered.some((answer) => answer !== summary(201, stored))) disagreements.push({ answered, stored: summary(201, stored) });
    }

    expect(disagreements).toEqual([]);
  });

  it('answers 422 naming Idempotency-Key when the key comes back with another body, and creates nothing', async () => {
    const key = `reused-${randomKeySuffix()}`;
    const first = await harness.api().post('/api/calls').set('Idempotency-Key', key).send({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
    const countBefore = (await harness.listAll()).length;

    const response = await harness.api().post('/api/calls').set('Idempotency-Key', key).send({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });

    expect(first.status).toBe(201);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: expect.stringContaining('Idempotency-Key'),
      errors: [{ field: 'Idempotency-Key', message: expect.stringContaining('different request body') }],
    });
    expect((await harness.listAll()).length).toBe(countBefore);
  });

  it.each<{ difference: string; bodies: BodyPair }>([
    {
      difference: 'an instant a minute later',
      bodies: (phoneNumber, at) => [{ phoneNumber, scheduledAt: at.toISOString() }, { phoneNumber, scheduledAt: new Date(at.getTime() + 60 * SECOND).toISOString() }],
    },
    { difference: 'a time where the first asked for now', bodies: (phoneNumber, at) => [{ phoneNumber }, { phoneNumber, scheduledAt: at.toISOString() }] },
  ])('answers 422 when the key comes back with the same number but $difference, and creates nothing', async ({ bodies }) => {
    const phoneNumber = uniquePhoneNumber();
    const [first, again] = bodies(phoneNumber, new Date(Date.now() + HOUR));
    expect((await postWithKey(`other-${phoneNumber}`, first)).status).toBe(201);
    const countBefore = (await harness.listAll()).length;

    const response = await postWithKey(`other-${phoneNumber}`, again);

    expectFieldError(response, 422, 'Idempotency-Key');
    expect((await harness.listAll()).length).toBe(countBefore);
  });

  it('answers 400 naming Idempotency-Key for a key longer than 255 characters, and creates nothing', async () => {
    const countBefore = (await harness.listAll()).length;

    const response = await harness.api().post('/api/calls').set('Idempotency-Key', 'k'.repeat(300)).send({ phoneNumber: uniquePhoneNumber() });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('Idempotency-Key'),
      errors: [{ field: 'Idempotency-Key', message: expect.stringContaining('255') }],
    });
    expect((await harness.listAll()).length).toBe(countBefore);
  });
});

describe('POST /api/calls when the call cannot be stored after its workflow started', () => {
  it('answers 503 with the key a retry uses to get that call, and the call is made once', async () => {
    const phoneNumber = uniquePhoneNumber();
    const since = new Date().toISOString();
    const failed = await harness.refusingCreationRows(phoneNumber, async () => harness.api().post('/api/calls').send({ phoneNumber }));
    const key = String(failed.headers['idempotency-key']);

    const retried = await postWithKey(key, { phoneNumber });

    expect(failed.status).toBe(503);
    expect(key).toEqual(expect.stringMatching(UUID_PATTERN));
    expect(failed.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.stringMatching(new RegExp(`may have been created.*Idempotency-Key: ${key}`)),
      idempotencyKey: key,
    });
    expect(retried.status).toBe(201);
    const call = retried.body as CallDto;
    expect(call).toMatchObject({ phoneNumber, status: expect.any(String) });
    await harness.waitForStatus(call.id, 'completed');
    expect(harness.dialsTo(phoneNumber)).toEqual([expect.objectContaining({ postCount: 1 })]);
    expect((await harness.listAll()).filter((listed) => listed.phoneNumber === phoneNumber).map((listed) => listed.id)).toEqual([call.id]);
    const started = await eventually(() => workflowsStartedSince(since), (ids) => ids.includes(call.workflowId));
    expect(started).toEqual([call.workflowId]);
  });
});

/** The test account's call workflows Temporal started since that instant. */
async function workflowsStartedSince(since: string): Promise<string[]> {
  const ids: string[] = [];
  const query = `AccountId = "${harness.account.id}" AND StartTime >= "${since}"`;
  for await (const execution of harness.app.get(Client).workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}

type Body = Record<string, unknown>;

/** Two bodies sent with one Idempotency-Key, for a number no other test calls and a time a test picks. */
type BodyPair = (phoneNumber: string, at: Date) => [Body, Body];

function postWithKey(key: string, body: Body) {
  return harness.api().post('/api/calls').set('Idempotency-Key', key).send(body);
}

function randomKeySuffix(): string {
  return Math.random().toString(36).slice(2);
}
