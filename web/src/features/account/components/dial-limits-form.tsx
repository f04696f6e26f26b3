import { DIAL_LIMIT_BOUNDS, type DialLimits } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import { QueryState } from '../../../components/query-state';
import { useForm } from '../../../lib/use-form';
import { useAccount } from '../api/get-account';
import { useUpdateDialLimits } from '../api/update-dial-limits';
import { checkDialLimits, toDialLimitsValues } from '../dial-limits.validation';

const LABELS: Record<keyof DialLimits, string> = {
  dialsPerHour: 'Dials per hour',
  dialsPerDay: 'Dials per day',
  maxConcurrentCalls: 'Calls in progress at once',
};

/** The account's spend cap: how many dials it may make, and how many calls it may have going at once. */
export function DialLimitsSection() {
  const account = useAccount();
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Spend cap</h2>
      <p className="hint">A call that falls due with no room left waits, marked held, until there is room again.</p>
      <QueryState query={account} what="the account" />
      {account.data && <DialLimitsForm limits={account.data.limits} />}
    </section>
  );
}

function DialLimitsForm({ limits }: { limits: DialLimits }) {
  const form = useForm(() => toDialLimitsValues(limits));
  const update = useUpdateDialLimits();
  const [saved, setSaved] = useState(false);

  const submit = form.onSubmit(checkDialLimits, (request) =>
    update.mutate(request, { onSuccess: () => setSaved(true), onError: (error) => form.showApiError(error) }),
  );

  return (
    <form onSubmit={submit} onChange={() => setSaved(false)} noValidate>
      <div className="field-row">
        {(Object.keys(LABELS) as (keyof DialLimits)[]).map((field) => (
          <InputField
            key={field}
            label={LABELS[field]}
            hint={`From ${DIAL_LIMIT_BOUNDS[field].min.toLocaleString()} to ${DIAL_LIMIT_BOUNDS[field].max.toLocaleString()}`}
            type="number"
            inputMode="numeric"
            {...form.field(field)}
          />
        ))}
      </div>
      <FormError message={form.formError} />
      <button type="submit" disabled={update.isPending}>
        Save limits
      </button>
      <p role="status" className="done">
        {saved && 'Limits saved.'}
      </p>
    </form>
  );
}
