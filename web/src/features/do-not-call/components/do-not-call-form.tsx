import { DO_NOT_CALL_LIMITS } from '@call-scheduler/shared';
import { useId, useMemo, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import { useForm } from '../../../lib/use-form';
import { defaultCountry, formatAsTyped, formatPhoneNumber, toE164, type CountryCode } from '../../calls/phone-number-input';
import { useAddDoNotCall } from '../api/change-do-not-call';
import { checkDoNotCallForm, type DoNotCallFormValues } from '../do-not-call-form.validation';

/** Lists a number, said as it will be listed while it is typed; a national number is read in the browser's country. */
export function DoNotCallForm() {
  const form = useForm<DoNotCallFormValues>(() => ({ phoneNumber: '', reason: '' }));
  const country = useMemo(() => defaultCountry(), []);
  const add = useAddDoNotCall();
  const [added, setAdded] = useState<string | null>(null);
  const titleId = useId();

  const submit = form.onSubmit(
    (values) => checkDoNotCallForm(values, country),
    (request) =>
      add.mutate(request, {
        onSuccess: (entry) => {
          form.reset();
          setAdded(`${formatPhoneNumber(entry.phoneNumber)} is on the list.`);
        },
        onError: (error) => form.showApiError(error),
      }),
  );

  return (
    <form className="inline-form" onSubmit={submit} onChange={() => setAdded(null)} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Add a number</h3>
      <div className="field-row">
        <InputField label="Phone number" type="tel" autoComplete="off" inputMode="tel" hint={phoneHint(form.values.phoneNumber, country)} {...form.field('phoneNumber')} />
        <InputField label="Reason (optional)" autoComplete="off" maxLength={DO_NOT_CALL_LIMITS.reasonMaxLength} {...form.field('reason')} />
      </div>
      <FormError message={form.formError} />
      <div className="actions">
        <button type="submit" disabled={add.isPending}>
          Add to the list
        </button>
      </div>
      <p role="status" className="done">
        {added}
      </p>
    </form>
  );
}

function phoneHint(input: string, country: CountryCode): string {
  const phone = toE164(input, country);
  if ('e164' in phone) return `Will list ${formatPhoneNumber(phone.e164)}`;
  if (input.trim()) return `Reads as ${formatAsTyped(input, country)}`;
  return `With + and the country code, or a national number of ${new Intl.DisplayNames(undefined, { type: 'region' }).of(country) ?? country}.`;
}
