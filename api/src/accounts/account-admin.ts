import { AccountRepository, SessionRepository, type Account, type ApiKey, type User } from '@call-scheduler/db';
import { DEFAULT_DIAL_LIMITS, type DialLimits, type Role } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { hashSecret, newApiKeySecret, newToken } from '../auth/secrets';
import { AccountNotFoundError, UserNotFoundError } from './account.errors';

/** How long a sign-in link printed by `npm start` or the CLI may wait to be followed. */
export const SIGN_IN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** The email of the admin a first start creates. */
export const FIRST_ADMIN_EMAIL = 'admin@localhost';

export interface NewUserInput {
  accountId: string;
  email: string;
  name: string;
  role: Role;
  /** Without one, the user signs in through a sign-in link and may set one later. */
  password?: string;
}

/**
 * What admins do to accounts, users and keys: the API's account routes and the accounts CLI both
 * go through here, so a key made either way is made the same way.
 */
export class AccountAdmin {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
  ) {}

  createAccount(name: string, limits: DialLimits = DEFAULT_DIAL_LIMITS): Promise<Account> {
    return this.accounts.createAccount({ id: randomUUID(), name, limits });
  }

  async createUser({ accountId, email, name, role, password }: NewUserInput): Promise<User> {
    await this.account(accountId);
    const passwordHash = password === undefined ? null : await hashPassword(password);
    return this.accounts.createUser({ id: randomUUID(), accountId, email, name, role, passwordHash });
  }

  /** A new key and its secret, which is not kept: only its hash is. */
  async createApiKey(accountId: string, name: string, role: Role): Promise<{ key: ApiKey; secret: string }> {
    await this.account(accountId);
    const { secret, prefix } = newApiKeySecret();
    const key = await this.accounts.createApiKey({ id: randomUUID(), accountId, name, role, prefix, secretHash: hashSecret(secret) });
    return { key, secret };
  }

  /** Sets a user's password and ends every session they had. */
  async resetPassword(email: string, password: string): Promise<User> {
    const user = await this.userByEmail(email);
    await this.accounts.setPasswordHash(user.id, await hashPassword(password));
    await this.sessions.deleteSessionsOf(user.id);
    return user;
  }

  /** A one-time token that signs the user in, valid for a day. */
  async createSignInLink(email: string): Promise<{ user: User; token: string }> {
    const user = await this.userByEmail(email);
    const token = newToken();
    await this.sessions.createSignInLink(hashSecret(token), user.id, new Date(Date.now() + SIGN_IN_LINK_TTL_MS));
    return { user, token };
  }

  /**
   * On a database without users, makes the first admin (in the account the calls from before
   * accounts went to, if there is one) and returns a sign-in link for them; null once anyone exists.
   */
  async createFirstAdmin(): Promise<{ user: User; token: string } | null> {
    if ((await this.accounts.countUsers()) > 0) return null;
    const [existing] = await this.accounts.listAccounts();
    const account = existing ?? (await this.createAccount('Default'));
    await this.createUser({ accountId: account.id, email: FIRST_ADMIN_EMAIL, name: 'Admin', role: 'admin' });
    return this.createSignInLink(FIRST_ADMIN_EMAIL);
  }

  private async account(id: string): Promise<Account> {
    const account = await this.accounts.findAccount(id);
    if (!account) throw new AccountNotFoundError(id);
    return account;
  }

  private async userByEmail(email: string): Promise<User> {
    const user = await this.accounts.findUserByEmail(email);
    if (!user) throw new UserNotFoundError(email);
    return user;
  }
}
