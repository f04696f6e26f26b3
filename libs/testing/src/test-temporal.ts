import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalBinary } from './temporal-binary';

/** A Temporal dev server of its own on a free port, in memory, so tests never touch a running `npm start`. */
export function startTestTemporal(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: findTemporalBinary() },
      ip: '127.0.0.1',
      log: { format: 'pretty', level: 'error' },
    },
  });
}
