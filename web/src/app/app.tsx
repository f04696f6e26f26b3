import { SessionGate } from '../features/auth/components/session-gate';
import { Workspace } from './workspace';

export interface AppProps {
  /** Base URL of the Temporal Web UI, for the link in the header. */
  temporalUiUrl: string;
}

/** The sign-in page until someone is signed in, then their workspace. */
export function App({ temporalUiUrl }: AppProps) {
  return <SessionGate>{(me) => <Workspace me={me} temporalUiUrl={temporalUiUrl} />}</SessionGate>;
}
