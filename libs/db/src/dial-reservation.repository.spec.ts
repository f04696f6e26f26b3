import 'reflect-metadata';
import { DEFAULT_DIAL_LIMITS, type DialLimits } from '@call-scheduler/shared';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountRepository } from './account.repository';
import { dataSourceOptions } from './data-source-options';
import { AccountNotFoundError, DialReservationRepository, type DialReservation } from './dial-reservation.repository';
import { migrate } from './migrate';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Limits no test here reaches, so each test sets only the one it is about. */
const ROOMY: DialLimits = { dialsPerHour: 10_000, dialsPerDay: 100_000, maxConcurrentCalls: 10_000 };

let databaseUrl: string;
let dataSource: DataSource;
let accounts: AccountRepository;
let reservations: DialReservationRepository;

beforeAll(async () => {
  databaseUrl = await createDatabaseForTest();
  dataSource = new DataSource(dataSourceOptions({ url: databaseUrl }));
  await dataSource.initialize();
  await migrate(dataSource);
  accounts = new AccountRepository(dataSource);
  reservations = new DialReservationRepository(dataSource);
});

afterAll(() => dataSource.destroy());

async function account(limits: Partial<DialLimits>): Promise<string> {
  const { id } = await accounts.createAccount({ id: randomUUID(), name: 'Spend cap test', limits: { ...ROOMY, ...limits } });
  return id;
}

function reserve(accountId: string, callId = randomUUID(), attempt = 1): Promise<DialReservation> {
  return reservations.reserve({ accountId, callId, attempt });
}

/** A reservation made `agoMs` before now, as if an earlier dial had made it. */
async function reservedAgo(accountId: string, agoMs: number, released = false): Promise<string> {
  const callId = randomUUID();
  await dataSource.query(
    `INSERT INTO dial_reservations (call_id, attempt, account_id, reserved_at, released_at)
     VALUES ($1, 1, $2, now() - make_interval(secs => $3), CASE WHEN $4 THEN now() END)`,
    [callId, accountId, agoMs / 1000, released],
  );
  return callId;
}

async function rowsOf(accountId: string): Promise<{ call_id: string; attempt: number; released_at: Date | null }[]> {
  return dataSource.query(`SELECT call_id, attempt, released_at FROM dial_reservations WHERE account_id = $1`, [accountId]);
}

function granted(answers: DialReservation[]): number {
  return answers.filter((answer) => answer.granted).length;
}

/** The hold's retryAt, in milliseconds from now. */
function retryInMs(answer: DialReservation): number {
  if (answer.granted || answer.hold.retryAt === null) throw new Error(`No retryAt in ${JSON.stringify(answer)}`);
  return Date.parse(answer.hold.retryAt) - Date.now();
}

