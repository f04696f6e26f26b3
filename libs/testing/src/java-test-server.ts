import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { installWhole } from './install-whole';

/**
 * The Java SDK's test server, which skips time: what `TestWorkflowEnvironment.createTimeSkipping` runs. The SDK
 * would download a native build from Temporal's servers; Maven Central, which our machines reach, serves it as a jar.
 */
const TEST_SERVER_VERSION = '1.31.0';
/** Bumped when the launcher changes, so an installed copy is replaced. */
const LAUNCHER_REVISION = 2;

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
const INSTALL_DIR = join(PROJECT_ROOT, '.tools', 'temporal-test-server', `${TEST_SERVER_VERSION}-${LAUNCHER_REVISION}`);
const LAUNCHER = join(INSTALL_DIR, 'temporal-test-server');

/**
 * One core's worth of threads and the quick compiler only: the server's start-up otherwise takes both cores for
 * seconds, and the suites beside it (two test files run at once) miss the provider states they poll for.
 */
const JVM_OPTIONS = '-XX:ActiveProcessorCount=1 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.call-scheduler</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>${TEST_SERVER_VERSION}</version></dependency>
  </dependencies>
</project>
`;

/** The launcher of the pinned test server (`<launcher> <port> --enable-time-skipping`), resolved with Maven on first use. */
export async function ensureJavaTestServer(): Promise<string> {
  return existsSync(LAUNCHER) ? LAUNCHER : installJavaTestServer();
}

/** Resolves the jars into Maven's local repository and writes a launcher naming them. */
async function installJavaTestServer(): Promise<string> {
  console.log(`Resolving Temporal's test server ${TEST_SERVER_VERSION} with Maven into ${relative(PROJECT_ROOT, INSTALL_DIR)}…`);
  await installWhole(INSTALL_DIR, LAUNCHER, async (staging) => {
    await writeFile(join(staging, 'pom.xml'), POM);
    await promisify(execFile)('mvn', ['-q', '-B', 'dependency:build-classpath', '-Dmdep.outputFile=classpath.txt'], { cwd: staging });
    const classpath = (await readFile(join(staging, 'classpath.txt'), 'utf8')).trim();
    await writeFile(join(staging, 'temporal-test-server'), `#!/bin/sh\nexec java ${JVM_OPTIONS} -cp '${classpath}' io.temporal.testserver.TestServer "$@"\n`);
    await chmod(join(staging, 'temporal-test-server'), 0o755);
  });
  return LAUNCHER;
}
