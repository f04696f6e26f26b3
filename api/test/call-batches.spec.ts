import type { CallBatchDto, CallBatchReport, CallPageDto } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(async () => {
  await harness?.close();
});

function sendBatch(body: Record<string, unknown>, { key, dryRun, secret }: BatchOptions = {}) {
  const request = harness.api(secret).post('/api/calls/batch').query(dryRun === undefined ? {} : { dryRun: String(dryRun) });
  return (key ? request.set('idempotency-key', key) : request).send(body);
}

type BatchOptions = { key?: string; dryRun?: boolean; secret?: string };

async function batchOf(body: Record<string, unknown>, options: BatchOptions = {}): Promise<CallBatchReport> {
  const response = await sendBatch(body, options);
  if (response.status !== 200) throw new Error(`the batch answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as CallBatchReport;
}

/** What a batch request can make in an account; the calls' own events land while they sleep. */
async function holdings(accountId: string) {
  const { rows, workflows } = await harness.footprint(accountId);
  return { calls: rows.calls, batches: rows.batches, batchRequests: rows.batchRequests, idempotencyKeys: rows.idempotencyKeys, workflows };
}

async function listed(query: Record<string, string>): Promise<CallPageDto> {
  const response = await harness.api().get('/api/calls').query({ limit: '200', ...query });
  expect(response.status).toBe(200);
  return response.body as CallPageDto;
}

describe('POST /api/calls/batch', () => {
  it('creates the valid rows as ordinary calls and reports every row in order, the bad ones by field', async () => {
    const [first, second, listedNumber] = [uniquePhoneNumber(), uniquePhoneNumber(), uniquePhoneNumber()];
    await harness.api().post('/api/do-not-call').send({ phoneNumber: listedNumber });
    const report = await batchOf({
      name: 'reminders.csv',
      calls: [
        { phoneNumber: first, clientRef: 'a-1', note: 'Reminder' },
        { phoneNumber: 'not a number', clientRef: 'a-2' },
        { phoneNumber: second, scheduledAt: fromNow(HOUR), clientRef: 'a-3' },
        { phoneNumber: second, scheduledAt: '2020-01-01T00:00:00Z' },
        { phoneNumber: listedNumber, clientRef: 'a-5' },
        { phoneNumber: first, maxAttempts: 99 },
      ],
    });

    expect(report).toMatchObject({ dryRun: false, created: 2, valid: 0, rejected: 4 });
    expect(report.rows.map(({ row, clientRef, status }) => [row, clientRef, status])).toEqual([
      [0, 'a-1', 'created'],
      [1, 'a-2', 'rejected'],
      [2, 'a-3', 'created'],
      [3, null, 'rejected'],
      [4, 'a-5', 'rejected'],
      [5, null, 'rejected'],
    ]);
    const fields = report.rows.flatMap((row) => (row.status === 'rejected' ? [row.errors.map((error) => error.field)] : []));
    expect(fields).toEqual([['phoneNumber'], ['scheduledAt'], ['phoneNumber'], ['maxAttempts']]);
    const created = report.rows.flatMap((row) => (row.status === 'created' ? [row.callId] : []));
    const calls = await Promise.all(created.map((id) => harness.getCall(id)));
    expect(calls.map((call) => [call.phoneNumber, call.batchId, call.note])).toEqual([
      [first, report.batchId, 'Reminder'],
      [second, report.batchId, null],
    ]);
    await harness.waitForStatus(created[0]!, 'completed');
    expect(harness.dialsTo(listedNumber)).toEqual([]);
  });

  it('answers the same report when sent again with its key, and creates nothing more', async () => {
    const { id, keys } = await harness.newAccount('Replays');
    const key = randomUUID();
    const body = { calls: [{ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) }, { phoneNumber: '12' }] };
    const first = await batchOf(body, { key, secret: keys.operator.secret });
    const before = await holdings(id);

    expect(await batchOf(body, { key, secret: keys.operator.secret })).toEqual(first);
    expect(await holdings(id)).toEqual(before);
    const other = await sendBatch({ calls: [{ phoneNumber: uniquePhoneNumber() }] }, { key, secret: keys.operator.secret });
    expect(other.status).toBe(422);
  });

  it('checks every row and creates nothing in a dry run', async () => {
    const { id, keys } = await harness.newAccount('Dry runs');
    const before = await holdings(id);
    const calls = [{ phoneNumber: uniquePhoneNumber() }, { phoneNumber: uniquePhoneNumber(), retryDelaySeconds: 0 }];
    const report = await batchOf({ calls }, { dryRun: true, secret: keys.operator.secret });

    expect(report).toMatchObject({ dryRun: true, created: 0, valid: 1, rejected: 1 });
    expect(report.rows[1]).toMatchObject({ status: 'rejected', errors: [{ field: 'retryDelaySeconds' }] });
    expect(await holdings(id)).toEqual(before);
  });

  it('lets one upload come in several requests naming its batch, which the list filters and names', async () => {
    const batchId = randomUUID();
    const numbers = [uniquePhoneNumber(), uniquePhoneNumber(), uniquePhoneNumber()];
    const later = fromNow(HOUR);
    await batchOf({ batchId, name: 'december.csv', calls: numbers.slice(0, 2).map((phoneNumber) => ({ phoneNumber, scheduledAt: later })) }, { key: `${batchId}:0` });
    await batchOf({ batchId, name: 'december.csv', calls: numbers.slice(2).map((phoneNumber) => ({ phoneNumber, scheduledAt: later })) }, { key: `${batchId}:1` });

    expect((await listed({ batchId })).items.map((call) => call.phoneNumber).sort()).toEqual([...numbers].sort());
    const batches = (await harness.api().get('/api/calls/batches')).body as CallBatchDto[];
    expect(batches.find((batch) => batch.id === batchId)).toMatchObject({ name: 'december.csv', calls: 3 });
    expect((await listed({ search: numbers[2]! })).items.map((call) => call.phoneNumber)).toEqual([numbers[2]]);
    expect((await listed({ search: numbers[2]!.slice(1, 8) })).items.length).toBeGreaterThanOrEqual(3);
    expectFieldError(await harness.api().get('/api/calls').query({ search: '415-555' }), 400, 'search');
    expectFieldError(await harness.api().get('/api/calls').query({ batchId: 'december' }), 400, 'batchId');
  });

  it("keeps batches to their account: another account's batch id is refused, its batches are not listed", async () => {
    const other = await harness.newAccount('Another clinic');
    const theirs = await sendBatch({ calls: [{ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) }] }, { secret: other.keys.operator.secret });
    const { batchId } = theirs.body as CallBatchReport;

    expectFieldError(await sendBatch({ batchId, calls: [{ phoneNumber: uniquePhoneNumber() }] }), 400, 'batchId');
    const mine = (await harness.api().get('/api/calls/batches')).body as CallBatchDto[];
    expect(mine.map((batch) => batch.id)).not.toContain(batchId);
    expect((await listed({ batchId })).items).toEqual([]);
  });

  it('refuses a body that is not a list of rows, or too long, or a viewer, as a whole; rows all refused change nothing either', async () => {
    const before = await holdings(harness.account.id);
    expectFieldError(await sendBatch({ calls: {} }), 400, 'calls');
    expectFieldError(await sendBatch({ calls: [] }), 400, 'calls');
    expectFieldError(await sendBatch({ calls: Array.from({ length: 10_001 }, () => ({ phoneNumber: '+14155550123' })) }), 400, 'calls');
    expectFieldError(await sendBatch({ calls: [{ phoneNumber: '+14155550123' }] }, { dryRun: 'maybe' as unknown as boolean }), 400, 'dryRun');
    expect((await sendBatch({ calls: [{ phoneNumber: uniquePhoneNumber() }] }, { secret: harness.account.keys.viewer.secret })).status).toBe(403);
    const allRefused = await batchOf({ calls: [{ phoneNumber: '12' }, { phoneNumber: uniquePhoneNumber(), note: 7 }] });
    expect(allRefused).toMatchObject({ created: 0, rejected: 2 });
    expect(await holdings(harness.account.id)).toEqual(before);
  });
});
