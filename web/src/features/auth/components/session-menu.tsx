import type { MeDto } from '@call-scheduler/shared';
import { FormError } from '../../../components/form-error';
import { ROLE_LABELS } from '../../../lib/role-labels';
import { useSignOut } from '../api/sign-out';
import { sessionName } from '../session-name';

/** Who is signed in, with what role in which account, and the way out. */
export function SessionMenu({ me }: { me: MeDto }) {
  const signOut = useSignOut();
  return (
    <div className="session" role="group" aria-label="Session">
      <p>
        Signed in as <strong>{sessionName(me)}</strong>, {ROLE_LABELS[me.role]} of <strong>{me.account.name}</strong>
      </p>
      <button type="button" className="secondary" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </button>
      <FormError message={signOut.error?.message} />
    </div>
  );
}
