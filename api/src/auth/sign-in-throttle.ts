import { RateLimitRepository } from '@call-scheduler/db';
import { Inject, Injectable } from '@nestjs/common';
import { TooManySignInAttemptsError } from './auth.errors';

const WINDOW_MS = 15 * 60 * 1000;
/** Attempts allowed per email, and per client address, in each window; a success clears the email's count. */
const MAX_ATTEMPTS_PER_EMAIL = 10;
const MAX_ATTEMPTS_PER_ADDRESS = 100;

/**
 * Slows password guessing, in every API process at once: after too many attempts for one email,
 * or from one address, sign-in answers 429 until the window ends, even with the right password.
 * Each attempt is counted before its password is checked, so parallel guesses are counted too.
 */
@Injectable()
export class SignInThrottle {
  constructor(@Inject(RateLimitRepository) private readonly counters: RateLimitRepository) {}

  /** Counts an attempt; throws TooManySignInAttemptsError once either count is past its limit. */
  async attempt(email: string, address: string): Promise<void> {
    const [byEmail, byAddress] = await Promise.all([this.counters.hit(emailKey(email), WINDOW_MS), this.counters.hit(addressKey(address), WINDOW_MS)]);
    const over = [byEmail.hits > MAX_ATTEMPTS_PER_EMAIL && byEmail, byAddress.hits > MAX_ATTEMPTS_PER_ADDRESS && byAddress].filter((window) => window !== false);
    if (over.length === 0) return;
    const resetsAt = Math.max(...over.map((window) => window.resetsAt.getTime()));
    throw new TooManySignInAttemptsError(Math.max(1, Math.ceil((resetsAt - Date.now()) / 1000)));
  }

  async succeeded(email: string): Promise<void> {
    await this.counters.reset(emailKey(email));
  }
}

function emailKey(email: string): string {
  return `sign-in-attempts:email:${email.toLowerCase()}`;
}

function addressKey(address: string): string {
  return `sign-in-attempts:address:${address}`;
}
