import type { ApiKeyDto } from '@call-scheduler/shared';
import { useState } from 'react';
import { Confirm } from '../../../components/confirm';
import { formatDateTime } from '../../../lib/date-time';
import { ROLE_LABELS } from '../../../lib/role-labels';
import { useTimeZone } from '../../../lib/time-zone';
import { useRevokeApiKey } from '../api/revoke-api-key';

/** One key; an active one can be revoked, once the admin confirms. */
export function ApiKeyRow({ apiKey }: { apiKey: ApiKeyDto }) {
  const timeZone = useTimeZone();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">{apiKey.name}</th>
      <td>{ROLE_LABELS[apiKey.role]}</td>
      <td className="mono">{apiKey.prefix}…</td>
      <td>{formatDateTime(apiKey.createdAt, timeZone)}</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt, timeZone) : 'Never'}</td>
      <td>
        {apiKey.revokedAt ? (
          `Revoked ${formatDateTime(apiKey.revokedAt, timeZone)}`
        ) : confirming ? (
          <ConfirmRevoke apiKey={apiKey} onDone={() => setConfirming(false)} />
        ) : (
          <span className="key-status">
            Active{' '}
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Revoke<span className="visually-hidden"> key {apiKey.name}</span>
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

function ConfirmRevoke({ apiKey, onDone }: { apiKey: ApiKeyDto; onDone: () => void }) {
  const revoke = useRevokeApiKey();
  return (
    <Confirm
      label={`Confirm revoking ${apiKey.name}`}
      question={`Revoke ${apiKey.name}? Programs using it are refused from now on.`}
      confirmLabel="Yes, revoke"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: onDone })}
      onKeep={onDone}
    />
  );
}
