import 'reflect-metadata';
import { createDatabaseForTest } from '@call-scheduler/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { surviveLostConnections } from './lost-connections';

let dataSource: DataSource;
let admin: DataSource;

beforeAll(async () => {
  const url = await createDatabaseForTest();
  dataSource = await new DataSource(dataSourceOptions({ url, applicationName: 'lost-connections-test' })).initialize();
  admin = await new DataSource(dataSourceOptions({ url })).initialize();
});

afterAll(async () => {
  await Promise.all([dataSource?.destroy(), admin?.destroy()]);
});

describe('a connection lost while a transaction holds it', () => {
  it('is heard, not left to end the process, and the pool goes on with new connections', async () => {
    const lost: Error[] = [];
    surviveLostConnections(dataSource, (error) => lost.push(error));
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();

    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lost-connections-test'`);
    for (let waited = 0; lost.length === 0 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));

    expect(lost.map((error) => error.message)).toEqual([expect.stringMatching(/terminat/i)]);
    await expect(runner.query('SELECT 1')).rejects.toThrow();
    await runner.release().catch(() => undefined);
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
