import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalBinary } from './temporal-binary';

export interface TestTemporalOptions {
  /** Server settings (`--dynamic-config-value`), e.g. `{ 'history.maxTotalUpdates': 40 }` to reach a limit quickly. */
  dynamicConfig?: Record<string, string | number | boolean>;
}

/** A Temporal dev server of its own on a free port, in memory, so tests never touch a running `npm start`. */
export async function startTestTemporal({ dynamicConfig = {} }: TestTemporalOptions = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: await ensureTemporalBinary() },
      ip: '127.0.0.1',
      log: { format: 'pretty', level: 'error' },
      extraArgs: Object.entries(dynamicConfig).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
    },
  });
}
