import type { DataSource } from 'typeorm';

export type HeldDialOutcome = 'dialled' | 'called off' | 'blocked';

/** A hold a worker claims, with the number it is to dial and the account whose do-not-call list it must keep. */
export interface HeldDialClaim {
  holdId: string;
  /** Absent for calls made before accounts, which have no list. */
  accountId?: string;
  phoneNumber: string;
}

/**
 * The one decision about each held dial, made in PostgreSQL so that the worker holding it and a command
 * calling it off, in whatever processes, cannot both win: whichever writes the hold's row first decides.
 */
export class HeldDialRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Decides each hold nobody called off, in one statement for many: to dial it, or, when its number is on its
   * account's do-not-call list at that moment, not to. A hold decided already keeps its decision, so a dial
   * claimed again after its worker died is sent again even if its number was listed in between.
   */
  async claim(claims: readonly HeldDialClaim[]): Promise<Map<string, HeldDialOutcome>> {
    const rows: { hold_id: string; outcome: HeldDialOutcome }[] = await this.dataSource.query(
      `INSERT INTO held_dials (hold_id, outcome)
       SELECT DISTINCT ON (hold_id) hold_id,
         CASE WHEN EXISTS (SELECT 1 FROM do_not_call listed WHERE listed.account_id = asked.account_id AND listed.phone_number = asked.phone_number)
           THEN 'blocked' ELSE 'dialled' END
       FROM unnest($1::text[], $2::uuid[], $3::text[]) AS asked(hold_id, account_id, phone_number)
       ON CONFLICT (hold_id) DO UPDATE SET outcome = held_dials.outcome
       RETURNING hold_id, outcome`,
      [claims.map((claim) => claim.holdId), claims.map((claim) => claim.accountId ?? null), claims.map((claim) => claim.phoneNumber)],
    );
    return new Map(rows.map((row) => [row.hold_id, row.outcome]));
  }

  /** Calls the hold off unless it was decided to dial first, and answers what it came to. */
  async callOff(holdId: string): Promise<HeldDialOutcome> {
    const [row]: { outcome: HeldDialOutcome }[] = await this.dataSource.query(
      `INSERT INTO held_dials (hold_id, outcome) VALUES ($1, 'called off')
       ON CONFLICT (hold_id) DO UPDATE SET outcome = held_dials.outcome
       RETURNING outcome`,
      [holdId],
    );
    return row!.outcome;
  }

  /** Forgets decisions older than `ageMs`: by then their calls have long moved on. */
  async forgetOlderThan(ageMs: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM held_dials WHERE decided_at < now() - make_interval(secs => $1)`, [ageMs / 1000]);
  }
}
