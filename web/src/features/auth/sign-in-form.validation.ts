import type { SignInRequest } from '@call-scheduler/shared';
import type { FormCheck, FormErrors } from '../../lib/use-form';

export type SignInErrors = FormErrors<keyof SignInRequest>;

/** The request to send, or what is missing; only the API judges whether the two match. */
export function checkSignInForm(values: SignInRequest): FormCheck<SignInRequest> {
  const errors: SignInErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Enter your email address.';
  if (!values.password) errors.password = 'Enter your password.';
  return Object.keys(errors).length > 0 ? { errors } : { request: { email, password: values.password } };
}
