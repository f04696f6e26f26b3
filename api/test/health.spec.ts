import { createDatabaseForTest } from '@call-scheduler/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, testApiConfig } from './api-harness';

describe('GET /health with PostgreSQL and Temporal up', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi(testApiConfig(await createDatabaseForTest()));
  });

  afterAll(() => app?.close());

  it('answers 200 with both checks up, outside the /api prefix', async () => {
    const response = await request(app.getHttpServer()).get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
  });
});

describe('GET /health when its database goes away', () => {
  let app: NestExpressApplication;
  let admin: DataSource;
  let database: string;

  beforeAll(async () => {
    const url = new URL(await createDatabaseForTest());
    database = url.pathname.slice(1);
    app = await startApi(testApiConfig(url.toString()));
    url.pathname = '/postgres';
    admin = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
  });

  afterAll(async () => {
    await app?.close();
    await admin?.destroy();
  });

  it('answers 503 naming the database as down, then 200 once it is back', async () => {
    // FORCE ends the API's pooled connections too: the next probe has to connect afresh, and cannot.
    await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);

    const down = await request(app.getHttpServer()).get('/health');
    await admin.query(`CREATE DATABASE "${database}"`);
    const up = await request(app.getHttpServer()).get('/health');

    expect({ down: { status: down.status, body: down.body as unknown }, up: { status: up.status, body: up.body as unknown } }).toEqual({
      down: {
        status: 503,
        body: {
          statusCode: 503,
          error: 'Service Unavailable',
          message: expect.stringContaining('"database":"down"'),
          checks: { database: 'down', temporal: 'up' },
        },
      },
      up: { status: 200, body: { status: 'ok', checks: { database: 'up', temporal: 'up' } } },
    });
  });
});
