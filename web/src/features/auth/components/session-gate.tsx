import type { MeDto } from '@call-scheduler/shared';
import type { ReactNode } from 'react';
import { useSession } from '../api/get-session';
import { SignInPage } from './sign-in-page';

/** Shows `children` to whoever is signed in and the sign-in page to anyone else, asking the API which on load. */
export function SessionGate({ children }: { children: (me: MeDto) => ReactNode }) {
  const session = useSession();
  if (session.data) return children(session.data);
  if (session.data === null) return <SignInPage />;
  return (
    <main className="sign-in">
      {session.isError ? (
        <div className="panel">
          <p role="alert" className="error">
            Could not ask the API who is signed in: {session.error.message}
          </p>
          <button type="button" onClick={() => void session.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <p role="status">Loading…</p>
      )}
    </main>
  );
}
