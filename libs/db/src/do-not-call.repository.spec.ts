import 'reflect-metadata';
import { DEFAULT_DIAL_LIMITS } from '@call-scheduler/shared';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountRepository } from './account.repository';
import { dataSourceOptions } from './data-source-options';
import { DoNotCallRepository } from './do-not-call.repository';
import { migrate } from './migrate';

let dataSource: DataSource;
let list: DoNotCallRepository;

beforeAll(async () => {
  dataSource = await new DataSource(dataSourceOptions({ url: await createDatabaseForTest() })).initialize();
  await migrate(dataSource);
  list = new DoNotCallRepository(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
});

async function newAccount(): Promise<string> {
  return (await new AccountRepository(dataSource).createAccount({ id: randomUUID(), name: 'Clinic', limits: DEFAULT_DIAL_LIMITS })).id;
}

describe("an account's do-not-call list", () => {
  it('adds numbers once, keeping the first reason and who added it, and answers which it added', async () => {
    const accountId = await newAccount();
    const by = { kind: 'user', id: randomUUID(), name: 'Ada' } as const;
    expect(await list.add(accountId, [{ phoneNumber: '+14155550101', reason: 'Asked twice' }], by)).toEqual(new Set(['+14155550101']));
    const again = await list.add(accountId, [{ phoneNumber: '+14155550101', reason: 'Later' }, { phoneNumber: '+14155550102', reason: null }], null);
    expect(again).toEqual(new Set(['+14155550102']));
    expect(await list.find(accountId, '+14155550101')).toMatchObject({ reason: 'Asked twice', addedBy: by });
  });

  it("keeps each account's list to itself", async () => {
    const [mine, theirs] = [await newAccount(), await newAccount()];
    await list.add(theirs, [{ phoneNumber: '+14155550103', reason: null }], null);
    expect(await list.listed(mine, ['+14155550103'])).toEqual(new Set());
    expect(await list.listed(theirs, ['+14155550103', '+14155550104'])).toEqual(new Set(['+14155550103']));
    expect(await list.remove(mine, '+14155550103')).toBe(false);
    expect(await list.page(mine, { limit: 10 })).toEqual({ items: [], total: 0 });
  });

  it('pages in number order, searched by prefix, with the total matching', async () => {
    const accountId = await newAccount();
    const numbers = ['+442071838750', '+14155550105', '+14155550106', '+14155550107'];
    await list.add(accountId, numbers.map((phoneNumber) => ({ phoneNumber, reason: null })), null);
    const first = await list.page(accountId, { prefix: '+1415', limit: 2 });
    expect(first.items.map((entry) => entry.phoneNumber)).toEqual(['+14155550105', '+14155550106']);
    expect(first.total).toBe(3);
    const next = await list.page(accountId, { prefix: '+1415', after: '+14155550106', limit: 2 });
    expect(next.items.map((entry) => entry.phoneNumber)).toEqual(['+14155550107']);
    expect((await list.page(accountId, { limit: 10 })).total).toBe(4);
  });

  it('removes a number, once', async () => {
    const accountId = await newAccount();
    await list.add(accountId, [{ phoneNumber: '+14155550108', reason: null }], null);
    expect(await list.remove(accountId, '+14155550108')).toBe(true);
    expect(await list.remove(accountId, '+14155550108')).toBe(false);
    expect(await list.find(accountId, '+14155550108')).toBeNull();
  });
});
