import { createContext, useContext, type ReactNode } from 'react';

/** The browser's own time zone, e.g. "Europe/Berlin". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const TimeZoneContext = createContext<string>(browserTimeZone());

/** Times are shown and typed in this zone; tests set it to prove the page works in any zone. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
