import { useSyncExternalStore } from 'react';

/** The parts of the signed-in page, each reached by its URL hash (a call open in Calls is `#call=<id>`). */
export type Section = 'calls' | 'account';

export const SECTION_HREFS: Record<Section, string> = { calls: '#calls', account: '#account' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function sectionFromHash(): Section {
  return window.location.hash === SECTION_HREFS.account ? 'account' : 'calls';
}

/** The section the URL asks for; Calls unless it asks for another. */
export function useSection(): Section {
  return useSyncExternalStore(subscribe, sectionFromHash, () => 'calls');
}
