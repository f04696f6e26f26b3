import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `npm run accounts -- …` against one stack's database: the same CLI an operator runs. */
export class AccountsCli {
  constructor(
    private readonly env: Record<string, string>,
    private readonly webUrl: string,
  ) {}

  /** What `npm start` runs before the API: on an empty database, prints the first admin's sign-in link. */
  async firstStart(): Promise<string> {
    return this.run('first-start');
  }

  /** The id of the account named `name`, from `list`. */
  async accountId(name: string): Promise<string> {
    const listed = await this.run('list');
    const match = new RegExp(`^${name} \\(([0-9a-f-]{36})\\)`, 'm').exec(listed);
    if (!match) throw new Error(`no account "${name}" in:\n${listed}`);
    return match[1]!;
  }

  /** A new account's id. */
  async createAccount(name: string): Promise<string> {
    return matchOf(await this.run('create-account', '--name', name), /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/);
  }

  async createUser(accountId: string, user: { email: string; name: string; role: string; password: string }): Promise<void> {
    await this.run('create-user', '--account', accountId, '--email', user.email, '--name', user.name, '--role', user.role, '--password', user.password);
  }

  /** A new key's secret, as the CLI prints it, once. */
  async createKey(accountId: string, name: string, role: string): Promise<string> {
    return matchOf(await this.run('create-key', '--account', accountId, '--name', name, '--role', role), /\b(csk_\S+)/);
  }

  async run(...args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, [require.resolve('@call-scheduler/api/dist/cli/accounts.cli.js'), ...args, '--web-url', this.webUrl], {
      env: { ...process.env, ...this.env },
    });
    return stdout;
  }
}

/** The first sign-in link in a CLI's output. */
export function signInLinkIn(output: string): string {
  return matchOf(output, /(\S+\/api\/auth\/link\?token=\S+)/);
}

function matchOf(output: string, pattern: RegExp): string {
  const match = pattern.exec(output);
  if (!match) throw new Error(`${pattern} not found in:\n${output}`);
  return match[1]!;
}
