import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureJavaTestServer } from './java-test-server';

/**
 * A Temporal test server whose time moves only as a test says (`env.sleep`), in real time otherwise: days of
 * timers pass in a moment. Starting Java takes seconds: share one per test file.
 */
export async function startTimeSkippingTemporal(): Promise<TestWorkflowEnvironment> {
  const path = await ensureJavaTestServer();
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

/**
 * The test server's clock, read synchronously: the wall clock plus how far the server has skipped ahead of it,
 * taken again after each skip. A held dial waits by it for an instant the workflow reckoned on the server's time.
 */
export class SkippedClock {
  private aheadMs = 0;

  private constructor(private readonly env: TestWorkflowEnvironment) {}

  static async of(env: TestWorkflowEnvironment): Promise<SkippedClock> {
    const clock = new SkippedClock(env);
    await clock.sync();
    return clock;
  }

  readonly now = (): number => Date.now() + this.aheadMs;

  /** Skips the server's time to `at` (timers due before it fire on the way), then follows it. */
  async skipTo(at: number): Promise<void> {
    const skipMs = at - (await this.env.currentTimeMs());
    if (skipMs > 0) await this.env.sleep(skipMs);
    await this.sync();
  }

  async sync(): Promise<void> {
    this.aheadMs = (await this.env.currentTimeMs()) - Date.now();
  }
}
