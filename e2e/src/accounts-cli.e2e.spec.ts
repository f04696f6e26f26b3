import { createDatabaseForTest } from '@call-scheduler/testing';
import { AccountsCli, signInLinkIn } from './support/accounts-cli';

const WEB_URL = 'http://web.test:3000';

let cli: AccountsCli;

beforeAll(async () => {
  cli = new AccountsCli({ DATABASE_URL: await createDatabaseForTest() }, WEB_URL);
});

/** The CLI's exit code and what it printed, for a run expected to fail. */
async function failure(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await cli.run(...args);
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error(`npm run accounts -- ${args.join(' ')} succeeded`);
}

describe('npm run accounts', () => {
  it('first-start makes the first admin once and prints a sign-in link; later starts say how to get a new one', async () => {
    const first = await cli.firstStart();
    const second = await cli.firstStart();

    expect(signInLinkIn(first)).toMatch(new RegExp(`^${WEB_URL}/api/auth/link\\?token=[A-Za-z0-9_-]{43}$`));
    expect(first).toContain('admin@localhost');
    expect(second).not.toContain('/api/auth/link?token=');
    expect(second).toContain('npm run accounts -- sign-in-link --email admin@localhost');
    expect(await cli.run('list')).toMatch(/^Default \([0-9a-f-]{36}\).*\n {2}user admin@localhost "Admin" admin /m);
  });

  it('creates accounts, users and keys, resets a password and revokes a key', async () => {
    const accountId = /: ([0-9a-f-]{36})$/m.exec(await cli.run('create-account', '--name', 'Acme'))![1]!;
    await cli.createUser(accountId, { email: 'ada@acme.test', name: 'Ada Lovelace', role: 'operator', password: 'a long enough password' });
    const withLink = await cli.run('create-user', '--account', accountId, '--email', 'grace@acme.test', '--name', 'Grace', '--role', 'viewer');
    const secret = await cli.createKey(accountId, 'ci-bot', 'operator');
    const keyId = new RegExp(`key {2}${secret.slice(0, 12)}… "ci-bot" operator ([0-9a-f-]{36})`).exec(await cli.run('list'))![1]!;
    const reset = await cli.run('reset-password', '--email', 'ada@acme.test');
    await cli.run('revoke-key', '--id', keyId);

    expect(signInLinkIn(withLink)).toContain('/api/auth/link?token=');
    expect(secret).toMatch(/^csk_[A-Za-z0-9_-]{43}$/);
    expect(reset).toMatch(/New password \(shown once\): \S{20,}/);
    expect(await cli.accountId('Acme')).toBe(accountId);
    expect(await cli.run('list')).toContain(`"ci-bot" operator ${keyId} (revoked)`);
  });

  it('exits 2 with the usage for a mistake on the command line, and changes nothing', async () => {
    const before = await cli.run('list');

    const badRole = await failure('create-key', '--account', await cli.accountId('Default'), '--name', 'x', '--role', 'owner');
    const unknown = await failure('make-coffee');
    const shortPassword = await failure('reset-password', '--email', 'admin@localhost', '--password', 'short');

    expect(badRole).toEqual({ code: 2, stderr: expect.stringContaining('--role must be one of admin, operator, viewer') });
    expect(unknown).toEqual({ code: 2, stderr: expect.stringContaining('Unknown command make-coffee') });
    expect(shortPassword).toEqual({ code: 2, stderr: expect.stringContaining('--password must be at least 12 characters') });
    expect(badRole.stderr).toContain('Usage: npm run accounts');
    expect(await cli.run('list')).toBe(before);
  });
});
