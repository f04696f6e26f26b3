import { CallRepository } from '@call-scheduler/db';
import { CALL_STREAM_EVENT, CALL_STREAM_PATH, evolve, newCallState, type CallDto, type CallEvent, type CallEventDto, type CallState, type CallStatus } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { LISTENER_APPLICATION_NAME } from '../src/calls/stream/call-change-listener';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, TEMPORAL_UI_URL, fromNow, uniquePhoneNumber } from './api-harness';
import { CallStreamClient, type StreamEvent } from './call-stream-client';

let harness: ApiHarness;
let baseUrl: string;
const clients: CallStreamClient[] = [];

beforeAll(async () => {
  harness = await ApiHarness.start();
  baseUrl = await harness.app.getUrl();
});

afterEach(() => clients.splice(0).forEach((client) => client.close()));

afterAll(() => harness?.close());

async function connect(): Promise<CallStreamClient> {
  const client = await CallStreamClient.open(baseUrl, harness.account.keys.viewer.secret);
  clients.push(client);
  return client;
}

/** The call as GET /api/calls/:id shows it, without its timeline: what the stream sends. */
async function shown(id: string): Promise<CallDto> {
  const { events: _events, ...call } = await harness.getCall(id);
  return call;
}

const copyOf = (id: string, done: (call: CallDto) => boolean) => (events: StreamEvent[]) =>
  events.find((event) => event.type === CALL_STREAM_EVENT.call && event.data.id === id && done(event.data));

/** A new call as a process other than the API would write it to the projection: no workflow behind it. */
function callWrittenElsewhere(): CallState {
  const createdAt = new Date().toISOString();
  return newCallState({ id: randomUUID(), accountId: harness.account.id, phoneNumber: uniquePhoneNumber(), note: 'written by another process', scheduledAt: fromNow(HOUR), maxAttempts: 3, retryDelaySeconds: 300, createdAt });
}

/** Records an event and the state it led to, as the worker does, without the API knowing. */
function recordElsewhere(event: CallEvent, after: CallState): Promise<void> {
  return harness.calls.record([{ ...event, callId: after.id, seq: after.version, occurredAt: after.updatedAt }], after);
}

const rescheduleTo = (scheduledAt: string): CallEvent => ({ type: 'CallRescheduled', data: { scheduledAt, startNow: false } });

/**
 * Writes one more call and waits for it: changes go out in the order they were written, so once
 * it is heard, anything written before it that was going to be sent has been.
 */
async function heardAllWrittenSoFar(client: CallStreamClient): Promise<void> {
  const marker = callWrittenElsewhere();
  await harness.calls.insertNew(marker);
  await client.waitFor(copyOf(marker.id, () => true));
}

/** The status after each event of the call's timeline, from its creation row on: the projection's path. */
function statusesLived(created: CallDto, timeline: CallEventDto[]): CallStatus[] {
  let state: CallState = newCallState(created);
  // The timeline is the recorded events as JSON: folding them again retraces what the projection did.
  return [state.status, ...timeline.map((event) => (state = evolve(state, event as unknown as CallEvent, event.occurredAt)).status)];
}

const dedupe = (statuses: CallStatus[]) => statuses.filter((status, i) => status !== statuses[i - 1]);

describe('GET /api/calls/stream', () => {
  it('is served as text/event-stream, not taken for a call id', async () => {
    const response = await fetch(new URL(CALL_STREAM_PATH, baseUrl), { headers: { authorization: `Bearer ${harness.account.keys.viewer.secret}` } });
    await response.body?.cancel();
    const notAnId = await harness.api().get('/api/calls/streams');

    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringMatching(/^text\/event-stream/) });
    expectFieldError(notAnId, 400, 'id');
  });

  it('sends a heartbeat, with empty data, when it has had nothing else to send', async () => {
    const client = await connect();

    const heartbeat = await client.waitFor((events) => events.find((event) => event.type === CALL_STREAM_EVENT.heartbeat));

    expect(heartbeat.data).toEqual({});
  });
});

describe('a call created through the API, on the stream', () => {
  it('is sent at every status it goes through, each copy newer than the last, the last one as GET shows it', async () => {
    // Each phase of the call lasts long enough for the stream to send it on its own.
    harness.provider.setBehaviour({ timing: { queuedMs: 300, ringingMs: 300, talkMs: 300 } });
    try {
      const client = await connect();
      const created = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
      await client.waitFor(copyOf(created.id, (call) => call.status === 'scheduled'));
      const started = await harness.api().post(`/api/calls/${created.id}/start-now`);
      await client.waitFor(copyOf(created.id, (call) => call.status === 'completed'));

      const copies = client.copiesOf(created.id);
      const { events: timeline, ...final } = await harness.getCall(created.id);
      const lived = statusesLived(created, timeline);

      expect(started.status).toBe(200);
      expect(dedupe(copies.map((call) => call.status))).toEqual(dedupe(lived));
      expect(dedupe(lived)).toEqual(expect.arrayContaining(['scheduled', 'dialing', 'completed']));
      const versions = copies.map((call) => call.version);
      expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
      expect(copies.at(-1)).toEqual(final);
    } finally {
      harness.provider.setBehaviour({ timing: { queuedMs: 20, ringingMs: 20, talkMs: 20 } });
    }
  });
});

