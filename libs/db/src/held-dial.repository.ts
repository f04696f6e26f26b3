import type { DataSource } from 'typeorm';

export type HeldDialOutcome = 'dialled' | 'called off';

/**
 * The one decision about each held dial, made in PostgreSQL so that the worker holding it and a command
 * calling it off, in whatever processes, cannot both win: whichever writes the hold's row first decides.
 */
export class HeldDialRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Decides to dial each hold that was not called off, in one statement for many, and answers those.
   * A hold already decided to dial is answered again.
   */
  async claim(holdIds: readonly string[]): Promise<Set<string>> {
    const rows: { hold_id: string }[] = await this.dataSource.query(
      `INSERT INTO held_dials (hold_id, outcome) SELECT unnest($1::text[]), 'dialled'
       ON CONFLICT (hold_id) DO UPDATE SET outcome = held_dials.outcome WHERE held_dials.outcome = 'dialled'
       RETURNING hold_id`,
      [holdIds],
    );
    return new Set(rows.map((row) => row.hold_id));
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
