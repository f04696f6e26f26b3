import { RateLimitRepository } from '@call-scheduler/db';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerStorage } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './principal';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The throttler's counters, kept in PostgreSQL: a limit holds however many API processes share
 * the load. Fixed windows: a client may burst up to twice the limit across a window's edge.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counters: RateLimitRepository) {}

  async increment(key: string, ttlMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const { hits, resetsAt } = await this.counters.hit(`requests:${key}`, ttlMs);
    const secondsLeft = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }
}

/** Counts requests per API key or per signed-in user, and per address for requests without either. */
@Injectable()
export class RequestThrottleGuard extends ThrottlerGuard {
  protected override async getTracker({ principal, ip }: AuthenticatedRequest): Promise<string> {
    return principal ? `${principal.actor.kind}:${principal.actor.id}` : `address:${ip}`;
  }

  /** One count per caller across every route, not one per route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
