import { useSyncExternalStore } from 'react';
import { SCHEDULES_HREF } from '../features/schedules/schedules-href';

/** The parts of the signed-in page, each reached by its URL hash (a call open in Calls is `#call=<id>`). */
export type Section = 'calls' | 'schedules' | 'do-not-call' | 'account';

export const SECTION_HREFS: Record<Section, string> = { calls: '#calls', schedules: SCHEDULES_HREF, 'do-not-call': '#do-not-call', account: '#account' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function sectionFromHash(): Section {
  const section = (Object.keys(SECTION_HREFS) as Section[]).find((name) => SECTION_HREFS[name] === window.location.hash);
  return section ?? 'calls';
}

/** The section the URL asks for; Calls unless it asks for another. */
export function useSection(): Section {
  return useSyncExternalStore(subscribe, sectionFromHash, () => 'calls');
}
