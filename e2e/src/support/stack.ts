import { createDatabaseForTest, freePort, testTemporalAddress } from '@call-scheduler/testing';
import { randomUUID } from 'node:crypto';
import { AppProcess } from './app-process';
import { eventually } from './eventually';

/**
 * The whole back end as separate processes, as `npm start` runs it: the built mock provider,
 * worker and API, on the Temporal server and PostgreSQL the jest globalSetup started.
 */
export class Stack {
  readonly provider: AppProcess;
  readonly worker: AppProcess;
  readonly api: AppProcess;

  private constructor(
    readonly apiUrl: string,
    readonly providerUrl: string,
    env: Record<string, string>,
    providerPort: number,
    apiPort: number,
  ) {
    this.provider = new AppProcess('mock-provider', '@call-scheduler/mock-provider/dist/main.js', {
      PORT: String(providerPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MOCK_PROVIDER_BEHAVIOUR: JSON.stringify({
        latencyMs: 0,
        outcomes: { completed: 1 },
        timing: { queuedMs: 200, ringingMs: 300, talkMs: 300 },
      }),
    });
    this.worker = new AppProcess('worker', '@call-scheduler/worker/dist/main.js', env);
    this.api = new AppProcess('api', '@call-scheduler/api/dist/main.js', { ...env, PORT: String(apiPort), HOST: '127.0.0.1' });
  }

  static async start(): Promise<Stack> {
    const [providerPort, apiPort, databaseUrl] = await Promise.all([freePort(), freePort(), createDatabaseForTest()]);
    const providerUrl = `http://127.0.0.1:${providerPort}`;
    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: `e2e-${randomUUID()}`,
      PROVIDER_URL: providerUrl,
      PROVIDER_POLL_INTERVAL_MS: '100',
    };
    const stack = new Stack(`http://127.0.0.1:${apiPort}`, providerUrl, env, providerPort, apiPort);
    stack.provider.start();
    stack.worker.start();
    stack.api.start();
    await stack.waitUntilHealthy();
    return stack;
  }

  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), this.worker.stop(), this.provider.stop()]);
  }

  logs(): string {
    return [this.api, this.worker, this.provider].map((app) => app.logs()).join('\n');
  }

  private async waitUntilHealthy(): Promise<void> {
    try {
      await eventually(
        () => fetch(`${this.apiUrl}/health`).then((r) => r.status, () => 0),
        (status) => status === 200,
        60_000,
      );
    } catch (error) {
      throw new Error(`the stack did not become healthy\n${this.logs()}`, { cause: error });
    }
  }
}
