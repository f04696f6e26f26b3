import type { HeldDialRepository } from '@call-scheduler/db';

/** How long the decisions about held dials are kept: long after anything could ask about them again. */
const KEEP_DECISIONS_MS = 24 * 60 * 60_000;
const FORGET_EVERY_MS = 60 * 60_000;

/**
 * Claims held dials as their instant comes, each claim batched with the others of the same moment, so a
 * thousand dials due in the same second cost PostgreSQL a statement, not a thousand.
 */
export class HeldDialClaims {
  private batch: { holdId: string; claimed: (won: boolean) => void; failed: (error: unknown) => void }[] = [];
  private forgottenAt = 0;

  constructor(private readonly heldDials: HeldDialRepository) {}

  /** Whether this worker may dial the hold now: false if a command called it off first. */
  claim(holdId: string): Promise<boolean> {
    return new Promise((claimed, failed) => {
      if (this.batch.length === 0) setImmediate(() => void this.flush());
      this.batch.push({ holdId, claimed, failed });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    try {
      const won = await this.heldDials.claim(batch.map((claim) => claim.holdId));
      for (const claim of batch) claim.claimed(won.has(claim.holdId));
    } catch (error) {
      for (const claim of batch) claim.failed(error);
    }
    await this.forgetOldDecisions();
  }

  private async forgetOldDecisions(): Promise<void> {
    if (Date.now() - this.forgottenAt < FORGET_EVERY_MS) return;
    this.forgottenAt = Date.now();
    await this.heldDials.forgetOlderThan(KEEP_DECISIONS_MS).catch(() => undefined);
  }
}
