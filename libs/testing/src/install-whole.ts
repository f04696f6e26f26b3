import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Installs a tool into a fresh directory beside `installDir`, renamed into place once whole, so no process
 * ever sees it half installed; `installed` is the file that shows it is there (another process may win).
 */
export async function installWhole(installDir: string, installed: string, install: (staging: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(installDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(installDir), `.${basename(installDir)}-`));
  try {
    await install(staging);
    await chmod(staging, 0o755);
    await rename(staging, installDir).catch((error: unknown) => {
      if (!existsSync(installed)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
