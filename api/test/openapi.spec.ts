import { CALL_STREAM_EVENT, CALL_STREAM_PATH } from '@call-scheduler/shared';
import { createDatabaseForTest } from '@call-scheduler/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startApi, testApiConfig } from './api-harness';

let app: NestExpressApplication;

beforeAll(async () => {
  app = await startApi(testApiConfig(await createDatabaseForTest()));
});

afterAll(() => app?.close());

interface OpenApiResponse {
  description: string;
  content?: Record<string, unknown>;
  headers?: Record<string, { description: string }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse>; parameters?: { name: string; in: string }[] }>>;
}

describe('the OpenAPI document', () => {
  it('is served as JSON at /api/docs/openapi.json and documents every endpoint', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs/openapi.json');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const document = response.body as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/calls',
        CALL_STREAM_PATH,
        '/api/calls/{id}',
        '/api/calls/{id}/cancel',
        '/api/calls/{id}/start-now',
        '/api/calls/batch',
        '/api/calls/batches',
        '/api/calls/overview',
        '/api/calls/export',
        '/api/do-not-call',
        '/api/do-not-call/import',
        '/api/do-not-call/{phoneNumber}',
        '/api/provider/events',
        '/api/auth/sign-in',
        '/api/auth/sign-out',
        '/api/auth/me',
        '/api/auth/link',
        '/api/account',
        '/api/account/limits',
        '/api/account/default-window',
        '/api/schedules',
        '/api/schedules/{id}',
        '/api/schedules/{id}/pause',
        '/api/schedules/{id}/resume',
        '/api/schedules/{id}/trigger',
        '/api/account/users',
        '/api/account/api-keys',
        '/api/account/api-keys/{id}/revoke',
        '/health',
      ].sort(),
    );
    expect(Object.keys(document.paths[CALL_STREAM_PATH]!)).toEqual(['get']);
    expect(Object.keys(document.paths['/api/calls']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/api/calls/{id}']!).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(document.paths['/api/calls/{id}/start-now']!)).toEqual(['post']);
    expect(Object.keys(document.paths['/api/calls/{id}/cancel']!)).toEqual(['post']);
    expect(Object.keys(document.paths['/api/do-not-call']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/api/do-not-call/{phoneNumber}']!)).toEqual(['delete']);
    expect(Object.keys(document.paths['/health']!)).toEqual(['get']);
  });

  it('documents the answers a client has to handle', async () => {
    const { paths } = (await request(app.getHttpServer()).get('/api/docs/openapi.json')).body as OpenApiDocument;

    expect(Object.keys(paths['/api/calls']!.post!.responses)).toEqual(expect.arrayContaining(['201', '422']));
    const keyHeaders = (paths['/api/calls']!.post!.parameters ?? []).filter((p) => 'name' in p && p.name.toLowerCase() === 'idempotency-key');
    expect(keyHeaders).toEqual([expect.objectContaining({ in: 'header', required: false })]);
    expect(Object.keys(paths['/api/calls/{id}']!.patch!.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(paths['/api/calls/{id}/cancel']!.post!.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(paths['/health']!.get!.responses)).toEqual(expect.arrayContaining(['200', '503']));
  });

  it('says a create answered 503 may have made its call, and names the key that asks for it again', async () => {
    const { paths } = (await request(app.getHttpServer()).get('/api/docs/openapi.json')).body as OpenApiDocument;
    const { responses } = paths['/api/calls']!.post!;

    expect(responses['503']?.description).toMatch(/may have been created.*Idempotency-Key/);
    expect(Object.keys(responses['503']?.headers ?? {})).toEqual(['Idempotency-Key']);
    expect(Object.keys(responses['201']?.headers ?? {})).toEqual(['Idempotency-Key']);
  });

  it('documents the call stream as text/event-stream, naming each of its events', async () => {
    const { paths } = (await request(app.getHttpServer()).get('/api/docs/openapi.json')).body as OpenApiDocument;
    const stream = paths[CALL_STREAM_PATH]!.get!.responses['200']!;

    expect(Object.keys(stream.content ?? {})).toEqual(['text/event-stream']);
    for (const event of Object.values(CALL_STREAM_EVENT)) expect(stream.description).toContain(`\`${event}\``);
  });

  it('is browsable as HTML at /api/docs', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('swagger-ui');
  });
});
