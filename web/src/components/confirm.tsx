import { FormError } from './form-error';

export interface ConfirmProps {
  /** The group's accessible name: "Confirm cancellation". */
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onKeep: () => void;
}

/** Asks before something that cannot be undone; the focus starts on going ahead, "Keep it" backs out. */
export function Confirm({ label, question, confirmLabel, pending, error, onConfirm, onKeep }: ConfirmProps) {
  return (
    <div className="inline-form" role="group" aria-label={label}>
      <p>{question}</p>
      <FormError message={error?.message} />
      <div className="actions">
        <button type="button" className="danger" autoFocus disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onKeep}>
          Keep it
        </button>
      </div>
    </div>
  );
}
