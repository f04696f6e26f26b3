import type { DoNotCallImportReport, DoNotCallPage } from '@call-scheduler/shared';
import { expectFieldError } from './api-errors';
import { ApiHarness, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(async () => {
  await harness?.close();
});

async function list(search?: string, secret?: string): Promise<DoNotCallPage> {
  const response = await harness.api(secret).get('/api/do-not-call').query(search === undefined ? {} : { search });
  expect(response.status).toBe(200);
  return response.body as DoNotCallPage;
}

describe('the do-not-call list', () => {
  it('adds a number in any common writing as E.164, once, and lists it with who added it and why', async () => {
    const number = uniquePhoneNumber();
    const written = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;
    const first = await harness.api().post('/api/do-not-call').send({ phoneNumber: `+1 ${written}`, reason: ' Asked on the phone ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ phoneNumber: number, reason: 'Asked on the phone', addedBy: { kind: 'key', name: 'operator-key' } });

    const again = await harness.api().post('/api/do-not-call').send({ phoneNumber: number, reason: 'Another reason' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await list(number)).items).toEqual([first.body]);
  });

  it('searches by the first digits, the + optional, and pages in number order', async () => {
    const prefix = '+4420718';
    const numbers = ['+442071838750', '+442071838751'];
    await harness.api().post('/api/do-not-call/import').send({ entries: numbers.map((phoneNumber) => ({ phoneNumber })) });
    expect((await list(prefix)).items.map((entry) => entry.phoneNumber)).toEqual(numbers);
    expect((await list(prefix.slice(1))).total).toBe(2);
    expectFieldError(await harness.api().get('/api/do-not-call').query({ search: '+44 20' }), 400, 'search');
  });

  it('imports rows one by one: each is reported, bad ones by field, and the good ones are added', async () => {
    const [fresh, listed, twice] = [uniquePhoneNumber(), uniquePhoneNumber(), uniquePhoneNumber()];
    await harness.api().post('/api/do-not-call').send({ phoneNumber: listed });
    const response = await harness
      .api()
      .post('/api/do-not-call/import')
      .send({ entries: [{ phoneNumber: fresh, reason: 'Complaint' }, { phoneNumber: listed }, { phoneNumber: '12' }, { phoneNumber: twice }, { phoneNumber: twice }, { phoneNumber: fresh, colour: 'red' }, 'not a row'] });
    expect(response.status).toBe(200);
    const report = response.body as DoNotCallImportReport;
    expect(report).toMatchObject({ added: 2, alreadyListed: 2, rejected: 3 });
    expect(report.rows).toEqual([
      { row: 0, status: 'added', phoneNumber: fresh },
      { row: 1, status: 'already listed', phoneNumber: listed },
      { row: 2, status: 'rejected', errors: [{ field: 'phoneNumber', message: expect.stringContaining('phoneNumber') }] },
      { row: 3, status: 'added', phoneNumber: twice },
      { row: 4, status: 'already listed', phoneNumber: twice },
      { row: 5, status: 'rejected', errors: [{ field: 'colour', message: 'colour is not an accepted field' }] },
      { row: 6, status: 'rejected', errors: [{ field: 'row', message: 'row must be a JSON object' }] },
    ]);
    expect((await list(fresh)).items[0]).toMatchObject({ reason: 'Complaint' });
  });

  it('refuses an import that is not a list of rows, or is too long, as a whole', async () => {
    expectFieldError(await harness.api().post('/api/do-not-call/import').send({ entries: 'all' }), 400, 'entries');
    expectFieldError(await harness.api().post('/api/do-not-call/import').send({ entries: [] }), 400, 'entries');
    const tooMany = Array.from({ length: 10_001 }, () => ({ phoneNumber: '+14155550123' }));
    expectFieldError(await harness.api().post('/api/do-not-call/import').send({ entries: tooMany }), 400, 'entries');
  });

  it('lets only admins take a number off, and viewers only read', async () => {
    const number = uniquePhoneNumber();
    await harness.api().post('/api/do-not-call').send({ phoneNumber: number });
    expect((await harness.api(harness.account.keys.viewer.secret).post('/api/do-not-call').send({ phoneNumber: uniquePhoneNumber() })).status).toBe(403);
    expect((await harness.api().delete(`/api/do-not-call/${encodeURIComponent(number)}`)).status).toBe(403);
    expect((await list(number, harness.account.keys.viewer.secret)).total).toBe(1);

    const admin = harness.account.keys.admin.secret;
    expect((await harness.api(admin).delete(`/api/do-not-call/${encodeURIComponent(number)}`)).status).toBe(204);
    expect((await harness.api(admin).delete(`/api/do-not-call/${encodeURIComponent(number)}`)).status).toBe(404);
    expectFieldError(await harness.api(admin).delete('/api/do-not-call/12'), 400, 'phoneNumber');
    expect((await list(number)).total).toBe(0);
  });

  it("keeps each account's list to itself", async () => {
    const number = uniquePhoneNumber();
    const other = await harness.newAccount('Another clinic');
    await harness.api(other.keys.operator.secret).post('/api/do-not-call').send({ phoneNumber: number });
    expect((await list(number)).total).toBe(0);
    expect((await harness.api(other.keys.admin.secret).delete(`/api/do-not-call/${encodeURIComponent(number)}`)).status).toBe(204);
    expect((await harness.api().post('/api/calls').send({ phoneNumber: number, scheduledAt: fromNow(3_600_000) })).status).toBe(201);
  });
});

describe('calls to a number on the list', () => {
  it('are refused when they are created, naming phoneNumber, and so are schedules', async () => {
    const number = uniquePhoneNumber();
    await harness.api().post('/api/do-not-call').send({ phoneNumber: number });
    const refused = await harness.api().post('/api/calls').send({ phoneNumber: number });
    expectFieldError(refused, 400, 'phoneNumber');
    expect(refused.body.message).toContain('do-not-call');
    expectFieldError(await harness.api().post('/api/schedules').send({ phoneNumber: number, timeZone: 'UTC', cron: '0 9 * * *' }), 400, 'phoneNumber');
    expect(harness.dialsTo(number)).toEqual([]);
  });

  it('end blocked, undialled, when the number is listed while they wait, with the reason in the timeline', async () => {
    const number = uniquePhoneNumber();
    const call = await harness.createCall({ phoneNumber: number, scheduledAt: fromNow(3_000) });
    await harness.api().post('/api/do-not-call').send({ phoneNumber: number, reason: 'Asked by text' });

    const blocked = await harness.waitForStatus(call.id, 'blocked');
    expect(blocked.lastError).toBe(`${number} is on the account's do-not-call list`);
    expect(blocked.events.map((event) => event.type)).toEqual(['CallScheduled', 'CallBlocked']);
    expect((await harness.api().post(`/api/calls/${call.id}/cancel`)).status).toBe(409);
    expect(harness.dialsTo(number)).toEqual([]);
  });

  it('are dialled again once the number is taken off before their dial', async () => {
    const number = uniquePhoneNumber();
    await harness.api().post('/api/do-not-call').send({ phoneNumber: number });
    await harness.api(harness.account.keys.admin.secret).delete(`/api/do-not-call/${encodeURIComponent(number)}`);
    const call = await harness.createCall({ phoneNumber: number });
    await harness.waitForStatus(call.id, 'completed');
    expect(harness.dialsTo(number)).toHaveLength(1);
  });
});
