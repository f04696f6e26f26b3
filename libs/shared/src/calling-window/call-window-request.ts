import type { CallingWindow } from './calling-window';
import { calleeTimeZones, inferCalleeTimeZone } from './callee-time-zone';
import { callingWindowProblems, type FieldProblem } from './calling-window-problems';

/** An account's default window: the days and hours its calls may ring, each on its callee's clock. */
export type DefaultCallingWindow = Omit<CallingWindow, 'timeZone'>;

export type CallWindowResolution = { window: CallingWindow | null; problems: [] } | { window: null; problems: FieldProblem[] };

/**
 * The window a new call keeps. `asked` is the request's `window`: null for none, or fields that override the
 * account's default, field by field; absent, the account's default applies, if it has one. The zone left out
 * is the callee's, inferred from the number where its country keeps one time.
 */
export function callWindowFor(asked: unknown, accountDefault: DefaultCallingWindow | null, e164: string): CallWindowResolution {
  if (asked === null || (asked === undefined && accountDefault === null)) return { window: null, problems: [] };
  if (asked !== undefined && (typeof asked !== 'object' || Array.isArray(asked))) return callingWindowRefused(callingWindowProblems(asked));
  const window: Record<string, unknown> = { ...accountDefault, ...(asked as object) };
  window.timeZone ??= inferCalleeTimeZone(e164);
  // The rest is checked, against a stand-in zone, even when the zone is missing: a field it does not know comes first.
  const problems = callingWindowProblems({ ...window, timeZone: window.timeZone ?? 'UTC' });
  if (window.timeZone === undefined) problems.push({ field: 'window.timeZone', message: unknownZone(e164) });
  return problems.length > 0 ? callingWindowRefused(problems) : { window: window as unknown as CallingWindow, problems: [] };
}

function callingWindowRefused(problems: FieldProblem[]): CallWindowResolution {
  return { window: null, problems };
}

function unknownZone(e164: string): string {
  const { country, zones } = calleeTimeZones(e164);
  if (!country) return `window.timeZone must be given: no country, so no time zone, is known for ${e164}`;
  const some = zones.length > 4 ? `${zones.slice(0, 4).join(', ')} and ${zones.length - 4} more` : zones.join(', ');
  return `window.timeZone must be given: ${e164} is in ${country}, whose time zones differ (${some})`;
}
