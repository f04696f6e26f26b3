import type { CreatedApiKeyDto } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { QueryState } from '../../../components/query-state';
import { useApiKeys } from '../api/get-api-keys';
import { ApiKeyForm } from './api-key-form';
import { ApiKeyRow } from './api-key-row';
import { NewKeySecret } from './new-key-secret';

/** The keys programs call the API with: when each was last used, revoking one, creating one. */
export function ApiKeysSection() {
  const apiKeys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>API keys</h2>
      <QueryState query={apiKeys} what="the API keys" />
      {apiKeys.data?.length === 0 && <p>No API keys yet.</p>}
      {apiKeys.data && apiKeys.data.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Prefix</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {apiKeys.data.map((key) => (
                <ApiKeyRow key={key.id} apiKey={key} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {created && <NewKeySecret apiKey={created} onDone={() => setCreated(null)} />}
      <ApiKeyForm onCreated={setCreated} />
    </section>
  );
}
