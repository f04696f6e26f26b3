import type { HeldDialClaim, HeldDialOutcome, HeldDialRepository } from '@call-scheduler/db';
import { SameMomentBatch } from './same-moment-batch';

/** How long the decisions about held dials are kept: long after anything could ask about them again. */
const KEEP_DECISIONS_MS = 24 * 60 * 60_000;
const FORGET_EVERY_MS = 60 * 60_000;

/**
 * Claims held dials as their instant comes, each claim batched with the others of the same moment, so a
 * thousand dials due in the same second cost PostgreSQL a statement, not a thousand.
 */
export class HeldDialClaims {
  private readonly claims = new SameMomentBatch<HeldDialClaim, HeldDialOutcome>((claims) => this.claimAll(claims));
  private forgottenAt = 0;

  constructor(private readonly heldDials: HeldDialRepository) {}

  /** Whether this worker may dial the hold now (`dialled`), or a command called it off first, or its number is not to be called. */
  claim(claim: HeldDialClaim): Promise<HeldDialOutcome> {
    return this.claims.ask(claim);
  }

  private async claimAll(claims: HeldDialClaim[]): Promise<HeldDialOutcome[]> {
    const decided = await this.heldDials.claim(claims);
    // Off the claims' path: they are answered without waiting for it.
    void this.forgetOldDecisions();
    return claims.map((claim) => decided.get(claim.holdId)!);
  }

  private async forgetOldDecisions(): Promise<void> {
    if (Date.now() - this.forgottenAt < FORGET_EVERY_MS) return;
    this.forgottenAt = Date.now();
    await this.heldDials.forgetOlderThan(KEEP_DECISIONS_MS).catch(() => undefined);
  }
}
