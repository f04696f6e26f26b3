import type { CreateApiKeyRequest, CreatedApiKeyDto } from '@call-scheduler/shared';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import { useForm } from '../../../lib/use-form';
import { useCreateApiKey } from '../api/create-api-key';
import { checkApiKeyForm } from '../api-key-form.validation';
import { RoleField } from './role-field';

/** Creates a key for a program; its secret goes to `onCreated`, to be shown this once. */
export function ApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKeyDto) => void }) {
  const form = useForm<CreateApiKeyRequest>(() => ({ name: '', role: 'operator' }));
  const createKey = useCreateApiKey();
  const titleId = useId();

  const submit = form.onSubmit(checkApiKeyForm, (request) =>
    createKey.mutate(request, {
      onSuccess: (key) => {
        form.reset();
        onCreated(key);
      },
      onError: (error) => form.showApiError(error),
    }),
  );

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Create a key</h3>
      <InputField label="Key name" autoComplete="off" hint="Say which program will use it, e.g. ci-bot." {...form.field('name')} />
      <RoleField {...form.field('role')} />
      <FormError message={form.formError} />
      <div className="actions">
        <button type="submit" disabled={createKey.isPending}>
          Create key
        </button>
      </div>
    </form>
  );
}
