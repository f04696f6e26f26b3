import type { CallBatchReport } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { ApiHarness, HOUR, eventually, fromNow } from './api-harness';

/** The most rows a request takes; every 33rd row (3%) bad in one of these ways, each refused by the field it names. */
const ROWS = 10_000;
/**
 * How many rows the creating run sends. Creation is bound by Temporal's starts (about 140 a second on the CI
 * machine's dev server), so CI creates 1,000; `CALL_BATCH_ROWS=10000` creates them all (docs/PERFORMANCE.md).
 */
const CREATED_ROWS = Number(process.env.CALL_BATCH_ROWS ?? 1_000);
const BAD_EVERY = 33;
const BAD_ROWS: { field: string; row: (phoneNumber: string) => Record<string, unknown> }[] = [
  { field: 'phoneNumber', row: () => ({ phoneNumber: '+1415' }) },
  { field: 'scheduledAt', row: (phoneNumber) => ({ phoneNumber, scheduledAt: '2020-01-01T09:00:00Z' }) },
  { field: 'maxAttempts', row: (phoneNumber) => ({ phoneNumber, maxAttempts: 0 }) },
  { field: 'phoneNumber', row: () => ({ phoneNumber: DO_NOT_CALL }) },
  { field: 'colour', row: (phoneNumber) => ({ phoneNumber, colour: 'red' }) },
  { field: 'latestAt', row: (phoneNumber) => ({ phoneNumber, scheduledAt: fromNow(2 * HOUR), latestAt: fromNow(HOUR) }) },
];
const DO_NOT_CALL = '+14155550999';

let harness: ApiHarness;

beforeAll(async () => {
  // Creation only: the calls sleep for a day, and no worker needs to run them.
  harness = await ApiHarness.start({ worker: false });
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

function campaign(size: number): { calls: Record<string, unknown>[]; expected: ({ status: 'created' } | { status: 'rejected'; field: string })[] } {
  const tomorrow = fromNow(24 * HOUR);
  const calls: Record<string, unknown>[] = [];
  const expected: ({ status: 'created' } | { status: 'rejected'; field: string })[] = [];
  for (let row = 0; row < size; row++) {
    const phoneNumber = `+1415${String(2_000_000 + row).padStart(7, '0')}`;
    const bad = row % BAD_EVERY === BAD_EVERY - 1 ? BAD_ROWS[Math.floor(row / BAD_EVERY) % BAD_ROWS.length]! : null;
    calls.push({ clientRef: `row-${row}`, ...(bad ? bad.row(phoneNumber) : { phoneNumber, scheduledAt: tomorrow, note: `Patient ${row}` }) });
    expected.push(bad ? { status: 'rejected', field: bad.field } : { status: 'created' });
  }
  return { calls, expected };
}

async function send(body: object, key: string, secret: string, dryRun = false): Promise<{ report: CallBatchReport; seconds: number }> {
  const started = performance.now();
  const response = await harness.api(secret).post('/api/calls/batch').query({ dryRun: String(dryRun) }).set('idempotency-key', key).send(body);
  if (response.status !== 200) throw new Error(`the batch answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
  return { report: response.body as CallBatchReport, seconds: (performance.now() - started) / 1000 };
}

it('checks a 10,000-row campaign with 3% bad rows in a dry run: the report exact, nothing made', async () => {
  const { id: accountId, keys } = await harness.newAccount('Campaign checked');
  await harness.api(keys.operator.secret).post('/api/do-not-call').send({ phoneNumber: DO_NOT_CALL });
  const { calls, expected } = campaign(ROWS);

  const { report, seconds } = await send({ calls }, randomUUID(), keys.operator.secret, true);
  console.log(`${ROWS} rows checked: ${seconds.toFixed(1)} s`);

  expect(outcomes(report)).toEqual(expected.map((row) => (row.status === 'created' ? { status: 'valid' } : row)));
  expect(report).toMatchObject({ dryRun: true, created: 0, valid: 9_697, rejected: 303 });
  const { rows, workflows } = await harness.footprint(accountId);
  expect({ calls: rows.calls, batches: rows.batches, workflows }).toEqual({ calls: 0, batches: 0, workflows: 0 });
});

it(`creates a ${CREATED_ROWS.toLocaleString('en')}-row campaign with 3% bad rows: the report exact, bad rows making nothing, a replay making nothing`, async () => {
  const { id: accountId, keys } = await harness.newAccount('Campaign');
  await harness.api(keys.operator.secret).post('/api/do-not-call').send({ phoneNumber: DO_NOT_CALL });
  const { calls, expected } = campaign(CREATED_ROWS);
  const key = randomUUID();

  const { report, seconds } = await send({ name: 'campaign.csv', calls }, key, keys.operator.secret);
  console.log(`${CREATED_ROWS} rows created: ${seconds.toFixed(1)} s, ${Math.round(CREATED_ROWS / seconds)} rows/s`);

  const created = expected.filter((row) => row.status === 'created').length;
  expect(report).toMatchObject({ created, rejected: CREATED_ROWS - created, valid: 0 });
  expect(outcomes(report)).toEqual(expected);
  expect(report.rows.every((row, i) => row.row === i && row.clientRef === `row-${i}`)).toBe(true);
  const callIds = report.rows.flatMap((row) => (row.status === 'created' ? [row.callId] : []));
  expect(new Set(callIds).size).toBe(created);

  const made = await eventually(() => harness.footprint(accountId), ({ workflows }) => workflows >= created, 60_000);
  expect({ calls: made.rows.calls, workflows: made.workflows }).toEqual({ calls: created, workflows: created });

  const again = await send({ name: 'campaign.csv', calls }, key, keys.operator.secret);
  console.log(`the same request again: ${again.seconds.toFixed(1)} s`);
  expect(again.report).toEqual(report);
  const after = await harness.footprint(accountId);
  expect({ calls: after.rows.calls, workflows: after.workflows, batches: after.rows.batches }).toEqual({ calls: created, workflows: created, batches: 1 });
}, 600_000);

function outcomes(report: CallBatchReport) {
  return report.rows.map((row) => (row.status === 'rejected' ? { status: row.status, field: row.errors[0]!.field } : { status: row.status }));
}
