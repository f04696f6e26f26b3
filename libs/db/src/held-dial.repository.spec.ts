import 'reflect-metadata';
import { DEFAULT_DIAL_LIMITS } from '@call-scheduler/shared';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { AccountRepository } from './account.repository';
import { DoNotCallRepository } from './do-not-call.repository';
import { HeldDialRepository } from './held-dial.repository';
import { migrate } from './migrate';

let dataSource: DataSource;
let otherProcess: DataSource;
let heldDials: HeldDialRepository;

beforeAll(async () => {
  const url = await createDatabaseForTest();
  dataSource = await new DataSource(dataSourceOptions({ url })).initialize();
  await migrate(dataSource);
  otherProcess = await new DataSource(dataSourceOptions({ url })).initialize();
  heldDials = new HeldDialRepository(dataSource);
});

afterAll(async () => {
  await Promise.all([dataSource?.destroy(), otherProcess?.destroy()]);
});

describe('the decision about each held dial', () => {
  it('lets the worker dial every hold nobody called off, many in one statement, and again when asked again', async () => {
    const holds = [randomUUID(), randomUUID(), randomUUID()];
    expect(await claimed(holds)).toEqual(decided(holds, 'dialled'));
    expect(await claimed(holds.slice(0, 1))).toEqual(decided(holds.slice(0, 1), 'dialled'));
  });

  it('keeps a called-off hold from being dialled, and tells a later call-off that it was', async () => {
    const [calledOff, dialled] = [randomUUID(), randomUUID()];
    expect(await heldDials.callOff(calledOff)).toBe('called off');
    expect(await claimed([calledOff, dialled])).toEqual(new Map([[calledOff, 'called off'], [dialled, 'dialled']]));
    expect(await heldDials.callOff(dialled)).toBe('dialled');
    expect(await heldDials.callOff(calledOff)).toBe('called off');
  });

  it('lets exactly one side win when a claim and a call-off race from two processes', async () => {
    const holds = Array.from({ length: 50 }, () => randomUUID());
    const elsewhere = new HeldDialRepository(otherProcess);
    const [claims, callOffs] = await Promise.all([claimed(holds), Promise.all(holds.map((hold) => elsewhere.callOff(hold)))]);
    holds.forEach((hold, i) => expect(callOffs[i]).toBe(claims.get(hold)));
  });

  it('forgets decisions older than it is told', async () => {
    const old = randomUUID();
    await heldDials.callOff(old);
    await dataSource.query(`UPDATE held_dials SET decided_at = now() - interval '2 days' WHERE hold_id = $1`, [old]);
    await heldDials.forgetOlderThan(24 * 60 * 60_000);
    expect(await claimed([old])).toEqual(decided([old], 'dialled'));
  });

  it("blocks a hold whose number is on its account's do-not-call list when it is claimed, and keeps a decision made before the listing", async () => {
    const accountId = await newAccount();
    const [listed, free, claimedBefore] = ['+14155550101', '+14155550102', '+14155550103'];
    const earlier = randomUUID();
    await heldDials.claim([{ holdId: earlier, accountId, phoneNumber: claimedBefore }]);
    await new DoNotCallRepository(dataSource).add(accountId, [listed, claimedBefore].map((phoneNumber) => ({ phoneNumber, reason: null })), null);
    const [blocked, dialled, otherAccount] = [randomUUID(), randomUUID(), randomUUID()];
    const claims = await heldDials.claim([
      { holdId: blocked, accountId, phoneNumber: listed },
      { holdId: dialled, accountId, phoneNumber: free },
      { holdId: otherAccount, accountId: await newAccount(), phoneNumber: listed },
      { holdId: earlier, accountId, phoneNumber: claimedBefore },
    ]);
    expect(claims).toEqual(new Map([[blocked, 'blocked'], [dialled, 'dialled'], [otherAccount, 'dialled'], [earlier, 'dialled']]));
    expect(await heldDials.callOff(blocked)).toBe('blocked');
  });
});

function claimed(holdIds: string[]): Promise<Map<string, string>> {
  return heldDials.claim(holdIds.map((holdId) => ({ holdId, phoneNumber: '+14155550100' })));
}

function decided(holdIds: string[], outcome: string): Map<string, string> {
  return new Map(holdIds.map((holdId) => [holdId, outcome]));
}

async function newAccount(): Promise<string> {
  return (await new AccountRepository(dataSource).createAccount({ id: randomUUID(), name: 'Clinic', limits: DEFAULT_DIAL_LIMITS })).id;
}
