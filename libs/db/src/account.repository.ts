import type { DefaultCallingWindow, DialLimits, Role } from '@call-scheduler/shared';
import type { DataSource } from 'typeorm';

export interface Account {
  id: string;
  name: string;
  limits: DialLimits;
  defaultWindow: DefaultCallingWindow | null;
  createdAt: string;
}

export interface User {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  /** Null until a password is set: such a user signs in only through a sign-in link. */
  passwordHash: string | null;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  accountId: string;
  name: string;
  role: Role;
  prefix: string;
  secretHash: Buffer;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type NewUser = Omit<User, 'createdAt'>;
export type NewApiKey = Pick<ApiKey, 'id' | 'accountId' | 'name' | 'role' | 'prefix' | 'secretHash'>;

/** Another user already signs in with that email (emails are unique whatever their case). */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists`);
    this.name = 'EmailTakenError';
  }
}

const UNIQUE_VIOLATION = '23505';
/** How stale a key's last-used time may get: a busy key is not written on every request. */
const LAST_USED_RESOLUTION = '1 minute';

/** Accounts, their users and their API keys. */
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createAccount(account: Omit<Account, 'createdAt' | 'defaultWindow'>): Promise<Account> {
    const { dialsPerHour, dialsPerDay, maxConcurrentCalls } = account.limits;
    const [row] = await this.dataSource.query(
      `INSERT INTO accounts (id, name, dials_per_hour, dials_per_day, max_concurrent_calls)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [account.id, account.name, dialsPerHour, dialsPerDay, maxConcurrentCalls],
    );
    return toAccount(row);
  }

  async setDefaultWindow(accountId: string, window: DefaultCallingWindow | null): Promise<Account | null> {
    const [rows] = await this.dataSource.query(`UPDATE accounts SET default_calling_window = $2 WHERE id = $1 RETURNING *`, [
      accountId,
      window ? JSON.stringify(window) : null,
    ]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  /** The calling window the account's calls take unless they carry their own; null: none, or no such account. */
  async findDefaultWindow(id: string): Promise<DefaultCallingWindow | null> {
    return (await this.findAccount(id))?.defaultWindow ?? null;
  }

  async findAccount(id: string): Promise<Account | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM accounts WHERE id = $1`, [id]);
    return row ? toAccount(row) : null;
  }

  async listAccounts(): Promise<Account[]> {
    const rows: AccountRow[] = await this.dataSource.query(`SELECT * FROM accounts ORDER BY created_at, id`);
    return rows.map(toAccount);
  }

  async setLimits(accountId: string, { dialsPerHour, dialsPerDay, maxConcurrentCalls }: DialLimits): Promise<Account | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE accounts SET dials_per_hour = $2, dials_per_day = $3, max_concurrent_calls = $4 WHERE id = $1 RETURNING *`,
      [accountId, dialsPerHour, dialsPerDay, maxConcurrentCalls],
    );
    return rows[0] ? toAccount(rows[0]) : null;
  }

  /** Throws EmailTakenError when the email is in use. */
  async createUser(user: NewUser): Promise<User> {
    try {
      const [row] = await this.dataSource.query(
        `INSERT INTO users (id, account_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [user.id, user.accountId, user.email, user.name, user.role, user.passwordHash],
      );
      return toUser(row);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new EmailTakenError(user.email);
      throw error;
    }
  }

  async findUser(id: string): Promise<User | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM users WHERE id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  async findUserByEmail(email: string): Promise<User | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
    return row ? toUser(row) : null;
  }

  async listUsers(accountId: string): Promise<User[]> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT * FROM users WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
    return rows.map(toUser);
  }

  async countUsers(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    return count;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
    return affected > 0;
  }

  async createApiKey(key: NewApiKey): Promise<ApiKey> {
    const [row] = await this.dataSource.query(
      `INSERT INTO api_keys (id, account_id, name, role, prefix, secret_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [key.id, key.accountId, key.name, key.role, key.prefix, key.secretHash],
    );
    return toApiKey(row);
  }

  /** The keys, revoked or not, whose secret starts with the prefix: almost always one. */
  async findApiKeysByPrefix(prefix: string): Promise<ApiKey[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(`SELECT * FROM api_keys WHERE prefix = $1`, [prefix]);
    return rows.map(toApiKey);
  }

  async findApiKey(id: string): Promise<ApiKey | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM api_keys WHERE id = $1`, [id]);
    return row ? toApiKey(row) : null;
  }

  async listApiKeys(accountId: string): Promise<ApiKey[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(`SELECT * FROM api_keys WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
    return rows.map(toApiKey);
  }

  /** Revokes one of the account's keys; revoking it again keeps the first revocation time. Null: no such key in the account. */
  async revokeApiKey(accountId: string, id: string): Promise<ApiKey | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND account_id = $2 RETURNING *`,
      [id, accountId],
    );
    return rows[0] ? toApiKey(rows[0]) : null;
  }

  async touchApiKey(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
      [id],
    );
  }
}

interface AccountRow {
  id: string;
  name: string;
  dials_per_hour: number;
  dials_per_day: number;
  max_concurrent_calls: number;
  default_calling_window: DefaultCallingWindow | null;
  created_at: Date;
}

interface UserRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: Date;
}

interface ApiKeyRow {
  id: string;
  account_id: string;
  name: string;
  role: Role;
  prefix: string;
  secret_hash: Buffer;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    limits: { dialsPerHour: row.dials_per_hour, dialsPerDay: row.dials_per_day, maxConcurrentCalls: row.max_concurrent_calls },
    defaultWindow: row.default_calling_window,
    createdAt: row.created_at.toISOString(),
  };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at.toISOString(),
  };
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    secretHash: row.secret_hash,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
