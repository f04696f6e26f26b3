import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEV_SERVER_DYNAMIC_CONFIG, dynamicConfigArgs, type DynamicConfig } from './dev-server-dynamic-config';
import { sqlitePragmaArgs } from './dev-server-persistence';
import { ensureTemporalBinary } from './temporal-binary';

export interface TestTemporalOptions {
  /** Server settings (`--dynamic-config-value`) beside `npm start`'s, e.g. `{ 'history.maxTotalUpdates': 40 }` to reach a limit quickly. */
  dynamicConfig?: DynamicConfig;
  /** A SQLite file to keep the server's data in, as `npm start` does; in memory without one. */
  dbFilename?: string;
  /** SQLite pragmas for that file (`--sqlite-pragma`). */
  sqlitePragmas?: Readonly<Record<string, string>>;
}

/** A Temporal dev server of its own on a free port, in memory unless told otherwise, so tests never touch a running `npm start`. */
export async function startTestTemporal({ dynamicConfig = {}, dbFilename, sqlitePragmas = {} }: TestTemporalOptions = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: await ensureTemporalBinary() },
      ip: '127.0.0.1',
      log: { format: 'pretty', level: 'error' },
      dbFilename,
      extraArgs: [
        ...dynamicConfigArgs({ ...DEV_SERVER_DYNAMIC_CONFIG, ...dynamicConfig }),
        ...sqlitePragmaArgs(sqlitePragmas),
      ],
    },
  });
}
