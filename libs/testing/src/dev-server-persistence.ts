/**
 * The SQLite settings `npm start`'s Temporal dev server runs with, measured in docs/PERFORMANCE.md: WAL lets
 * readers run beside the one writer, and synchronous=normal syncs at checkpoints rather than at every commit,
 * so a crash of the process loses nothing and a power cut only the last commits before it.
 */
export const DEV_SERVER_SQLITE_PRAGMAS: Readonly<Record<string, string>> = { journal_mode: 'wal', synchronous: 'normal' };

/** `temporal server start-dev` arguments for those pragmas. */
export function sqlitePragmaArgs(pragmas: Readonly<Record<string, string>>): string[] {
  return Object.entries(pragmas).flatMap(([name, value]) => ['--sqlite-pragma', `${name}=${value}`]);
}
