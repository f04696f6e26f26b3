import { canManageAccount, type MeDto } from '@call-scheduler/shared';
import type { ReactElement } from 'react';
import { AccountPage } from '../features/account/components/account-page';
import { SchedulesPage } from '../features/schedules/components/schedules-page';
import { DoNotCallPage } from '../features/do-not-call/components/do-not-call-page';
import { useRecheckSession } from '../features/auth/api/get-session';
import { SessionMenu } from '../features/auth/components/session-menu';
import { useCallStream } from '../features/calls/api/call-stream';
import { CallerRoleProvider } from '../lib/caller-role';
import { CallsView } from './calls-view';
import { ConnectionBanner } from './connection-banner';
import { useSection, type Section } from './section';
import { SectionNav } from './section-nav';

/** The sections beside Calls, each a page of its own. */
const PAGES: Record<Exclude<Section, 'calls'>, () => ReactElement> = { schedules: SchedulesPage, 'do-not-call': DoNotCallPage, account: AccountPage };

export interface WorkspaceProps {
  me: MeDto;
  /** Base URL of the Temporal Web UI, for the link in the header. */
  temporalUiUrl: string;
}

/** The signed-in page: the header, and the section the URL asks for among those the role may open. */
export function Workspace({ me, temporalUiUrl }: WorkspaceProps) {
  // The live feed drops when the session ends, among other reasons: each drop asks the API which.
  const stream = useCallStream(useRecheckSession());
  const sections: Section[] = canManageAccount(me.role) ? ['calls', 'schedules', 'do-not-call', 'account'] : ['calls', 'schedules', 'do-not-call'];
  const asked = useSection();
  const section = sections.includes(asked) ? asked : 'calls';

  return (
    <CallerRoleProvider role={me.role}>
      <div className="page">
        <header className="page-header">
          <h1>Call Scheduler</h1>
          <p className={`live live-${stream}`}>{stream === 'live' ? 'Live' : stream === 'connecting' ? 'Connecting…' : 'Offline'}</p>
          {sections.length > 1 && <SectionNav sections={sections} current={section} />}
          <nav className="links" aria-label="Tools">
            <a href="/api/docs">API docs</a>
            <a href={temporalUiUrl} target="_blank" rel="noreferrer">
              Temporal Web UI<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </nav>
          <SessionMenu me={me} />
        </header>
        <ConnectionBanner status={stream} />
        {section === 'calls' ? <CallsView /> : <SectionPage section={section} />}
      </div>
    </CallerRoleProvider>
  );
}

function SectionPage({ section }: { section: Exclude<Section, 'calls'> }) {
  const Page = PAGES[section];
  return (
    <main className="layout">
      <Page />
    </main>
  );
}
