/**
 * CI's dependency audit: exits 1 on a high or critical advisory in the production dependencies.
 * When the registry's audit service cannot be asked it warns and passes, since that service is not ours.
 */
import { spawnSync } from 'node:child_process';
import { judgeAudit } from './audit-report';

const COMMAND = 'npm audit --omit=dev';

try {
  const { stdout } = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const outcome = judgeAudit(stdout);
  if (outcome.kind === 'failed') {
    console.error(`${COMMAND}: ${outcome.advisories.length} package(s) with a high or critical advisory:`);
    for (const advisory of outcome.advisories) console.error(`  ${advisory}`);
    process.exitCode = 1;
  } else if (outcome.kind === 'unavailable') {
    console.warn(`${COMMAND}: WARNING: the registry's audit service did not answer (${outcome.reason}); no advisory was checked`);
  } else {
    console.log(`${COMMAND}: no high or critical advisory (below that: ${outcome.below})`);
  }
} catch (error) {
  console.error(`${COMMAND}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
