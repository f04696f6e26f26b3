import type { HeldDialRepository } from '@call-scheduler/db';
import { SameMomentBatch } from './same-moment-batch';

/** How long the decisions about held dials are kept: long after anything could ask about them again. */
const KEEP_DECISIONS_MS = 24 * 60 * 60_000;
const FORGET_EVERY_MS = 60 * 60_000;

/**
 * Claims held dials as their instant comes, each claim batched with the others of the same moment, so a
 * thousand dials due in the same second cost PostgreSQL a statement, not a thousand.
 */
export class HeldDialClaims {
  private readonly claims = new SameMomentBatch<string, boolean>((holdIds) => this.claimAll(holdIds));
  private forgottenAt = 0;

  constructor(private readonly heldDials: HeldDialRepository) {}

  /** Whether this worker may dial the hold now: false if a command called it off first. */
  claim(holdId: string): Promise<boolean> {
    return this.claims.ask(holdId);
  }

  private async claimAll(holdIds: string[]): Promise<boolean[]> {
    const won = await this.heldDials.claim(holdIds);
    // Off the claims' path: they are answered without waiting for it.
    void this.forgetOldDecisions();
    return holdIds.map((holdId) => won.has(holdId));
  }

  private async forgetOldDecisions(): Promise<void> {
    if (Date.now() - this.forgottenAt < FORGET_EVERY_MS) return;
    this.forgottenAt = Date.now();
    await this.heldDials.forgetOlderThan(KEEP_DECISIONS_MS).catch(() => undefined);
  }
}