describe('a change another process wrote to the projection', () => {
  it('is sent as the API shows the call, and a stale write after it sends nothing', async () => {
    const client = await connect();
    const call = callWrittenElsewhere();
    const cancel: CallEvent = { type: 'CallCancelled', data: { reason: 'cancelled elsewhere' } };
    const cancelled = evolve(call, cancel, new Date().toISOString());

    await harness.calls.insertNew(call);
    await client.waitFor(copyOf(call.id, (copy) => copy.version === 0));
    await recordElsewhere(cancel, cancelled);
    await client.waitFor(copyOf(call.id, (copy) => copy.version === 1));
    // Older than what the projection holds: both are refused, and neither may reach a client.
    await harness.calls.insertNew(call);
    await harness.calls.record([{ ...cancel, callId: call.id, seq: 1, occurredAt: cancelled.updatedAt }], call);
    await heardAllWrittenSoFar(client);

    const copies = client.copiesOf(call.id);
    const workflowId = `call-${call.id}`;
    expect(copies).toEqual([
      { ...call, workflowId, temporalUiUrl: `${TEMPORAL_UI_URL}/namespaces/default/workflows/${workflowId}` },
      await shown(call.id),
    ]);
    expect(copies[1]).toMatchObject({ version: 1, status: 'cancelled' });
  });
});

describe('a change committed while the stream loads the one before', () => {
  it('is sent once, and the change before it, outdated by then, not at all', async () => {
    const client = await connect();
    const created = callWrittenElsewhere();
    const [first, second] = [rescheduleTo(fromNow(2 * HOUR)), rescheduleTo(fromNow(3 * HOUR))];
    const afterFirst = evolve(created, first, new Date().toISOString());
    const afterSecond = evolve(afterFirst, second, new Date().toISOString());
    await harness.calls.insertNew(created);
    await client.waitFor(copyOf(created.id, () => true));

    // The stream's next load, the one for the first change, reads the call only once the second is committed.
    const calls = harness.app.get(CallRepository);
    const load = calls.findByIds.bind(calls);
    const loads = jest.spyOn(calls, 'findByIds').mockImplementationOnce(async (ids) => {
      await recordElsewhere(second, afterSecond);
      return load(ids);
    });
    try {
      await recordElsewhere(first, afterFirst);
      await client.waitFor(copyOf(created.id, (copy) => copy.version === afterSecond.version));
    } finally {
      loads.mockRestore();
    }
    await heardAllWrittenSoFar(client);

    expect(client.copiesOf(created.id).map((copy) => copy.version)).toEqual([0, 2]);
    expect(client.copiesOf(created.id).at(-1)).toEqual(await shown(created.id));
  });
});

describe('a change while several clients listen', () => {
  it('reaches every one of them, loaded from the database once', async () => {
    const listening = await Promise.all([connect(), connect(), connect()]);
    const loads = jest.spyOn(harness.app.get(CallRepository), 'findByIds');
    try {
      const call = callWrittenElsewhere();

      await harness.calls.insertNew(call);
      for (const client of listening) await client.waitFor(copyOf(call.id, () => true));

      expect(loads.mock.calls.filter(([ids]) => ids.includes(call.id))).toHaveLength(1);
    } finally {
      loads.mockRestore();
    }
  });
});

describe('when the API loses its database listener', () => {
  it('sends resync once it listens again, on the same connection, and later changes still arrive', async () => {
    const client = await connect();

    const listeners = await harness.connectionsOf(LISTENER_APPLICATION_NAME);
    await harness.terminate(listeners);
    await client.waitFor((events) => events.find((event) => event.type === CALL_STREAM_EVENT.resync));
    const created = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
    await client.waitFor(copyOf(created.id, () => true));

    expect(listeners).toHaveLength(1);
    expect(client.events.filter((event) => event.type === CALL_STREAM_EVENT.resync)).toEqual([{ type: 'resync', data: {} }]);
    expect({ opened: client.opened, dropped: client.dropped }).toEqual({ opened: 1, dropped: 0 });
  });
});
