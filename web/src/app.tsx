import { RecentCalls } from './features/calls/recent-calls';

export interface AppProps {
  /** Base URL of the Temporal Web UI, where each call's workflow can be inspected. */
  temporalUiUrl: string;
}

export function App({ temporalUiUrl }: AppProps) {
  return (
    <main className="page">
      <header>
        <h1>Call Scheduler</h1>
        <p>Schedules outbound phone calls and follows each one through dialing, retries and completion.</p>
        <nav className="links">
          <a href="/api/docs">API docs</a>
          <a href={temporalUiUrl} target="_blank" rel="noreferrer">
            Temporal Web UI
          </a>
        </nav>
      </header>
      <RecentCalls />
    </main>
  );
}
