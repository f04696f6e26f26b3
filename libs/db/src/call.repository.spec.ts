import 'reflect-metadata';
import { DEFAULT_DIAL_LIMITS, newCallState, evolve, type CallEvent, type CallState, type RecordedCallEvent } from '@call-scheduler/shared';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CALL_CHANGES_CHANNEL, type CallChange } from './call-changes';
import { AccountRepository } from './account.repository';
import { CallRepository } from './call.repository';
import { dataSourceOptions } from './data-source-options';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

let databaseUrl: string;
let dataSource: DataSource;
let calls: CallRepository;
let accountId: string;

beforeAll(async () => {
  databaseUrl = await createDatabaseForTest();
  dataSource = new DataSource(dataSourceOptions({ url: databaseUrl }));
  await dataSource.initialize();
  await migrate(dataSource);
  calls = new CallRepository(dataSource);
  ({ id: accountId } = await new AccountRepository(dataSource).createAccount({ id: randomUUID(), name: 'Test', limits: DEFAULT_DIAL_LIMITS }));
});

afterAll(() => dataSource.destroy());

function newCall(createdAt = new Date().toISOString()): CallState {
  return newCallState({
    id: randomUUID(),
    accountId,
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
    expect(count).toBe(MIGRATIONS.length);
  });

  it('finds a new call before any event was recorded', async () => {
    const call = newCall();
    await calls.insertNew(call);
    expect(await calls.findById(call.id)).toEqual(call);
  });

  it('finds several calls in one query, leaving out the ids it does not know', async () => {
    const [first, second, other] = [newCall(), newCall(), newCall()];
    for (const call of [first, second, other]) await calls.insertNew(call);
    const [dialed] = history(second, { type: 'DialAttemptStarted', data: { attempt: 1 } });
    await calls.record([dialed!.event], dialed!.state);

    const found = await calls.findByIds([second.id, randomUUID(), first.id]);

    expect([...found].sort((a, b) => a.version - b.version)).toEqual([first, dialed!.state]);
    expect(await calls.findByIds([])).toEqual([]);
  });

  it('keeps the newer projection when the creation row arrives after an event', async () => {
    const call = newCall();
    const [dialed] = history(call, { type: 'DialAttemptStarted', data: { attempt: 1 } });
    await calls.record([dialed!.event], dialed!.state);
    await calls.insertNew(call);
    expect((await calls.findById(call.id))?.status).toBe('dialing');
  });

  it('records each event once however often it is written', async () => {
    const call = newCall();
    const [scheduled] = history(call, {
      type: 'CallScheduled',
      data: { phoneNumber: call.phoneNumber, note: null, scheduledAt: call.scheduledAt, maxAttempts: 3, retryDelaySeconds: 300 },
    });
    await calls.record([scheduled!.event], scheduled!.state);
    await calls.record([scheduled!.event], scheduled!.state);
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
    for (const { event, state } of [...steps].reverse()) await calls.record([event], state);
    expect(await calls.findById(call.id)).toMatchObject({ status: 'ringing', externalCallId: 'ext-1', version: 3 });
    expect((await calls.findEvents(call.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('records a batch of events and the state after the last, in one write', async () => {
    const call = newCall();
    const steps = history(
      call,
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } },
      { type: 'CallRinging', data: {} },
    );

    await calls.record(steps.map((step) => step.event), steps.at(-1)!.state);

    expect(await calls.findById(call.id)).toEqual(steps.at(-1)!.state);
    expect(await calls.findEvents(call.id)).toEqual(steps.map((step) => step.event));
  });

  it('keeps the later of two writes of the same seq, and the newer state', async () => {
    const call = newCall();
    const [first] = history(call, { type: 'CallRescheduled', data: { scheduledAt: '2030-01-01T10:00:00.000Z', startNow: false } });
    const [second] = history(call, { type: 'CallRescheduled', data: { scheduledAt: '2030-01-01T11:00:00.000Z', startNow: false } });

    await calls.record([first!.event], first!.state);
    await calls.record([second!.event], second!.state);

    expect(await calls.findEvents(call.id)).toEqual([second!.event]);
    expect((await calls.findById(call.id))?.scheduledAt).toBe(first!.state.scheduledAt);
  });

  it('records the events of a call whose run began before accounts, keeping the account its row has', async () => {
    const call = newCall();
    await calls.insertNew(call);
    const [moved] = history(call, { type: 'CallRescheduled', data: { scheduledAt: '2031-01-01T00:00:00.000Z', startNow: false } });
    const { accountId: _none, dialHold: _neither, ...stateFromBefore } = moved!.state;

    await calls.record([moved!.event], stateFromBefore as CallState);

    expect(await calls.findById(call.id)).toEqual(moved!.state);
  });

  it('pages newest first by keyset, filtered by status', async () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    const made = Array.from({ length: 5 }, (_, i) => newCall(new Date(base + i * 1000).toISOString()));
    for (const call of made) await calls.insertNew(call);
    const [cancelled] = history(made[2]!, { type: 'CallCancelled', data: { reason: 'test' } });
    await calls.record([cancelled!.event], cancelled!.state);

    const first = await calls.findPage({ accountId, limit: 2 });
    expect(first.map((c) => c.id)).toEqual([made[4]!.id, made[3]!.id]);
    const second = await calls.findPage({ accountId, limit: 2, after: { createdAt: first[1]!.createdAt, id: first[1]!.id } });
    expect(second.map((c) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    const onlyCancelled = await calls.findPage({ accountId, limit: 10, status: 'cancelled' });
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

describe('notifications on the call changes channel', () => {
  let listener: Client;
  /** Every payload heard, parsed, in the order it arrived. */
  const heard: CallChange[] = [];

  beforeAll(async () => {
    listener = new Client({ connectionString: databaseUrl });
    await listener.connect();
    listener.on('notification', ({ channel, payload }) => {
      if (channel === CALL_CHANGES_CHANNEL) heard.push(JSON.parse(payload!) as CallChange);
    });
    await listener.query(`LISTEN ${CALL_CHANGES_CHANNEL}`);
  });

  afterAll(() => listener.end());

  /** What was heard of the call, once its change to `version` has arrived: notifications come in commit order. */
  async function heardUntil(id: string, version: number): Promise<CallChange[]> {
    while (!heard.some((change) => change.id === id && change.version === version)) await once(listener, 'notification');
    return heard.filter((change) => change.id === id);
  }

  it('names the call and its version for its creation row and every event that moves it forward', async () => {
    const call = newCall();
    await calls.insertNew(call);
    for (const { event, state } of history(
      call,
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } },
    )) {
      await calls.record([event], state);
    }

    expect(await heardUntil(call.id, 2)).toEqual([0, 1, 2].map((version) => ({ id: call.id, version })));
  });

  it('says nothing of a write the projection refuses: stale, repeated, or a creation row after an event', async () => {
    const call = newCall();
    const [dialed, accepted, ringing] = history(
      call,
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } },
      { type: 'CallRinging', data: {} },
    );
    await calls.record([accepted!.event], accepted!.state);

    await calls.record([dialed!.event], dialed!.state);
    await calls.record([accepted!.event], accepted!.state);
    await calls.insertNew(call);
    await calls.record([ringing!.event], ringing!.state);

    expect((await heardUntil(call.id, 3)).map((change) => change.version)).toEqual([2, 3]);
  });

  it('is undone by reverting the migrations down to the first, trigger and function both', async () => {
    const reverted = new DataSource(dataSourceOptions({ url: await createDatabaseForTest() }));
    await reverted.initialize();
    const notifier = async () => {
      const [{ triggers }] = await reverted.query(`SELECT count(*)::int AS triggers FROM pg_trigger WHERE tgrelid = 'calls'::regclass AND NOT tgisinternal`);
      const [{ functions }] = await reverted.query(`SELECT count(*)::int AS functions FROM pg_proc WHERE proname = 'notify_call_change'`);
      return { triggers, functions };
    };
    try {
      await migrate(reverted);
      const before = await notifier();
      for (const _ of MIGRATIONS.slice(1)) await reverted.undoLastMigration();

      expect({ before, after: await notifier() }).toEqual({ before: { triggers: 1, functions: 1 }, after: { triggers: 0, functions: 0 } });
    } finally {
      await reverted.destroy();
    }
  });
});
