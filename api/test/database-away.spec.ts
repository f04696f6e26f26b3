import { createDatabaseForTest, takeDatabaseAway, type DatabaseAway } from '@call-scheduler/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiHarness } from './api-harness';

const NUMBER = '+14155550177';

let databaseUrl: string;
let away: DatabaseAway | undefined;
let h: ApiHarness;

beforeAll(async () => {
  databaseUrl = await createDatabaseForTest();
  h = await ApiHarness.start({ worker: false, config: { DATABASE_URL: databaseUrl } });
}, 60_000);

afterAll(() => h?.close());

describe('the API while its database cannot be reached', () => {
  afterEach(() => comeBack());

  it('answers 503, never 500, to reads and creates, and recovers by itself', async () => {
    await h.api().get('/api/calls').expect(200);
    away = await takeDatabaseAway(databaseUrl);

    const list = await h.api().get('/api/calls');
    expect(list.status).toBe(503);
    expect(list.body.message).toMatch(/database cannot be reached/);
    // Refused before it could make anything: the caller's key cannot be checked while the database is away.
    const created = await h.api().post('/api/calls').set('Idempotency-Key', 'while-away').send({ phoneNumber: NUMBER });
    expect(created.status).toBe(503);
    expect(created.body.message).toMatch(/database cannot be reached/);

    await comeBack();
    await eventuallyOk(() => h.api().get('/api/calls'));
    const again = await h.api().post('/api/calls').set('Idempotency-Key', 'while-away').send({ phoneNumber: NUMBER });
    expect(again.status).toBe(201);
    const page = await h.api().get('/api/calls').expect(200);
    expect(page.body.items.map((call: { phoneNumber: string }) => call.phoneNumber)).toEqual([NUMBER]);
  });
});

async function comeBack(): Promise<void> {
  await away?.back();
  away = undefined;
}

async function eventuallyOk(send: () => PromiseLike<{ status: number }>): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await send()).status === 200) return;
    await sleep(100);
  }
  throw new Error('Still not answering 200 after 10 s');
}
