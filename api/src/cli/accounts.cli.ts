/**
 * `npm run accounts -- <command>`: accounts, users and API keys from the command line, against the
 * database in DATABASE_URL (default: the one `npm start` runs). `npm run accounts -- help` lists the commands.
 */
import 'reflect-metadata';
import { AccountRepository, dataSourceOptions, migrate, SessionRepository } from '@call-scheduler/db';
import { PASSWORD_MIN_LENGTH, ROLES, type Role } from '@call-scheduler/shared';
import { Env, readDatabaseUrl, retryUntilReady } from '@call-scheduler/shared/runtime';
import { isEmail } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AccountAdmin, FIRST_ADMIN_EMAIL } from '../accounts/account-admin';

const USAGE = `Usage: npm run accounts -- <command> [options]

  first-start                                    make the first admin on an empty database and print a sign-in link
  create-account --name <name>                   a new account; prints its id
  create-user    --account <id> --email <email> --name <name> --role <${ROLES.join('|')}> [--password <password>]
                                                 without a password, prints a sign-in link instead
  create-key     --account <id> --name <name> --role <${ROLES.join('|')}>
                                                 prints the key's secret, once
  sign-in-link   --email <email>                 a link that signs the user in once, within 24 hours
  reset-password --email <email> [--password <password>]
                                                 without a password, makes one and prints it; ends the user's sessions
  revoke-key     --id <key id>                   the key is refused from now on
  list                                           every account with its users and keys

Options: --web-url <url> where the web app is (default WEB_URL, or http://localhost:3000)`;

const OPTIONS = {
  name: { type: 'string' },
  account: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  id: { type: 'string' },
  'web-url': { type: 'string' },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in the command line: printed with the usage, no stack. */
class UsageError extends Error {}

interface Context {
  admin: AccountAdmin;
  accounts: AccountRepository;
  options: Options;
  webUrl: string;
}

const COMMANDS: Record<string, (context: Context) => Promise<void>> = {
  'first-start': firstStart,
  'create-account': async ({ admin, options }) => {
    const account = await admin.createAccount(required(options, 'name'));
    console.log(`Account "${account.name}": ${account.id}`);
  },
  'create-user': async (context) => {
    const { admin, options } = context;
    const password = options.password === undefined ? undefined : checkedPassword(options.password);
    const user = await admin.createUser({
      accountId: required(options, 'account'),
      email: checkedEmail(required(options, 'email')),
      name: required(options, 'name'),
      role: checkedRole(required(options, 'role')),
      password,
    });
    console.log(`User ${user.email} (${user.role}): ${user.id}`);
    if (password === undefined) await printSignInLink(context, user.email);
  },
  'create-key': async ({ admin, options }) => {
    const { key, secret } = await admin.createApiKey(required(options, 'account'), required(options, 'name'), checkedRole(required(options, 'role')));
    console.log(`API key "${key.name}" (${key.role}): ${key.id}\n\n  ${secret}\n\nThis is the only time the key is shown: keep it in a secret store.`);
  },
  'sign-in-link': (context) => printSignInLink(context, required(context.options, 'email')),
  'reset-password': async ({ admin, options }) => {
    const password = options.password === undefined ? randomBytes(18).toString('base64url') : checkedPassword(options.password);
    const user = await admin.resetPassword(required(options, 'email'), password);
    console.log(`Password of ${user.email} reset; their sessions are ended.`);
    if (options.password === undefined) console.log(`New password (shown once): ${password}`);
  },
  'revoke-key': async ({ accounts, options }) => {
    const id = required(options, 'id');
    const key = await accounts.findApiKey(id).catch(() => null);
    if (!key) throw new UsageError(`No API key with id ${id}`);
    await accounts.revokeApiKey(key.accountId, key.id);
    console.log(`API key "${key.name}" revoked.`);
  },
  list: async ({ accounts }) => {
    for (const account of await accounts.listAccounts()) {
      const { dialsPerHour, dialsPerDay, maxConcurrentCalls } = account.limits;
      console.log(`${account.name} (${account.id}): ${dialsPerHour} dials/hour, ${dialsPerDay}/day, ${maxConcurrentCalls} at once`);
      for (const user of await accounts.listUsers(account.id)) console.log(`  user ${user.email} "${user.name}" ${user.role} ${user.id}`);
      for (const key of await accounts.listApiKeys(account.id)) {
        console.log(`  key  ${key.prefix}… "${key.name}" ${key.role} ${key.id}${key.revokedAt ? ' (revoked)' : ''}`);
      }
    }
  },
};

/** What `npm start` runs before the API: on a database without users, the first admin and a link to sign in as them. */
async function firstStart(context: Context): Promise<void> {
  const first = await context.admin.createFirstAdmin();
  if (first) {
    console.log(`\n  Signed in as ${first.user.email} (admin), once, by following:\n\n    ${linkTo(context.webUrl, first.token)}\n`);
  } else {
    console.log(`Sign in at ${context.webUrl}; for a one-time link: npm run accounts -- sign-in-link --email ${FIRST_ADMIN_EMAIL} (or your email)`);
  }
}

async function printSignInLink({ admin, webUrl }: Context, email: string): Promise<void> {
  const { user, token } = await admin.createSignInLink(email);
  console.log(`Sign-in link for ${user.email} (once, within 24 hours):\n\n  ${linkTo(webUrl, token)}\n`);
}

function linkTo(webUrl: string, token: string): string {
  return `${webUrl}/api/auth/link?token=${token}`;
}

function required(options: Options, name: keyof Options): string {
  const value = options[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} is required`);
  return value.trim();
}

function checkedRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role as Role;
}

function checkedEmail(email: string): string {
  if (!isEmail(email) && !email.endsWith('@localhost')) throw new UsageError('--email must be an email address');
  return email;
}

function checkedPassword(password: string): string {
  if (password.length < PASSWORD_MIN_LENGTH) throw new UsageError(`--password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  return password;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(argv);
  const run = COMMANDS[positionals[0] ?? ''];
  if (!run) throw new UsageError(positionals[0] && positionals[0] !== 'help' ? `Unknown command ${positionals[0]}` : '');
  const env = new Env();
  const options = dataSourceOptions({ url: readDatabaseUrl(env), applicationName: 'call-scheduler-accounts', poolSize: 2 });
  const dataSource = await retryUntilReady('PostgreSQL', () => new DataSource(options).initialize());
  try {
    await migrate(dataSource);
    const accounts = new AccountRepository(dataSource);
    const webUrl = (values['web-url'] ?? env.string('WEB_URL', 'http://localhost:3000')).replace(/\/+$/, '');
    await run({ admin: new AccountAdmin(accounts, new SessionRepository(dataSource)), accounts, options: values, webUrl });
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
