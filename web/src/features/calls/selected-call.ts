import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = '#call=';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function selectedFromHash(): string | null {
  return window.location.hash.startsWith(PREFIX) ? decodeURIComponent(window.location.hash.slice(PREFIX.length)) : null;
}

export function callHref(id: string): string {
  return `${PREFIX}${encodeURIComponent(id)}`;
}

/** The call open in the detail view lives in the URL, so it survives a reload and can be shared. */
export function useSelectedCall(): [string | null, (id: string | null) => void] {
  const selected = useSyncExternalStore(subscribe, selectedFromHash, () => null);
  const select = useCallback((id: string | null) => {
    window.location.hash = id ? callHref(id) : '';
  }, []);
  return [selected, select];
}
