import 'reflect-metadata';
import { AccountRepository, CallRepository, DialReservationRepository, HeldDialRepository, dataSourceOptions, SessionRepository } from '@call-scheduler/db';
import { startMockProvider, type BehaviourPatch, type MockProvider } from '@call-scheduler/mock-provider';
import type { CallDetailDto, CallDto, CallPageDto, CallStatus, DialLimits, Role } from '@call-scheduler/shared';
import { Env } from '@call-scheduler/shared/runtime';
import { createDatabaseForTest, testTemporalAddress } from '@call-scheduler/testing';
// The package's main is the worker process itself; its library entry is dist/index.
import { createActivities, createCallWorker, ProviderClient, type CallWorker, type StatusCallbacks } from '@call-scheduler/worker';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountAdmin } from '../src/accounts/account-admin';
import { createApiApp } from '../src/app.setup';
import { readApiConfig, type ApiConfig } from '../src/config/api.config';

export const TEMPORAL_UI_URL = 'http://temporal-ui.test:8233';

/** Every call completes, quickly: the provider answers at once and each phase lasts a few milliseconds. */
const QUICK_PROVIDER: BehaviourPatch = {
  latencyMs: 0,
  outcomes: { completed: 1 },
  timing: { queuedMs: 20, ringingMs: 20, talkMs: 20 },
};

/** Limits no test meets unless it sets its own. */
export const UNLIMITED: DialLimits = { dialsPerHour: 1_000_000, dialsPerDay: 10_000_000, maxConcurrentCalls: 100_000 };

/** Where the web app's requests come from in tests: the API admits cookie-authenticated changes only from here. */
export const WEB_ORIGIN = 'http://web.test:3000';

/** What ApiHarness.footprint counts. */
export interface Footprint {
  rows: { calls: number; events: number; idempotencyKeys: number; users: number; sessions: number; apiKeys: number; revokedApiKeys: number; limits: string; defaultWindow: string; schedules: string; doNotCall: number; batches: number; batchRequests: number };
  workflows: number;
  dials: number;
  temporalSchedules: string[];
}

/** An account made for a test, with one API key per role. */
export interface TestAccount {
  id: string;
  keys: Record<Role, { id: string; name: string; secret: string }>;
}

/** The API's settings for one test file: its own database and task queue, short dial retries. */
export function testApiConfig(databaseUrl: string, overrides: Record<string, string> = {}): ApiConfig {
  return readApiConfig(
    new Env({
      PORT: '0',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: `api-test-${randomUUID()}`,
      TEMPORAL_UI_URL,
      DIAL_RETRY_INITIAL_INTERVAL_MS: '50',
      DIAL_RETRY_MAX_INTERVAL_MS: '200',
      DIAL_RETRY_MAX_ATTEMPTS: '3',
      DIAL_RETRY_TIMEOUT_MS: '5000',
      // So a test hears a heartbeat without waiting the 15 s a proxy is given.
      CALL_STREAM_HEARTBEAT_MS: '300',
      WEB_ORIGINS: WEB_ORIGIN,
      ...overrides,
    }),
  );
}

