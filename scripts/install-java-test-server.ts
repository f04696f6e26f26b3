/**
 * CI: resolves the pinned Temporal test server (the Java SDK's, which skips time) into .tools/ unless it is
 * there, and prints its launcher's path. The time-skipping workflow tests start it.
 */
import { ensureJavaTestServer } from '../libs/testing/src/java-test-server';

ensureJavaTestServer().then(
  (launcher) => console.log(launcher),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
