import { WEEKDAYS, defaultCallingWindowProblems, type DefaultCallingWindow } from '@call-scheduler/shared';
import { useId, useState, type FormEvent } from 'react';
import { CallingHoursFields } from '../../../components/calling-hours-fields';
import { FormError } from '../../../components/form-error';
import { QueryState } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { describeHours } from '../../calls/window-description';
import { useAccount } from '../api/get-account';
import { useUpdateDefaultWindow } from '../api/update-default-window';

const OFFICE_HOURS: DefaultCallingWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '21:00' };
type Field = keyof DefaultCallingWindow;

/** The hours the account's calls may ring, on each callee's clock, unless a call names its own. */
export function DefaultWindowSection() {
  const account = useAccount();
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Calling hours</h2>
      <p className="hint">
        New calls ring only in these hours, on the callee's clock (their zone is inferred from the number, or given with the call); a call due
        outside them waits. A call may keep other hours, or any hour.
      </p>
      <QueryState query={account} what="the account" />
      {account.data && <DefaultWindowForm current={account.data.defaultWindow} />}
    </section>
  );
}

function DefaultWindowForm({ current }: { current: DefaultCallingWindow | null }) {
  const [hours, setHours] = useState<DefaultCallingWindow>(current ?? OFFICE_HOURS);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const update = useUpdateDefaultWindow();
  const id = useId();

  const change = (changes: Partial<DefaultCallingWindow>) => {
    setHours((previous) => ({ ...previous, ...changes }));
    setSaved(null);
  };
  const save = (next: DefaultCallingWindow | null, done: string) =>
    update.mutate(next, {
      onSuccess: () => setSaved(done),
      onError: (error) => setErrors(error instanceof ApiError ? (error.fieldErrors as Partial<Record<Field, string>>) : {}),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = defaultCallingWindowProblems(hours);
    setErrors(Object.fromEntries(problems.map(({ field, message }) => [field, message])));
    if (problems.length === 0) save({ ...hours, days: WEEKDAYS.filter((day) => hours.days.includes(day)) }, 'Calling hours saved.');
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Calling hours">
      <p>{current ? `Now: ${describeHours(current)}.` : 'Now: any hour.'}</p>
      <CallingHoursFields id={id} hours={hours} errorOf={(field) => errors[field]} onChange={change} />
      <FormError message={update.error && !(update.error instanceof ApiError && Object.keys(update.error.fieldErrors).length > 0) ? update.error.message : undefined} />
      <div className="actions">
        <button type="submit" disabled={update.isPending}>
          Save hours
        </button>
        {current && (
          <button type="button" className="secondary" disabled={update.isPending} onClick={() => save(null, 'Calls ring at any hour.')}>
            Any hour
          </button>
        )}
      </div>
      <p role="status" className="done">
        {saved}
      </p>
    </form>
  );
}
