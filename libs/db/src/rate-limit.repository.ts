import type { DataSource } from 'typeorm';

export interface RateWindow {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the window ends and the count starts again. */
  resetsAt: Date;
}

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every API process: each hit is one
 * atomic upsert, and old windows are swept now and then by whoever counts.
 */
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string, windowMs: number): Promise<RateWindow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO rate_limits (key, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) * 1000 / $2) * $2 / 1000), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
       RETURNING hits, window_start`,
      [key, windowMs],
    );
    if (Math.random() < 0.01) await this.sweep();
    return { hits: row.hits, resetsAt: new Date(row.window_start.getTime() + windowMs) };
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
  }

  private async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
  }
}
