import { RateLimitRepository } from '@call-scheduler/db';
import { Inject, Injectable } from '@nestjs/common';
import { TooManySignInAttemptsError } from './auth.errors';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per email, and per client address, in each window. */
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

/**
 * Slows password guessing, in every API process at once: after too many failed sign-ins for one
 * email, or from one address, sign-in answers 429 until the window ends, even with the right password.
 */
@Injectable()
export class SignInThrottle {
  constructor(@Inject(RateLimitRepository) private readonly counters: RateLimitRepository) {}

  /** Throws TooManySignInAttemptsError while either counter is full. */
  async check(email: string, address: string): Promise<void> {
    const [byEmail, byAddress] = await Promise.all([this.counters.peek(emailKey(email), WINDOW_MS), this.counters.peek(addressKey(address), WINDOW_MS)]);
    if (byEmail >= MAX_FAILURES_PER_EMAIL || byAddress >= MAX_FAILURES_PER_ADDRESS) {
      throw new TooManySignInAttemptsError(Math.ceil((WINDOW_MS - (Date.now() % WINDOW_MS)) / 1000));
    }
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.counters.hit(emailKey(email), WINDOW_MS), this.counters.hit(addressKey(address), WINDOW_MS)]);
  }

  async succeeded(email: string): Promise<void> {
    await this.counters.reset(emailKey(email));
  }
}

function emailKey(email: string): string {
  return `sign-in-failures:email:${email.toLowerCase()}`;
}

function addressKey(address: string): string {
  return `sign-in-failures:address:${address}`;
}
