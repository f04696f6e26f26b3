import { PASSWORD_MIN_LENGTH, type CreateUserRequest } from '@call-scheduler/shared';
import type { FormCheck, FormErrors } from '../../lib/use-form';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The user to create, or what is wrong with each field; the API alone knows whether the email is taken. */
export function checkUserForm(values: CreateUserRequest): FormCheck<CreateUserRequest> {
  const errors: FormErrors<keyof CreateUserRequest> = {};
  const email = values.email.trim();
  const name = values.name.trim();
  if (!EMAIL.test(email)) errors.email = 'Enter an email address, like ada@example.com.';
  if (!name) errors.name = 'Enter the person’s name.';
  if (values.password.length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  return Object.keys(errors).length > 0 ? { errors } : { request: { ...values, email, name } };
}
