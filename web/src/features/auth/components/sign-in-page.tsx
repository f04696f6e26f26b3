import { EXPIRED_SIGN_IN_LINK_PARAM, type SignInRequest } from '@call-scheduler/shared';
import { useId, useState } from 'react';
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
  const [linkExpired] = useState(takeExpiredLinkNotice);

  const submit = form.onSubmit(checkSignInForm, (request) =>
    signIn.mutate(request, { onError: (error) => form.showApiError(error, describeSignInFailure) }),
  );

  return (
    <main className="sign-in">
      <form className="panel" onSubmit={submit} noValidate aria-labelledby={titleId}>
        <h1 id={titleId}>Sign in to Call Scheduler</h1>
        {linkExpired && (
          <p role="status" className="notice">
            That sign-in link has expired or was used already. Sign in with your password, or get a new link with{' '}
            <code>npm run accounts -- sign-in-link --email &lt;your email&gt;</code>.
          </p>
        )}
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

/** Whether the API sent the browser here from a sign-in link that no longer works; the URL forgets it, so a reload does not say it again. */
function takeExpiredLinkNotice(): boolean {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(EXPIRED_SIGN_IN_LINK_PARAM)) return false;
  url.searchParams.delete(EXPIRED_SIGN_IN_LINK_PARAM);
  window.history.replaceState(window.history.state, '', url);
  return true;
}
