import type { CreateApiKeyRequest } from '@call-scheduler/shared';
import type { FormCheck } from '../../lib/use-form';

/** The key to create, or why not: it needs a name to be told apart in the list. */
export function checkApiKeyForm(values: CreateApiKeyRequest): FormCheck<CreateApiKeyRequest> {
  const name = values.name.trim();
  if (!name) return { errors: { name: 'Name the key after the program that will use it.' } };
  return { request: { ...values, name } };
}
