import type { BehaviourPatch } from '@call-scheduler/mock-provider';
import { createDatabaseForTest, freePort, testTemporalAddress } from '@call-scheduler/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { AccountsCli, signInLinkIn } from './accounts-cli';
import { AppProcess } from './app-process';
import { eventually } from './eventually';

export interface StackOptions {
  /** Also serve the web app with Vite's dev server, as `npm start` does, in front of the API. */
  web?: boolean;
  /** The mock provider's behaviour: each field named replaces the stack's quick, always-answered default. */
  providerBehaviour?: BehaviourPatch;
  /** Settings of the API and worker processes that replace the stack's own (e.g. its quick provider polling). */
  env?: Record<string, string>;
  /**
   * Whether the provider posts status callbacks to the API, signed with a secret made up for the stack, as
   * `npm start` runs it (the default); without them the worker follows each call by polling the provider.
   */
  statusCallbacks?: boolean;
}

const WORKER_ENTRY = '@call-scheduler/worker/dist/main.js';
const API_ENTRY = '@call-scheduler/api/dist/main.js';

/** One more API process beside the stack's own, and where it answers. */
export interface AnotherApi {
  process: AppProcess;
  url: string;
}

/**
 * The whole stack as separate processes, as `npm start` runs it: the built mock provider,
 * worker and API (and the web app if asked), on the Temporal server and PostgreSQL the jest
 * globalSetup started.
 */
export class Stack {
  readonly provider: AppProcess;
  readonly worker: AppProcess;
  readonly api: AppProcess;
  readonly web: AppProcess | null;
  /** The accounts CLI on this stack's database. */
  readonly accounts: AccountsCli;
  /** Set once started: the first admin's sign-in link, as `npm start` prints it, and an operator key for StackClient. */
  firstSignInLink = '';
  operatorKey = '';
  private readonly moreWorkers: AppProcess[] = [];
  private readonly moreApis: AppProcess[] = [];

  private constructor(
    readonly apiUrl: string,
    readonly providerUrl: string,
    readonly webUrl: string | null,
    /** The stack's own database, for a test or benchmark that reads or writes projections directly. */
    readonly databaseUrl: string,
    private readonly env: Record<string, string>,
    webhookSecret: string | undefined,
    providerPort: number,
    apiPort: number,
    webPort: number | null,
    providerBehaviour: BehaviourPatch,
  ) {
    this.provider = new AppProcess('mock-provider', '@call-scheduler/mock-provider/dist/main.js', {
      PORT: String(providerPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...(webhookSecret ? { MOCK_PROVIDER_WEBHOOK_SECRET: webhookSecret } : {}),
      MOCK_PROVIDER_BEHAVIOUR: JSON.stringify({
        latencyMs: 0,
        outcomes: { completed: 1 },
        timing: { queuedMs: 200, ringingMs: 300, talkMs: 300 },
        ...providerBehaviour,
      }),
    });
    this.worker = new AppProcess('worker', WORKER_ENTRY, env);
    this.api = new AppProcess('api', API_ENTRY, this.apiEnv(apiPort));
    this.web = webPort === null ? null : webDevServer(webPort, this.apiUrl);
    this.accounts = new AccountsCli({ DATABASE_URL: databaseUrl }, this.webOrigin);
  }

  static async start(options: StackOptions = {}): Promise<Stack> {
    const [providerPort, apiPort, webPort, databaseUrl] = await Promise.all([
      freePort(),
      freePort(),
      options.web ? freePort() : null,
      createDatabaseForTest(),
    ]);
    const providerUrl = `http://127.0.0.1:${providerPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webhookSecret = (options.statusCallbacks ?? true) ? randomBytes(32).toString('hex') : undefined;
    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: `e2e-${randomUUID()}`,
      PROVIDER_URL: providerUrl,
      PROVIDER_POLL_INTERVAL_MS: '100',
      ...(webhookSecret ? { PROVIDER_WEBHOOK_SECRET: webhookSecret, PROVIDER_STATUS_CALLBACK_URL: `${apiUrl}/api/provider/events` } : {}),
      ...options.env,
    };
    const webUrl = webPort === null ? null : `http://127.0.0.1:${webPort}`;
    const stack = new Stack(apiUrl, providerUrl, webUrl, databaseUrl, env, webhookSecret, providerPort, apiPort, webPort, options.providerBehaviour ?? {});
    stack.firstSignInLink = signInLinkIn(await stack.accounts.firstStart());
    for (const app of stack.apps()) app.start();
    await stack.waitUntilHealthy();
    stack.operatorKey = await stack.accounts.createKey(await stack.accounts.accountId('Default'), 'e2e', 'operator');
    return stack;
  }

  /** Another worker process on the stack's task queue, as when the worker is scaled out; stopped with the rest. */
  startAnotherWorker(): AppProcess {
    const worker = new AppProcess(`worker-${this.moreWorkers.length + 2}`, WORKER_ENTRY, this.env).start();
    this.moreWorkers.push(worker);
    return worker;
  }

  /** Another API process on the stack's database and Temporal, on a port of its own, as when the API is scaled out; stopped with the rest. */
  async startAnotherApi(): Promise<AnotherApi> {
    const port = await freePort();
    const api = new AppProcess(`api-${this.moreApis.length + 2}`, API_ENTRY, this.apiEnv(port)).start();
    this.moreApis.push(api);
    const url = `http://127.0.0.1:${port}`;
    await this.waitUntilHealthy([`${url}/health`]);
    return { process: api, url };
  }

  async stop(): Promise<void> {
    await Promise.all(this.apps().map((app) => app.stop()));
  }

  logs(): string {
    return this.apps().map((app) => app.logs()).join('\n');
  }

  /** Waits until the API answers healthy (through the web server too, when there is one), or the health URLs given. */
  async waitUntilHealthy(healthUrls = [`${this.apiUrl}/health`, ...(this.webUrl ? [`${this.webUrl}/health`] : [])]): Promise<void> {
    try {
      for (const url of healthUrls) {
        await eventually(
          () => fetch(url).then((r) => r.status, () => 0),
          (status) => status === 200,
          60_000,
        );
      }
    } catch (error) {
      throw new Error(`the stack did not become healthy\n${this.logs()}`, { cause: error });
    }
  }

  private get webOrigin(): string {
    return this.webUrl ?? 'http://127.0.0.1';
  }

  private apiEnv(port: number): Record<string, string> {
    return { ...this.env, PORT: String(port), HOST: '127.0.0.1', WEB_ORIGINS: this.webOrigin };
  }

  private apps(): AppProcess[] {
    return [this.provider, this.worker, ...this.moreWorkers, this.api, ...this.moreApis, ...(this.web ? [this.web] : [])];
  }
}

/** `npm run serve -w web`, on its own port, proxying /api to this stack's API. */
function webDevServer(port: number, apiUrl: string): AppProcess {
  const webDir = dirname(require.resolve('@call-scheduler/web/package.json'));
  const viteCli = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return new AppProcess('web', viteCli, { API_URL: apiUrl }, {
    cwd: webDir,
    args: ['--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  });
}
