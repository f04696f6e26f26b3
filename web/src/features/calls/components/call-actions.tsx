import type { CallDto } from '@call-scheduler/shared';
import { useId, useState, type FormEvent } from 'react';
import { Confirm } from '../../../components/confirm';
import { FieldError } from '../../../components/field-error';
import { ApiError } from '../../../lib/api-client';
import { useCallerRole } from '../../../lib/caller-role';
import { fromLocalInputValue, toLocalInputValue } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';
import { useCancelCall, useRescheduleCall, useStartCallNow } from '../api/call-commands';
import { callActionAvailability } from '../call-actions.rules';

type OpenAction = 'reschedule' | 'cancel' | null;

/** Reschedule, start now and cancel, for a pending call and a role that acts; otherwise disabled, with the reason shown. */
export function CallActions({ call }: { call: CallDto }) {
  const availability = callActionAvailability(call, useCallerRole());
  const [open, setOpen] = useState<OpenAction>(null);
  const startNow = useStartCallNow(call.id);
  const id = useId();
  const disabled = !availability.allowed;
  const reasonId = `${id}-reason`;
  const error = startNow.error?.message;

  return (
    <div className="call-actions">
      <div className="actions" role="group" aria-label="Call actions">
        <button type="button" disabled={disabled} aria-describedby={disabled ? reasonId : undefined} onClick={() => setOpen('reschedule')}>
          Reschedule
        </button>
        <button
          type="button"
          disabled={disabled || startNow.isPending}
          aria-describedby={disabled ? reasonId : undefined}
          onClick={() => startNow.mutate(undefined)}
        >
          Start now
        </button>
        <button
          type="button"
          className="danger"
          disabled={disabled}
          aria-describedby={disabled ? reasonId : undefined}
          onClick={() => setOpen('cancel')}
        >
          Cancel call
        </button>
      </div>
      {!availability.allowed && (
        <p id={reasonId} className="hint">
          {availability.reason}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {availability.allowed && open === 'reschedule' && <RescheduleForm call={call} onDone={() => setOpen(null)} />}
      {availability.allowed && open === 'cancel' && <ConfirmCancel call={call} onDone={() => setOpen(null)} />}
    </div>
  );
}

function RescheduleForm({ call, onDone }: { call: CallDto; onDone: () => void }) {
  const timeZone = useTimeZone();
  const [value, setValue] = useState(() => toLocalInputValue(call.nextAttemptAt ?? call.scheduledAt, timeZone));
  const [problem, setProblem] = useState<string | undefined>();
  const reschedule = useRescheduleCall(call.id);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scheduledAt = fromLocalInputValue(value, timeZone);
    if (!scheduledAt) return setProblem('Enter a complete date and time.');
    reschedule.mutate(scheduledAt, {
      onSuccess: onDone,
      onError: (error) => setProblem(error instanceof ApiError ? (error.fieldErrors.scheduledAt ?? error.message) : error.message),
    });
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-time`}>New date and time</label>
      <input
        id={`${id}-time`}
        type="datetime-local"
        step={1}
        autoFocus
        min={toLocalInputValue(new Date(), timeZone)}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(undefined);
        }}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={problem} />
      <div className="actions">
        <button type="submit" disabled={reschedule.isPending}>
          Save new time
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Keep current time
        </button>
      </div>
    </form>
  );
}

function ConfirmCancel({ call, onDone }: { call: CallDto; onDone: () => void }) {
  const cancel = useCancelCall(call.id);
  return (
    <Confirm
      label="Confirm cancellation"
      question="Cancel this call? Nothing more will be dialed."
      confirmLabel="Yes, cancel the call"
      pending={cancel.isPending}
      error={cancel.error}
      onConfirm={() => cancel.mutate(undefined, { onSuccess: onDone })}
      onKeep={onDone}
    />
  );
}
