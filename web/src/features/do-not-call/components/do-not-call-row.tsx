import type { Actor, DoNotCallEntryDto } from '@call-scheduler/shared';
import { useState } from 'react';
import { Confirm } from '../../../components/confirm';
import { formatDateTime } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';
import { formatPhoneNumber } from '../../calls/phone-number-input';
import { useRemoveDoNotCall } from '../api/change-do-not-call';

export interface DoNotCallRowProps {
  entry: DoNotCallEntryDto;
  /** Admins may take a number off the list, once they confirm. */
  removable: boolean;
}

/** One listed number: why, and when and by whom it was added. */
export function DoNotCallRow({ entry, removable }: DoNotCallRowProps) {
  const timeZone = useTimeZone();
  const [confirming, setConfirming] = useState(false);
  const number = formatPhoneNumber(entry.phoneNumber);
  return (
    <tr>
      <th scope="row" className="mono">
        {number}
      </th>
      <td>{entry.reason ?? '—'}</td>
      <td>
        {formatDateTime(entry.addedAt, timeZone)}
        {entry.addedBy && ` by ${describeActor(entry.addedBy)}`}
      </td>
      {removable && (
        <td>
          {confirming ? (
            <ConfirmRemove entry={entry} number={number} onDone={() => setConfirming(false)} />
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Remove<span className="visually-hidden"> {number}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/** "Ada Lovelace", or "key ci-bot" for a program. */
function describeActor(actor: Actor): string {
  return actor.kind === 'key' ? `key ${actor.name}` : actor.name;
}

function ConfirmRemove({ entry, number, onDone }: { entry: DoNotCallEntryDto; number: string; onDone: () => void }) {
  const remove = useRemoveDoNotCall();
  return (
    <Confirm
      label={`Confirm removing ${number}`}
      question={`Take ${number} off the list? The account's calls may dial it again.`}
      confirmLabel="Yes, remove"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(entry.phoneNumber, { onSuccess: onDone })}
      onKeep={onDone}
    />
  );
}
