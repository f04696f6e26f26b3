import type { CallOverviewDto } from '@call-scheduler/shared';
import { parse } from 'csv-parse/sync';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, eventually, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(async () => {
  await harness?.close();
});

async function overview(secret: string, query: Record<string, string> = {}): Promise<CallOverviewDto> {
  const response = await harness.api(secret).get('/api/calls/overview').query(query);
  expect(response.status).toBe(200);
  return response.body as CallOverviewDto;
}

describe('GET /api/calls/overview', () => {
  it("counts the account's calls by status, its dials of the last hour by minute, and its calls due by hour, for the account or a batch", async () => {
    const { keys } = await harness.newAccount('Campaign overview');
    const secret = keys.operator.secret;
    const report = (await harness.api(secret).post('/api/calls/batch').send({ calls: [{ phoneNumber: uniquePhoneNumber() }, { phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(3 * HOUR) }] })).body;
    await harness.api(secret).post('/api/calls').send({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(30 * HOUR) });
    const [dialled] = report.rows;
    await eventually(() => harness.api(secret).get(`/api/calls/${dialled.callId}`), (response) => response.body.status === 'completed');

    const whole = await overview(secret);
    expect(whole.byStatus).toMatchObject({ completed: 1, scheduled: 2, failed: 0, blocked: 0 });
    expect(whole.dialsPerMinute).toHaveLength(60);
    expect(whole.dialsPerMinute.reduce((sum, { dials }) => sum + dials, 0)).toBe(1);
    expect(Date.parse(whole.dialsPerMinute.at(-1)!.minute)).toBeLessThanOrEqual(Date.parse(whole.at));
    expect(whole.duePerHour).toHaveLength(24);
    const due = whole.duePerHour.filter(({ calls }) => calls > 0);
    expect(due).toEqual([{ hour: new Date(Math.floor((Date.parse(whole.at) + 3 * HOUR) / HOUR) * HOUR).toISOString(), calls: 1 }]);

    const batch = await overview(secret, { batchId: report.batchId });
    expect(batch.byStatus).toMatchObject({ completed: 1, scheduled: 1 });
    expect((await overview(harness.account.keys.viewer.secret, { batchId: report.batchId })).byStatus.completed).toBe(0);
    expectFieldError(await harness.api(secret).get('/api/calls/overview').query({ batchId: 'batch' }), 400, 'batchId');
  });
});

describe('GET /api/calls/export', () => {
  it('answers every call the filters select as CSV, newest first, past any page size, and keeps a note from being read as a formula', async () => {
    const { keys } = await harness.newAccount('Export');
    const secret = keys.operator.secret;
    const calls = Array.from({ length: 1_003 }, (_, i) => ({ phoneNumber: `+1415${String(3_000_000 + i).padStart(7, '0')}`, scheduledAt: fromNow(HOUR), note: i === 0 ? '=HYPERLINK("x")' : `Row ${i}` }));
    const { batchId } = (await harness.api(secret).post('/api/calls/batch').send({ calls })).body;
    await harness.api(secret).post('/api/calls').send({ phoneNumber: '+442071838750', scheduledAt: fromNow(HOUR) });

    const response = await harness.api(secret).get('/api/calls/export').query({ batchId });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="calls-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1_003);
    expect(new Set(rows.map((row) => row.batchId))).toEqual(new Set([batchId]));
    expect(rows.find((row) => row.phoneNumber === '+14153000000')?.note).toBe(`'=HYPERLINK("x")`);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'phoneNumber', 'status', 'scheduledAt', 'temporalUiUrl']));

    const searched = parse((await harness.api(secret).get('/api/calls/export').query({ search: '+44' })).text, { columns: true }) as Record<string, string>[];
    expect(searched.map((row) => row.phoneNumber)).toEqual(['+442071838750']);
    const someoneElse = parse((await harness.api().get('/api/calls/export').query({ batchId })).text, { columns: true });
    expect(someoneElse).toEqual([]);
    expectFieldError(await harness.api(secret).get('/api/calls/export').query({ status: 'nope' }), 400, 'status');
  });
});
