import type { CreatedApiKeyDto } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { InputField } from '../../../components/input-field';

type CopyState = 'idle' | 'copied' | 'failed';

/** A new key's secret, this once: the API keeps only a hash of it, so it cannot be shown again. */
export function NewKeySecret({ apiKey, onDone }: { apiKey: CreatedApiKeyDto; onDone: () => void }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const titleId = useId();

  const copySecret = async () => {
    try {
      // No clipboard outside a secure context: `navigator.clipboard` is then missing altogether.
      await navigator.clipboard.writeText(apiKey.secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div className="inline-form new-key" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>New key: {apiKey.name}</h3>
      <p>
        <strong>Copy this key now: it won’t be shown again.</strong>
      </p>
      <InputField label="Secret" className="mono" readOnly value={apiKey.secret} onFocus={(event) => event.target.select()} />
      <div className="actions">
        <button type="button" onClick={() => void copySecret()}>
          Copy key
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <p role="status" className="done">
        {copy === 'copied' ? 'Copied.' : copy === 'failed' ? 'Could not copy: select the key and copy it yourself.' : ''}
      </p>
    </div>
  );
}
