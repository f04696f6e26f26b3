const DAY_MS = 24 * 60 * 60 * 1000;
const MONTHS = { winter: [12, 1, 2], summer: [6, 7, 8] } as const;

/**
 * The next 15th, at least two days from now, of a month in the northern `season`, as `YYYY-MM-DD`:
 * in the future, within the year ahead the API accepts, and far from any DST change, so a test knows
 * the offset (Los Angeles -08:00 in winter, -07:00 in summer).
 */
export function nextDateIn(season: keyof typeof MONTHS, now: Date = new Date()): string {
  const months: readonly number[] = MONTHS[season];
  for (let ahead = 0; ; ahead++) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 15));
    if (months.includes(date.getUTCMonth() + 1) && date.getTime() >= now.getTime() + 2 * DAY_MS) return date.toISOString().slice(0, 10);
  }
}
