import { canActOnCalls, canManageAccount } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { useCallerRole } from '../../../lib/caller-role';
import { DoNotCallForm } from './do-not-call-form';
import { DoNotCallImport } from './do-not-call-import';
import { DoNotCallList } from './do-not-call-list';

/** The numbers the account's calls never dial: operators add and import them, admins also remove them, viewers read. */
export function DoNotCallPage() {
  const role = useCallerRole();
  const [importing, setImporting] = useState(false);
  const titleId = useId();
  return (
    <section className="panel do-not-call" aria-labelledby={titleId}>
      <h2 id={titleId}>Do not call</h2>
      <p className="hint">A new call to a listed number is refused; a call made before its number was listed ends blocked, undialled.</p>
      {canActOnCalls(role) ? (
        <>
          <DoNotCallForm />
          {importing ? (
            <DoNotCallImport onClose={() => setImporting(false)} />
          ) : (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setImporting(true)}>
                Import CSV
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="hint">Viewers can only read the list.</p>
      )}
      <DoNotCallList removable={canManageAccount(role)} />
    </section>
  );
}
