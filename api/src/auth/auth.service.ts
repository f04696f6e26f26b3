import { AccountRepository, SessionRepository, type User } from '@call-scheduler/db';
import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { NotSignedInError, WrongCredentialsError } from './auth.errors';
import { passwordMatches } from './passwords';
import type { Principal } from './principal';
import { apiKeyPrefix, hashSecret, looksLikeApiKey, newToken, secretMatches } from './secrets';
import { SignInThrottle } from './sign-in-throttle';

/** Who a request is, from its API key or session cookie; and signing in and out. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The principal of an `Authorization: Bearer` key; throws NotSignedInError for a key that is unknown or revoked. */
  async byApiKey(secret: string): Promise<Principal> {
    if (!looksLikeApiKey(secret)) throw new NotSignedInError('The API key is not valid');
    const candidates = await this.accounts.findApiKeysByPrefix(apiKeyPrefix(secret));
    const key = candidates.find((candidate) => secretMatches(secret, candidate.secretHash));
    if (!key) throw new NotSignedInError('The API key is not valid');
    if (key.revokedAt) throw new NotSignedInError('The API key was revoked');
    await this.accounts.touchApiKey(key.id);
    return { accountId: key.accountId, role: key.role, actor: { kind: 'key', id: key.id, name: key.name }, via: 'key' };
  }

  /** The principal of a session cookie, or null when the session is unknown or over. */
  async bySession(token: string): Promise<Principal | null> {
    const userId = await this.sessions.findSessionUser(hashSecret(token));
    const user = userId ? await this.accounts.findUser(userId) : null;
    return user ? userPrincipal(user) : null;
  }

  /** Checks the password and opens a session: the returned token goes in the cookie. */
  async signIn(email: string, password: string, address: string): Promise<{ token: string; principal: Principal }> {
    await this.throttle.attempt(email, address);
    const user = await this.accounts.findUserByEmail(email);
    if (!user || !(await passwordMatches(password, user.passwordHash))) throw new WrongCredentialsError();
    await this.throttle.succeeded(email);
    return { token: await this.openSession(user), principal: userPrincipal(user) };
  }

  /** Uses up a sign-in link and opens a session for its user. */
  async signInWithLink(linkToken: string): Promise<string> {
    const userId = await this.sessions.consumeSignInLink(hashSecret(linkToken));
    const user = userId ? await this.accounts.findUser(userId) : null;
    if (!user) throw new NotSignedInError('This sign-in link has expired or was used already');
    return this.openSession(user);
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.deleteSession(hashSecret(token));
  }

  private async openSession(user: User): Promise<string> {
    const token = newToken();
    await this.sessions.createSession(hashSecret(token), user.id, new Date(Date.now() + this.config.sessionTtlMs));
    return token;
  }
}

function userPrincipal(user: User): Principal {
  return { accountId: user.accountId, role: user.role, actor: { kind: 'user', id: user.id, name: user.name }, via: 'session' };
}
