import { useCallStream } from '../features/calls/api/call-stream';
import { CallDetail } from '../features/calls/components/call-detail';
import { CallForm } from '../features/calls/components/call-form';
import { CallList } from '../features/calls/components/call-list';
import { callHref, useSelectedCall } from '../features/calls/selected-call';
import { ConnectionBanner } from './connection-banner';

export interface AppProps {
  /** Base URL of the Temporal Web UI, for the link in the header. */
  temporalUiUrl: string;
}

export function App({ temporalUiUrl }: AppProps) {
  const stream = useCallStream();
  const [selectedId, select] = useSelectedCall();

  /** Back to where the operator was: the call's row, when it is on screen. */
  const closeDetail = (id: string) => {
    select(null);
    document.querySelector<HTMLElement>(`a[href="${callHref(id)}"]`)?.focus();
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Call Scheduler</h1>
        <p className={`live live-${stream}`}>{stream === 'live' ? 'Live' : stream === 'connecting' ? 'Connecting…' : 'Offline'}</p>
        <nav className="links" aria-label="Tools">
          <a href="/api/docs">API docs</a>
          <a href={temporalUiUrl} target="_blank" rel="noreferrer">
            Temporal Web UI<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </nav>
      </header>
      <ConnectionBanner status={stream} />
      <main className="layout">
        <div className="main-column">
          <CallForm />
          <CallList selectedId={selectedId} />
        </div>
        {selectedId && <CallDetail key={selectedId} id={selectedId} onClose={() => closeDetail(selectedId)} />}
      </main>
    </div>
  );
}
