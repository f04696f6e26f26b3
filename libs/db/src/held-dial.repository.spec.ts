import 'reflect-metadata';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
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
    expect(await heldDials.claim(holds)).toEqual(new Set(holds));
    expect(await heldDials.claim(holds.slice(0, 1))).toEqual(new Set(holds.slice(0, 1)));
  });

  it('keeps a called-off hold from being dialled, and tells a later call-off that it was', async () => {
    const [calledOff, dialled] = [randomUUID(), randomUUID()];
    expect(await heldDials.callOff(calledOff)).toBe('called off');
    expect(await heldDials.claim([calledOff, dialled])).toEqual(new Set([dialled]));
    expect(await heldDials.callOff(dialled)).toBe('dialled');
    expect(await heldDials.callOff(calledOff)).toBe('called off');
  });

  it('lets exactly one side win when a claim and a call-off race from two processes', async () => {
    const holds = Array.from({ length: 50 }, () => randomUUID());
    const elsewhere = new HeldDialRepository(otherProcess);
    const [claimed, callOffs] = await Promise.all([heldDials.claim(holds), Promise.all(holds.map((hold) => elsewhere.callOff(hold)))]);
    holds.forEach((hold, i) => expect(callOffs[i]).toBe(claimed.has(hold) ? 'dialled' : 'called off'));
  });

  it('forgets decisions older than it is told', async () => {
    const old = randomUUID();
    await heldDials.callOff(old);
    await dataSource.query(`UPDATE held_dials SET decided_at = now() - interval '2 days' WHERE hold_id = $1`, [old]);
    await heldDials.forgetOlderThan(24 * 60 * 60_000);
    expect(await heldDials.claim([old])).toEqual(new Set([old]));
  });
});
