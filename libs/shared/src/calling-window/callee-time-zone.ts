import { getTimezonesForCountry, type Timezone } from 'countries-and-timezones';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { IANAZone } from 'luxon';

export interface CalleeTimeZones {
  /** ISO 3166 code of the number's country; undefined for non-geographic numbers (+800…). */
  country: string | undefined;
  /** The IANA zones of that country, each under the country's own name for it: the callee's is one of them. */
  zones: string[];
}

/** How far ahead two zones must keep the same clocks to count as one: further than any call is scheduled. */
const SAME_CLOCKS_AHEAD_MS = 2 * 366 * 24 * 60 * 60_000;
/** Hourly, since two zones may change their clocks on the same day at different hours. */
const CLOCKS_COMPARED_EVERY_MS = 60 * 60_000;

export function calleeTimeZones(e164: string): CalleeTimeZones {
  const country = parsePhoneNumberFromString(e164)?.country;
  return { country, zones: country ? zonesOf(country) : [] };
}

const inferredByCountry = new Map<string, string | undefined>();

/**
 * The callee's zone when the number's country keeps one time: it has one zone, or zones whose clocks agree
 * from now on (Germany's Büsingen keeps Swiss time, which is German time).
 */
export function inferCalleeTimeZone(e164: string): string | undefined {
  const { country, zones } = calleeTimeZones(e164);
  if (!country) return undefined;
  if (!inferredByCountry.has(country)) {
    const [first, ...others] = zones;
    inferredByCountry.set(country, first && others.every((other) => sameClocksAhead(first, other)) ? first : undefined);
  }
  return inferredByCountry.get(country);
}

function zonesOf(country: string): string[] {
  const all = getTimezonesForCountry(country, { deprecated: true }) ?? [];
  return all.filter((zone) => !zone.deprecated).map((zone) => countrysName(zone, all, country));
}

/**
 * The tz database keeps one zone for clocks that several countries share, under one country's city: Sweden's
 * is Europe/Berlin. The country's own name for it, a link kept for it alone (Europe/Stockholm), reads better.
 */
function countrysName(zone: Timezone, all: Timezone[], country: string): string {
  if (zone.countries[0] === country) return zone.name;
  const own = all.find((link) => link.aliasOf === zone.name && link.name.includes('/') && link.countries.join() === country);
  return own?.name ?? zone.name;
}

function sameClocksAhead(a: string, b: string): boolean {
  const [zoneA, zoneB] = [IANAZone.create(a), IANAZone.create(b)];
  const now = Date.now();
  for (let at = now; at < now + SAME_CLOCKS_AHEAD_MS; at += CLOCKS_COMPARED_EVERY_MS) {
    if (zoneA.offset(at) !== zoneB.offset(at)) return false;
  }
  return true;
}
