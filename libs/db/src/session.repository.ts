import type { DataSource } from 'typeorm';
import type { User } from './account.repository';

/**
 * Web sessions and one-time sign-in links. Only a hash of each token is kept: someone who reads
 * the database cannot sign in with what they find there.
 */
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createSession(tokenHash: Buffer, userId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash, userId, expiresAt]);
  }

  /** The id of the session's user, while the session lasts. */
  async findSessionUser(tokenHash: Buffer): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > now()`, [tokenHash]);
    return row?.user_id ?? null;
  }

  async deleteSession(tokenHash: Buffer): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  }

  /** Signs the user out everywhere: after a password reset. */
  async deleteSessionsOf(userId: User['id']): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }

  async createSignInLink(tokenHash: Buffer, userId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO sign_in_links (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash, userId, expiresAt]);
  }

  /** Uses up a sign-in link: the user it signs in, once, while it lasts. */
  async consumeSignInLink(tokenHash: Buffer): Promise<string | null> {
    const [rows] = await this.dataSource.query(`DELETE FROM sign_in_links WHERE token_hash = $1 RETURNING user_id, expires_at > now() AS live`, [
      tokenHash,
    ]);
    const row = rows[0];
    return row?.live ? row.user_id : null;
  }
}
