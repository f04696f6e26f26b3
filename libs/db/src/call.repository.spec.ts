import 'reflect-metadata';
import { newCallState, evolve, type CallEvent, type CallState, type RecordedCallEvent } from '@call-scheduler/shared';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CallRepository } from './call.repository';
import { dataSourceOptions } from './data-source-options';
import { migrate } from './migrate';

let dataSource: DataSource;
let calls: CallRepository;

beforeAll(async () => {
  dataSource = new DataSource(dataSourceOptions({ url: await createDatabaseForTest() }));
  await dataSource.initialize();
  await migrate(dataSource);
  calls = new CallRepository(dataSource);
});

afterAll(() => dataSource.destroy());

function newCall(createdAt = new Date().toISOString()): CallState {
  return newCallState({
    id: randomUUID(),
    phoneNumber: '+14155550123',
    note: null,
    scheduledAt: createdAt,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    createdAt,
  });
}

/** Applies events as the workflow does: each one a recorded event plus the state after it. */
function history(start: CallState, ...events: CallEvent[]): { event: RecordedCallEvent; state: CallState }[] {
  let state = start;
  return events.map((event) => {
    const occurredAt = new Date().toISOString();
    state = evolve(state, event, occurredAt);
    return { event: { ...event, callId: state.id, seq: state.version, occurredAt }, state };
  });
}

describe('CallRepository', () => {
  it('migrates once even when several processes start together', async () => {
    await Promise.all([migrate(dataSource), migrate(dataSource), migrate(dataSource)]);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM typeorm_migrations');
    expect(count).toBe(1);
  });

  it('finds a new call before any event was recorded', async () => {
    const call = newCall();
    await calls.insertNew(call);
    expect(await calls.findById(call.id)).toEqual(call);
  });

  it('keeps the newer projection when the creation row arrives after an event', async () => {
    const call = newCall();
    const [dialed] = history(call, { type: 'DialAttemptStarted', data: { attempt: 1 } });
    await calls.record(dialed!.event, dialed!.state);
    await calls.insertNew(call);
    expect((await calls.findById(call.id))?.status).toBe('dialing');
  });

  it('records each event once however often it is written', async () => {
    const call = newCall();
    const [scheduled] = history(call, {
      type: 'CallScheduled',
      data: { phoneNumber: call.phoneNumber, note: null, scheduledAt: call.scheduledAt, maxAttempts: 3, retryDelaySeconds: 300 },
    });
    await calls.record(scheduled!.event, scheduled!.state);
    await calls.record(scheduled!.event, scheduled!.state);
    const events = await calls.findEvents(call.id);
    expect(events).toEqual([scheduled!.event]);
  });

  it('never moves a call backwards when events are recorded out of order', async () => {
    const call = newCall();
    const steps = history(
      call,
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } },
      { type: 'CallRinging', data: {} },
    );
    for (const { event, state } of [...steps].reverse()) await calls.record(event, state);
    expect(await calls.findById(call.id)).toMatchObject({ status: 'ringing', externalCallId: 'ext-1', version: 3 });
    expect((await calls.findEvents(call.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('pages newest first by keyset, filtered by status', async () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    const made = Array.from({ length: 5 }, (_, i) => newCall(new Date(base + i * 1000).toISOString()));
    for (const call of made) await calls.insertNew(call);
    const [cancelled] = history(made[2]!, { type: 'CallCancelled', data: { reason: 'test' } });
    await calls.record(cancelled!.event, cancelled!.state);

    const first = await calls.findPage({ limit: 2 });
    expect(first.map((c) => c.id)).toEqual([made[4]!.id, made[3]!.id]);
    const second = await calls.findPage({ limit: 2, after: { createdAt: first[1]!.createdAt, id: first[1]!.id } });
    expect(second.map((c) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    const onlyCancelled = await calls.findPage({ limit: 10, status: 'cancelled' });
    expect(onlyCancelled.map((c) => c.id)).toEqual([made[2]!.id]);
  });

  it('ties an idempotency key to the first call that claimed it, as it was first created', async () => {
    const key = randomUUID();
    const [first, second] = [newCall('2030-01-01T00:00:00.000Z'), newCall('2030-01-01T00:00:01.000Z')];
    const claims = await Promise.all([
      calls.claimIdempotencyKey(key, 'hash-a', first),
      calls.claimIdempotencyKey(key, 'hash-b', second),
    ]);
    const winner = claims[0]!.requestHash === 'hash-a' ? first : second;
    for (const claim of claims) expect(claim.call).toEqual(expect.objectContaining({ id: winner.id, createdAt: winner.createdAt }));
    expect(await calls.claimIdempotencyKey(key, 'hash-c', newCall())).toEqual(claims[0]);
  });
});
