import { PASSWORD_MIN_LENGTH, type CreateUserRequest } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import { ApiError } from '../../../lib/api-client';
import { useForm } from '../../../lib/use-form';
import { useCreateUser } from '../api/create-user';
import { checkUserForm } from '../user-form.validation';
import { RoleField } from './role-field';

/** Adds a person to the account, with the role and first password an admin gives them. */
export function UserForm() {
  const form = useForm<CreateUserRequest>(() => ({ email: '', name: '', role: 'operator', password: '' }));
  const createUser = useCreateUser();
  const [added, setAdded] = useState<string | null>(null);
  const titleId = useId();

  const submit = form.onSubmit(checkUserForm, (request) =>
    createUser.mutate(request, {
      onSuccess: (user) => {
        form.reset();
        setAdded(`Added ${user.name}: they can sign in now.`);
      },
      // The one conflict there is: another user already has this email.
      onError: (error) => (error instanceof ApiError && error.status === 409 ? form.showErrors({ email: error.message }) : form.showApiError(error)),
    }),
  );

  return (
    <form className="inline-form" onSubmit={submit} onChange={() => setAdded(null)} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Add a user</h3>
      <div className="field-row">
        <InputField label="Email" type="email" autoComplete="off" {...form.field('email')} />
        <InputField label="Name" autoComplete="off" {...form.field('name')} />
      </div>
      <RoleField {...form.field('role')} />
      <InputField label="Password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} {...form.field('password')} />
      <FormError message={form.formError} />
      <div className="actions">
        <button type="submit" disabled={createUser.isPending}>
          Add user
        </button>
      </div>
      <p role="status" className="done">
        {added}
      </p>
    </form>
  );
}