describe('DialReservationRepository', () => {
  describe('under 50 reservations made at once from two connection pools, as from two workers', () => {
    let other: DataSource;

    beforeAll(async () => {
      other = new DataSource(dataSourceOptions({ url: databaseUrl }));
      await other.initialize();
    });

    afterAll(() => other.destroy());

    async function reserveFromBoth(accountId: string): Promise<DialReservation[]> {
      const pools = [reservations, new DialReservationRepository(other)];
      return Promise.all(Array.from({ length: 50 }, (_, i) => pools[i % 2]!.reserve({ accountId, callId: randomUUID(), attempt: 1 })));
    }

    it('grants exactly the calls in progress allowed, and holds the rest', async () => {
      const accountId = await account({ maxConcurrentCalls: 5 });

      const answers = await reserveFromBoth(accountId);

      expect(granted(answers)).toBe(5);
      expect(await rowsOf(accountId)).toHaveLength(5);
      for (const answer of answers.filter((a) => !a.granted)) {
        expect(answer).toEqual({
          granted: false,
          hold: { limit: 'concurrent', reason: "The account's limit of 5 calls in progress at once is reached; room again when one of them ends", retryAt: null },
        });
      }
    });

    it('grants exactly the dials per hour allowed, and holds the rest until the first of them is an hour old', async () => {
      const accountId = await account({ dialsPerHour: 7 });

      const answers = await reserveFromBoth(accountId);

      expect(granted(answers)).toBe(7);
      const held = answers.filter((a) => !a.granted);
      expect(held).toHaveLength(43);
      for (const answer of held) {
        expect(answer).toMatchObject({ hold: { limit: 'hourly', reason: expect.stringMatching(/^The account's limit of 7 dials per hour is reached; room again at \d\d:\d\d UTC$/) } });
        expect(retryInMs(answer)).toBeGreaterThan(HOUR_MS - MINUTE_MS);
        expect(retryInMs(answer)).toBeLessThanOrEqual(HOUR_MS);
      }
    });
  });

  it('grants an attempt reserved again, without counting it twice', async () => {
    const accountId = await account({ maxConcurrentCalls: 1, dialsPerHour: 1 });
    const callId = randomUUID();

    expect(await reserve(accountId, callId)).toEqual({ granted: true });
    expect(await reserve(accountId, callId)).toEqual({ granted: true });

    expect(await rowsOf(accountId)).toHaveLength(1);
    expect(await reserve(accountId)).toMatchObject({ granted: false });
  });

  it('makes room for another call in progress once a dial is released, and releases it once', async () => {
    const accountId = await account({ maxConcurrentCalls: 1 });
    const first = randomUUID();
    await reserve(accountId, first);
    expect(await reserve(accountId)).toMatchObject({ granted: false, hold: { limit: 'concurrent' } });

    await reservations.release({ callId: first, attempt: 1, dialled: true });
    const releasedAt = (await rowsOf(accountId))[0]!.released_at;
    await reservations.release({ callId: first, attempt: 1, dialled: true });

    expect((await rowsOf(accountId))[0]!.released_at).toEqual(releasedAt);
    expect(await reserve(accountId)).toEqual({ granted: true });
  });

  it('keeps a released dial in the hour, and gives back whole a reservation whose dial never happened', async () => {
    const dialled = await account({ dialsPerHour: 1 });
    const dialledCall = randomUUID();
    await reserve(dialled, dialledCall);
    await reservations.release({ callId: dialledCall, attempt: 1, dialled: true });
    expect(await reserve(dialled)).toMatchObject({ granted: false, hold: { limit: 'hourly' } });

    const withdrawn = await account({ dialsPerHour: 1 });
    const withdrawnCall = randomUUID();
    await reserve(withdrawn, withdrawnCall);
    await reservations.release({ callId: withdrawnCall, attempt: 1, dialled: false });
    expect(await reserve(withdrawn)).toEqual({ granted: true });
  });

  it('counts each attempt of a call as a dial of its own', async () => {
    const accountId = await account({ dialsPerHour: 2 });
    const callId = randomUUID();
    await reserve(accountId, callId, 1);
    await reservations.release({ callId, attempt: 1, dialled: true });

    expect(await reserve(accountId, callId, 2)).toEqual({ granted: true });
    expect(await reserve(accountId, callId, 3)).toMatchObject({ granted: false, hold: { limit: 'hourly' } });
  });

  it('counts only the dials of the last hour against the hourly limit, and names when the window has room', async () => {
    const accountId = await account({ dialsPerHour: 2 });
    await reservedAgo(accountId, 61 * MINUTE_MS, true);
    await reservedAgo(accountId, 50 * MINUTE_MS, true);
    expect(await reserve(accountId)).toEqual({ granted: true });

    const held = await reserve(accountId);
    // Room comes when the second newest, made 50 minutes ago, leaves the hour.
    expect(held).toMatchObject({ granted: false, hold: { limit: 'hourly' } });
    expect(retryInMs(held)).toBeGreaterThan(9 * MINUTE_MS);
    expect(retryInMs(held)).toBeLessThanOrEqual(10 * MINUTE_MS);
  });

  it('counts the dials of the last day against the daily limit, naming the day room comes', async () => {
    const accountId = await account({ dialsPerDay: 2 });
    await reservedAgo(accountId, 25 * HOUR_MS, true);
    await reservedAgo(accountId, 23 * HOUR_MS, true);
    await reservedAgo(accountId, 2 * HOUR_MS, true);

    const held = await reserve(accountId);

    expect(held).toMatchObject({
      granted: false,
      hold: { limit: 'daily', reason: expect.stringMatching(/^The account's limit of 2 dials per day is reached; room again at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/) },
    });
    expect(retryInMs(held)).toBeGreaterThan(HOUR_MS - MINUTE_MS);
    expect(retryInMs(held)).toBeLessThanOrEqual(HOUR_MS);
  });

  it('stops counting as in progress a dial nobody released once its lease is over', async () => {
    const accountId = await account({ maxConcurrentCalls: 1 });
    const abandoned = await reservedAgo(accountId, 7 * HOUR_MS);
    expect(await reserve(accountId)).toEqual({ granted: true });

    const recent = await account({ maxConcurrentCalls: 1 });
    await reservedAgo(recent, 5 * HOUR_MS);
    expect(await reserve(recent)).toMatchObject({ granted: false, hold: { limit: 'concurrent' } });
    expect((await rowsOf(accountId)).map((row) => row.call_id)).toContain(abandoned);
  });

  it('forgets reservations older than a day', async () => {
    const accountId = await account({});
    const old = await reservedAgo(accountId, 25 * HOUR_MS, true);
    const recent = await reservedAgo(accountId, 23 * HOUR_MS, true);

    await reserve(accountId);

    const kept = (await rowsOf(accountId)).map((row) => row.call_id);
    expect(kept).toContain(recent);
    expect(kept).not.toContain(old);
  });

  it('holds every dial of an account whose limit is zero', async () => {
    const accountId = await account({ maxConcurrentCalls: 0 });
    expect(await reserve(accountId)).toEqual({
      granted: false,
      hold: { limit: 'concurrent', reason: 'The account allows no calls in progress', retryAt: null },
    });
  });

  it('takes the account limits as they are when it reserves', async () => {
    const accountId = await account({ maxConcurrentCalls: 1 });
    await reserve(accountId);
    expect(await reserve(accountId)).toMatchObject({ granted: false });

    await accounts.setLimits(accountId, { ...DEFAULT_DIAL_LIMITS, maxConcurrentCalls: 2 });

    expect(await reserve(accountId)).toEqual({ granted: true });
  });

  it('refuses a reservation for an account that does not exist', async () => {
    await expect(reserve(randomUUID())).rejects.toBeInstanceOf(AccountNotFoundError);
  });
});

describe('DialReservationRepository.reserveAll', () => {
  function requests(accountId: string, count: number): { accountId: string; callId: string; attempt: number }[] {
    return Array.from({ length: count }, () => ({ accountId, callId: randomUUID(), attempt: 1 }));
  }

  it('grants a batch in order up to the hourly limit and holds the rest, as one by one would', async () => {
    const [batched, oneByOne] = [await account({ dialsPerHour: 7 }), await account({ dialsPerHour: 7 })];

    const answers = await reservations.reserveAll(requests(batched, 10));
    const sequential: DialReservation[] = [];
    for (const request of requests(oneByOne, 10)) sequential.push(await reservations.reserve(request));

    expect(answers.map(limitOf)).toEqual(sequential.map(limitOf));
    expect(answers.map(limitOf)).toEqual([...Array(7).fill('granted'), 'hourly', 'hourly', 'hourly']);
    expect(await rowsOf(batched)).toHaveLength(7);
  });

  it('holds a batch beyond the calls in progress at once', async () => {
    const accountId = await account({ maxConcurrentCalls: 3 });
    await reserve(accountId);

    const answers = await reservations.reserveAll(requests(accountId, 4));

    expect(answers.map(limitOf)).toEqual(['granted', 'granted', 'concurrent', 'concurrent']);
  });

  it('grants again an attempt already reserved, and one asked twice in the batch, each counted once', async () => {
    const accountId = await account({ dialsPerHour: 3 });
    const earlier = randomUUID();
    await reserve(accountId, earlier);
    const [twice, last] = requests(accountId, 2);

    const answers = await reservations.reserveAll([{ accountId, callId: earlier, attempt: 1 }, twice!, twice!, last!]);

    expect(answers.map(limitOf)).toEqual(['granted', 'granted', 'granted', 'granted']);
    expect(await rowsOf(accountId)).toHaveLength(3);
    expect(await reserve(accountId)).toMatchObject({ granted: false, hold: { limit: 'hourly' } });
  });

  it("answers a batch of several accounts in its order, each within its account's limits", async () => {
    const [roomy, tight] = [await account({}), await account({ maxConcurrentCalls: 1 })];
    const [a, b] = requests(roomy, 2);
    const [c, d] = requests(tight, 2);

    const answers = await reservations.reserveAll([c!, a!, d!, b!]);

    expect(answers.map(limitOf)).toEqual(['granted', 'granted', 'concurrent', 'granted']);
  });

  it('answers only the requests of an account that does not exist with the error', async () => {
    const [missing] = requests(randomUUID(), 1);
    const [present] = requests(await account({}), 1);

    const answers = await reservations.reserveAll([missing!, present!]);

    expect(answers[0]).toBeInstanceOf(AccountNotFoundError);
    expect(answers[1]).toEqual({ granted: true });
  });
});

function limitOf(reservation: DialReservation): string {
  return reservation.granted ? 'granted' : reservation.hold.limit;
}
