import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { PREBUILT_WORKFLOW_BUNDLE } from '../call-worker';

/** Bundles the workflow code once at build time, so workers start without webpack. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quietLogger() });
  await writeFile(PREBUILT_WORKFLOW_BUNDLE, code);
  console.log(`workflow bundle written to ${PREBUILT_WORKFLOW_BUNDLE}`);
}

function quietLogger() {
  const ignore = () => undefined;
  return { trace: ignore, debug: ignore, info: ignore, warn: console.warn, error: console.error, log: ignore };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
