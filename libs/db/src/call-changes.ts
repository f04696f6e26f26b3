/**
 * The channel the `calls` table NOTIFYs on, once for every row inserted or moved forward
 * (its trigger is in the 1765000000000 migration). A write the version guard refuses changes
 * no row, so it notifies nothing.
 */
export const CALL_CHANGES_CHANNEL = 'call_changes';

/** What a notification says: which call changed, and its version after the change. */
export interface CallChange {
  id: string;
  version: number;
}

/** The change a notification's payload names, or null for a payload the trigger did not write. */
export function parseCallChange(payload: string | undefined): CallChange | null {
  try {
    const { id, version } = JSON.parse(payload ?? '') as Partial<CallChange>;
    return typeof id === 'string' && Number.isInteger(version) ? { id, version: version! } : null;
  } catch {
    return null;
  }
}
