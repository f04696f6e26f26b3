import { CALL_LIMITS, type CallDto, type CreateCallRequest } from '@call-scheduler/shared';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '../../../components/field-error';
import { ApiError } from '../../../lib/api-client';
import { useCallerRole } from '../../../lib/caller-role';
import { describeTimeZone, formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';
import { useCreateCall } from '../api/create-call';
import { callCommandAvailability } from '../call-actions.rules';
import {
  checkCallForm,
  FORM_FIELD_OF_API_FIELD,
  type CallFormErrors,
  type CallFormField,
  type CallFormIntent,
  type CallFormValues,
} from '../call-form.validation';
import { countryOptions, defaultCountry, formatAsTyped, formatPhoneNumber, toE164 } from '../phone-number-input';
import { callHref } from '../selected-call';

const EMPTY_CALL = { phone: '', scheduledAt: '', note: '' };

function initialValues(): CallFormValues {
  return {
    ...EMPTY_CALL,
    country: defaultCountry(),
    maxAttempts: String(CALL_LIMITS.maxAttempts.default),
    retryDelayMinutes: String(CALL_LIMITS.retryDelaySeconds.default / 60),
  };
}

/** Schedules a call for a time in the operator's zone, or starts one now; disabled, saying why, for a role that may not. */
export function CallForm() {
  const availability = callCommandAvailability(useCallerRole());
  const timeZone = useTimeZone();
  const countries = useMemo(countryOptions, []);
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<Partial<Record<CallFormField, boolean>>>({});
  const [submitErrors, setSubmitErrors] = useState<CallFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; callId: string } | null>(null);
  const idempotency = useRef<{ body: string; key: string } | null>(null);
  const fields = useRef<Partial<Record<CallFormField, HTMLElement | null>>>({});
  const createCall = useCreateCall();
  const id = useId();

  const liveIntent: CallFormIntent = values.scheduledAt ? 'schedule' : 'start-now';
  const liveErrors = checkCallForm(values, liveIntent, { now: new Date(), timeZone }).errors ?? {};
  const errorOf = (field: CallFormField) => submitErrors[field] ?? (touched[field] ? liveErrors[field] : undefined);

  const change = (field: keyof CallFormValues, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    // Another country reads the same digits as another number: the phone's old error no longer holds.
    const changed: CallFormField = field === 'country' ? 'phone' : field;
    setSubmitErrors(({ [changed]: _dropped, ...rest }) => rest);
    setFormError(null);
  };
  const touch = (field: CallFormField) => setTouched((previous) => ({ ...previous, [field]: true }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent: CallFormIntent = submitter?.value === 'start-now' ? 'start-now' : 'schedule';
    const check = checkCallForm(values, intent, { now: new Date(), timeZone });
    setDone(null);
    setFormError(null);
    if (check.errors) {
      setTouched({ phone: true, scheduledAt: intent === 'schedule', note: true, maxAttempts: true, retryDelayMinutes: true });
      setSubmitErrors(check.errors);
      focusFirst(Object.keys(check.errors) as CallFormField[]);
      return;
    }
    setSubmitErrors({});
    createCall.mutate(
      { request: check.request, idempotencyKey: idempotencyKeyFor(check.request) },
      {
        onSuccess: (call) => {
          idempotency.current = null;
          setValues((previous) => ({ ...previous, ...EMPTY_CALL }));
          setTouched({});
          setDone({ text: describeCreated(call, intent, timeZone), callId: call.id });
        },
        onError: (error) => showServerError(error),
      },
    );
  };

  /** A retried submission of the same request reuses its key, so the API makes the call once. */
  const idempotencyKeyFor = (request: CreateCallRequest): string => {
    const body = JSON.stringify(request);
    if (idempotency.current?.body !== body) idempotency.current = { body, key: crypto.randomUUID() };
    return idempotency.current.key;
  };

  const showServerError = (error: Error) => {
    const byField: CallFormErrors = {};
    const unplaced: string[] = [];
    for (const [apiField, message] of Object.entries(error instanceof ApiError ? error.fieldErrors : {})) {
      const field = FORM_FIELD_OF_API_FIELD[apiField];
      if (field) byField[field] = withoutFieldName(apiField, message);
      else unplaced.push(message);
    }
    setSubmitErrors(byField);
    const placed = Object.keys(byField) as CallFormField[];
    setFormError(placed.length > 0 && unplaced.length === 0 ? null : unplaced.join(' ') || error.message);
    focusFirst(placed);
  };

  const focusFirst = (invalid: CallFormField[]) => {
    const first = (['phone', 'scheduledAt', 'note', 'maxAttempts', 'retryDelayMinutes'] as const).find((field) => invalid.includes(field));
    const element = first && fields.current[first];
    if (!element) return;
    // A field in the closed retries section can be neither seen nor focused.
    const section = element.closest('details');
    if (section) section.open = true;
    element.focus();
  };

  const reasonId = availability.allowed ? undefined : `${id}-reason`;
  const phone = toE164(values.phone, values.country);
  const scheduledInstant = fromLocalInputValue(values.scheduledAt, timeZone);
  const describedBy = (field: CallFormField, ...more: string[]) => [errorOf(field) ? `${id}-${field}-error` : '', ...more].filter(Boolean).join(' ') || undefined;

  return (
    <form className="call-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New call</h2>
      {!availability.allowed && (
        <p id={`${id}-reason`} className="hint">
          {availability.reason}
        </p>
      )}
      <fieldset className="plain" disabled={!availability.allowed} aria-describedby={reasonId}>
        <div className="field">
          <label htmlFor={`${id}-phone`}>Phone number</label>
          <div className="phone-inputs">
            <select aria-label="Country" value={values.country} onChange={(event) => change('country', event.target.value)}>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.label}
                </option>
              ))}
            </select>
            <input
              id={`${id}-phone`}
              ref={(element) => void (fields.current.phone = element)}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              value={values.phone}
              onChange={(event) => change('phone', event.target.value)}
              onBlur={() => touch('phone')}
              aria-invalid={Boolean(errorOf('phone'))}
              aria-describedby={describedBy('phone', `${id}-phone-hint`)}
            />
          </div>
          <p id={`${id}-phone-hint`} className="hint">
            {'e164' in phone
              ? `Will call ${formatPhoneNumber(phone.e164)}`
              : values.phone.trim()
                ? `Reads as ${formatAsTyped(values.phone, values.country)}`
                : 'A national number in the country chosen, or + and the country code.'}
          </p>
          <FieldError id={`${id}-phone-error`} message={errorOf('phone')} />
        </div>

        <div className="field">
          <label htmlFor={`${id}-scheduledAt`}>Date and time (for Schedule)</label>
          <input
            id={`${id}-scheduledAt`}
            ref={(element) => void (fields.current.scheduledAt = element)}
            type="datetime-local"
            step={1}
            min={toLocalInputValue(new Date(), timeZone)}
            value={values.scheduledAt}
            onChange={(event) => change('scheduledAt', event.target.value)}
            onBlur={() => touch('scheduledAt')}
            aria-invalid={Boolean(errorOf('scheduledAt'))}
            aria-describedby={describedBy('scheduledAt', `${id}-zone`)}
          />
          <p id={`${id}-zone`} className="hint">
            Your time zone: {describeTimeZone(timeZone)}
            {scheduledInstant && ` · calls at ${formatDateTime(scheduledInstant, timeZone)}`}
          </p>
          <FieldError id={`${id}-scheduledAt-error`} message={errorOf('scheduledAt')} />
        </div>

        <div className="field">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <textarea
            id={`${id}-note`}
            ref={(element) => void (fields.current.note = element)}
            rows={2}
            maxLength={CALL_LIMITS.noteMaxLength}
            value={values.note}
            onChange={(event) => change('note', event.target.value)}
            aria-invalid={Boolean(errorOf('note'))}
            aria-describedby={describedBy('note')}
          />
          <FieldError id={`${id}-note-error`} message={errorOf('note')} />
        </div>

        <details className="retries">
          <summary>Retries when nobody answers</summary>
          <div className="field-row">
            <NumberField
              id={`${id}-maxAttempts`}
              label="Attempts"
              value={values.maxAttempts}
              error={errorOf('maxAttempts')}
              inputRef={(element) => void (fields.current.maxAttempts = element)}
              onChange={(value) => change('maxAttempts', value)}
              onBlur={() => touch('maxAttempts')}
            />
            <NumberField
              id={`${id}-retryDelayMinutes`}
              label="Minutes between attempts"
              value={values.retryDelayMinutes}
              error={errorOf('retryDelayMinutes')}
              inputRef={(element) => void (fields.current.retryDelayMinutes = element)}
              onChange={(value) => change('retryDelayMinutes', value)}
              onBlur={() => touch('retryDelayMinutes')}
            />
          </div>
        </details>

        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" value="schedule" disabled={createCall.isPending} aria-describedby={reasonId}>
            Schedule
          </button>
          <button type="submit" value="start-now" className="secondary" disabled={createCall.isPending} aria-describedby={reasonId}>
            Start now
          </button>
        </div>
      </fieldset>
      <p role="status" className="done">
        {done && (
          <>
            {done.text} <a href={callHref(done.callId)}>Follow it</a>
          </>
        )}
      </p>
    </form>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: (value: string) => void;
  onBlur: () => void;
}

function NumberField({ id, label, value, error, inputRef, onChange, onBlur }: NumberFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="number"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function describeCreated(call: CallDto, intent: CallFormIntent, timeZone: string): string {
  return intent === 'start-now'
    ? `Calling ${formatPhoneNumber(call.phoneNumber)} now.`
    : `Call to ${formatPhoneNumber(call.phoneNumber)} scheduled for ${formatDateTime(call.scheduledAt, timeZone)}.`;
}

/** "phoneNumber is not a valid phone number for US" reads, next to its field, "This is not a valid ...". */
function withoutFieldName(apiField: string, message: string): string {
  return message.startsWith(`${apiField} `) ? `This ${message.slice(apiField.length + 1)}` : message;
}
