import type { SignInRequest } from '@call-scheduler/shared';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import { useForm } from '../../../lib/use-form';
import { useSignIn } from '../api/sign-in';
import { describeSignInFailure } from '../sign-in-failure';
import { checkSignInForm } from '../sign-in-form.validation';

/** Email and password; once signed in, the page asked for (its URL hash kept) takes over. */
export function SignInPage() {
  const form = useForm<SignInRequest>(() => ({ email: '', password: '' }));
  const signIn = useSignIn();
  const titleId = useId();

  const submit = form.onSubmit(checkSignInForm, (request) =>
    signIn.mutate(request, { onError: (error) => form.showApiError(error, describeSignInFailure) }),
  );

  return (
    <main className="sign-in">
      <form className="panel" onSubmit={submit} noValidate aria-labelledby={titleId}>
        <h1 id={titleId}>Sign in to Call Scheduler</h1>
        <InputField label="Email" type="email" autoComplete="username" autoFocus {...form.field('email')} />
        <InputField label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        <FormError message={form.formError} />
        <button type="submit" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>
    </main>
  );
}