function apiUrl(app: NestExpressApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/** The real application, listening on a free port so concurrent requests share one server. */
export async function startApi(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await createApiApp(config);
  await app.listen(config.port, '127.0.0.1');
  return app;
}

/**
 * The API as it runs, with a real worker on its task queue and a real mock provider,
 * on the Temporal server and PostgreSQL the jest globalSetup started.
 */
export class ApiHarness {
  private worker?: { connection: NativeConnection; worker: CallWorker; running: Promise<void> };

  private constructor(
    readonly config: ApiConfig,
    readonly app: NestExpressApplication,
    readonly provider: MockProvider,
    /** The projections, for seeding rows a test only reads. */
    readonly calls: CallRepository,
    private readonly dataSource: DataSource,
    /** Makes accounts, users and keys, as the accounts CLI does. */
    readonly admin: AccountAdmin,
    /** The account `api()` acts in, as its operator key. */
    readonly account: TestAccount,
    /** The secret the provider signs its status callbacks with, when the harness has them. */
    readonly webhookSecret?: string,
    private readonly statusCallbacks?: StatusCallbacks,
  ) {}

  /**
   * Starts the API and the mock provider, and the worker unless the test wants to start it later;
   * `config` overrides the API's environment.
   */
  static async start(options: { worker?: boolean; config?: Record<string, string>; statusCallbacks?: { fallbackPollMs: number } } = {}): Promise<ApiHarness> {
    quietTemporalLogs();
    const webhookSecret = options.statusCallbacks ? randomBytes(32).toString('hex') : undefined;
    const config = testApiConfig(await createDatabaseForTest(), { ...(webhookSecret ? { PROVIDER_WEBHOOK_SECRET: webhookSecret } : {}), ...options.config });
    const provider = await startMockProvider({ port: 0, logger: false, behaviour: QUICK_PROVIDER, webhookSecret });
    // The app migrates the database on start, so the worker's data source comes second.
    const app = await startApi(config);
    const dataSource = await new DataSource(dataSourceOptions({ url: config.databaseUrl, poolSize: 4 })).initialize();
    const admin = new AccountAdmin(new AccountRepository(dataSource), new SessionRepository(dataSource));
    const account = await createTestAccount(admin, 'Test account');
    const statusCallbacks = options.statusCallbacks && { url: `${apiUrl(app)}/api/provider/events`, ...options.statusCallbacks };
    const harness = new ApiHarness(config, app, provider, new CallRepository(dataSource), dataSource, admin, account, webhookSecret, statusCallbacks);
    if (options.worker ?? true) await harness.startWorker();
    return harness;
  }

  /** A worker polling the API's task queue, as `npm start` runs it, dialing the mock provider. */
  async startWorker(): Promise<void> {
    const connection = await NativeConnection.connect({ address: this.config.temporal.address });
    const worker = await createCallWorker({
      connection,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      activities: createActivities({
        provider: new ProviderClient({ baseUrl: this.provider.url, timeoutMs: 2000 }),
        calls: this.calls,
        reservations: new DialReservationRepository(this.dataSource),
        heldDials: new HeldDialRepository(this.dataSource),
        follow: { pollIntervalMs: 50, lostAfterMs: 60_000 },
        statusCallbacks: this.statusCallbacks,
      }),
    });
    this.worker = { connection, worker, running: worker.run() };
  }

  /** The server process ids of that application's connections to the test's database. */
  async connectionsOf(applicationName: string): Promise<number[]> {
    const rows: { pid: number }[] = await this.dataSource.query(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() ORDER BY pid',
      [applicationName],
    );
    return rows.map((row) => row.pid);
  }

  /** Ends those connections, as a failover or a reaper of idle connections would. */
  async terminate(pids: number[]): Promise<void> {
    await this.dataSource.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  }

  /**
   * Does `act` while PostgreSQL refuses the row the API writes when it creates a call to this number
   * (version 0), as a full disk or a dropped connection would; the worker's rows still go in.
   */
  async refusingCreationRows<T>(phoneNumber: string, act: () => Promise<T>): Promise<T> {
    if (!/^\+\d+$/.test(phoneNumber)) throw new Error(`${phoneNumber} is not in E.164`);
    const trigger = `refuse_creation_row_${phoneNumber.slice(1)}`;
    await this.dataSource.query(`CREATE OR REPLACE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'row refused by the test'; END $$`);
    await this.dataSource.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON calls FOR EACH ROW WHEN (NEW.version = 0 AND NEW.phone_number = '${phoneNumber}') EXECUTE FUNCTION refuse_row()`,
    );
    try {
      return await act();
    } finally {
      await this.dataSource.query(`DROP TRIGGER ${trigger} ON calls`);
    }
  }

  /**
   * Everything a request could change in an account: its rows, its spend cap, its workflows in
   * Temporal; and the provider's dials, of every account.
   */
  async footprint(accountId: string): Promise<Footprint> {
    const client = this.app.get(Client);
    const [[rows], workflows] = await Promise.all([
      this.dataSource.query(
        `SELECT
           (SELECT count(*) FROM calls WHERE account_id = $1)::int AS calls,
           (SELECT count(*) FROM call_events JOIN calls ON calls.id = call_events.call_id WHERE calls.account_id = $1)::int AS events,
           (SELECT count(*) FROM idempotency_keys WHERE account_id = $1)::int AS "idempotencyKeys",
           (SELECT count(*) FROM users WHERE account_id = $1)::int AS users,
           (SELECT count(*) FROM sessions JOIN users ON users.id = sessions.user_id WHERE users.account_id = $1)::int AS sessions,
           (SELECT count(*) FROM api_keys WHERE account_id = $1)::int AS "apiKeys",
           (SELECT count(*) FROM api_keys WHERE account_id = $1 AND revoked_at IS NOT NULL)::int AS "revokedApiKeys",
           (SELECT concat_ws('/', dials_per_hour, dials_per_day, max_concurrent_calls) FROM accounts WHERE id = $1) AS limits,
           (SELECT coalesce(default_calling_window::text, 'none') FROM accounts WHERE id = $1) AS "defaultWindow",
           (SELECT coalesce(json_agg(json_build_object('id', id, 'timing', timing) ORDER BY id)::text, '[]') FROM schedules WHERE account_id = $1) AS schedules,
           (SELECT count(*) FROM do_not_call WHERE account_id = $1)::int AS "doNotCall",
           (SELECT count(*) FROM call_batches WHERE account_id = $1)::int AS batches,
           (SELECT count(*) FROM call_batch_requests WHERE account_id = $1)::int AS "batchRequests"`,
        [accountId],
      ) as Promise<[Footprint['rows']]>,
      client.workflow.count(`AccountId = "${accountId}"`),
    ]);
    return { rows, workflows: workflows.count, dials: this.provider.calls().length, temporalSchedules: await this.temporalSchedules(rows.schedules) };
  }

  /** Each of the account's schedules as Temporal has it: paused or not, runs taken, what each run calls. */
  private async temporalSchedules(owned: string): Promise<string[]> {
    const client = this.app.get(Client);
    return Promise.all(
      (JSON.parse(owned) as { id: string }[]).map(async ({ id }) => {
        const { state, info, action } = await client.schedule.getHandle(`schedule-${id}`).describe();
        return JSON.stringify({ paused: state.paused, taken: info.numActionsTaken, args: action.type === 'startWorkflow' ? action.args : null });
      }),
    );
  }

  /** A supertest client for the API, sending an API key: the test account's operator key unless another is given. */
  api(secret = this.account.keys.operator.secret) {
    return request.agent(this.app.getHttpServer()).set('authorization', `Bearer ${secret}`);
  }

  /**
   * A browser signed in as a new user of the account (the test account unless another is given):
   * a supertest agent keeping the session cookie, sending the web app's Origin.
   */
  async signedIn(role: Role, accountId = this.account.id, name = `${role} user`) {
    const email = `${randomUUID()}@example.com`;
    const password = 'correct horse battery staple';
    const user = await this.admin.createUser({ accountId, email, name, role, password });
    const browser = request.agent(this.app.getHttpServer()).set('origin', WEB_ORIGIN);
    const response = await browser.post('/api/auth/sign-in').send({ email, password });
    if (response.status !== 200) throw new Error(`signing in answered ${response.status}: ${JSON.stringify(response.body)}`);
    return { browser, user, password };
  }

  /** A supertest client sending no credentials at all. */
  anonymous() {
    return request(this.app.getHttpServer());
  }

  /** Another account, with its own keys, for tests of what one account may see of another. */
  newAccount(name: string, limits: DialLimits = UNLIMITED): Promise<TestAccount> {
    return createTestAccount(this.admin, name, limits);
  }

  async close(): Promise<void> {
    // Without a worker, nothing waits on the calls' workflows: they are left asleep, as a test of creation only needs.
    if (this.worker) await this.terminateRunningCalls();
    await this.app.close();
    if (this.worker) {
      this.worker.worker.shutdown();
      await this.worker.running;
      await this.worker.connection.close();
    }
    await this.dataSource.destroy();
    await this.provider.close();
  }

  /**
   * Ends the calls still waiting or dialing: a worker shuts down only once its workflows let it,
   * and one stuck retrying a local activity would hold the shutdown for a minute.
   */
  private async terminateRunningCalls(): Promise<void> {
    const client = this.app.get(Client);
    const running = client.workflow.list({ query: `TaskQueue = "${this.config.temporal.taskQueue}" AND ExecutionStatus = "Running"` });
    for await (const execution of running) {
      await client.workflow.getHandle(execution.workflowId, execution.runId).terminate('the test is over').catch(() => undefined);
    }
  }

  /** POSTs a call and insists on 201: for tests about what happens next, not about creation. */
  async createCall(body: Record<string, unknown>): Promise<CallDto> {
    const response = await this.api().post('/api/calls').send(body);
    if (response.status !== 201) throw new Error(`creating a call answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as CallDto;
  }

  async getCall(id: string): Promise<CallDetailDto> {
    const response = await this.api().get(`/api/calls/${id}`);
    if (response.status !== 200) throw new Error(`GET call ${id} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as CallDetailDto;
  }

  /** Polls the call until it has the status, or fails with the last state seen. */
  waitForStatus(id: string, status: CallStatus, timeoutMs = 15_000): Promise<CallDetailDto> {
    return eventually(() => this.getCall(id), (call) => call.status === status, timeoutMs);
  }

  /** Every call the API lists, following nextCursor to the end. */
  async listAll(): Promise<CallDto[]> {
    const items: CallDto[] = [];
    let cursor: string | null = null;
    do {
      const response = await this.api()
        .get('/api/calls')
        .query({ limit: 200, ...(cursor ? { cursor } : {}) });
      if (response.status !== 200) throw new Error(`listing calls answered ${response.status}: ${JSON.stringify(response.body)}`);
      const page = response.body as CallPageDto;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** The provider's calls to one number: what the callee's phone would have seen. */
  dialsTo(phoneNumber: string) {
    return this.provider.calls().filter((call) => call.to === phoneNumber);
  }
}

async function createTestAccount(admin: AccountAdmin, name: string, limits: DialLimits = UNLIMITED): Promise<TestAccount> {
  const account = await admin.createAccount(name, limits);
  const entries = await Promise.all(
    (['admin', 'operator', 'viewer'] as const).map(async (role) => {
      const { key, secret } = await admin.createApiKey(account.id, `${role}-key`, role);
      return [role, { id: key.id, name: key.name, secret }] as const;
    }),
  );
  return { id: account.id, keys: Object.fromEntries(entries) as TestAccount['keys'] };
}

/** Temporal's worker logs every state change at INFO; a test run only needs its warnings. */
function quietTemporalLogs(): void {
  if (Runtime._instance === undefined) Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** Polls until `check` returns a value that passes `done`, or fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (done(value)) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** An instant `ms` from now, as the API expects it (ISO 8601 with Z). */
export function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** The instant as a client in another zone writes it: the wall time there, then the offset ("+05:30"). */
export function withOffset(instant: Date, offset: `${'+' | '-'}${string}:${string}`): string {
  const [hours, minutes] = offset.slice(1).split(':').map(Number) as [number, number];
  const offsetMs = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60 * SECOND;
  return `${new Date(instant.getTime() + offsetMs).toISOString().slice(0, 23)}${offset}`;
}

export const SECOND = 1_000;
export const HOUR = 60 * 60 * SECOND;

let subscriber = Math.floor(Math.random() * 9000);

/**
 * A valid US number no other call in this file uses, so the provider's log can be read per call.
 * Subscribers 1000-9999 only: the fixed examples in the specs (+14155550123) stay out of the way.
 */
export function uniquePhoneNumber(): string {
  subscriber = (subscriber + 1) % 9000;
  return `+1415555${1000 + subscriber}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
