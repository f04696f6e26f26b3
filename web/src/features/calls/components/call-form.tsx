import { CALL_LIMITS, type CallDto, type CreateCallRequest, type CreateScheduleRequest, type DefaultCallingWindow, type ScheduleDto } from '@call-scheduler/shared';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '../../../components/field-error';
import { ApiError } from '../../../lib/api-client';
import { useCallerRole } from '../../../lib/caller-role';
import { describeTimeZone, formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';
import { useCreateSchedule } from '../../schedules/api/schedules';
import { describeScheduleTiming } from '../../schedules/schedule-description';
import { SCHEDULES_HREF } from '../../schedules/schedules-href';
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
import {
  API_FIELD_OF_TIMING_FIELD,
  checkCallTiming,
  initialCallTiming,
  type CallTiming,
  type CallTimingErrors,
  type CallTimingField,
  type CallTimingValues,
} from '../call-timing.validation';
import { countryOptions, defaultCountry, formatAsTyped, formatPhoneNumber, toE164 } from '../phone-number-input';
import { callHref } from '../selected-call';
import { CallTimingFields } from './call-timing-fields';

const EMPTY_CALL = { phone: '', scheduledAt: '', note: '' };

function initialValues(): CallFormValues {
  return {
    ...EMPTY_CALL,
    country: defaultCountry(),
    maxAttempts: String(CALL_LIMITS.maxAttempts.default),
    retryDelayMinutes: String(CALL_LIMITS.retryDelaySeconds.default / 60),
  };
}

export interface CallFormProps {
  /** The account's calling hours, which a call keeps unless the operator picks others; null: any hour. */
  defaultWindow: DefaultCallingWindow | null;
}

/**
 * Schedules a call for a time in the operator's zone, or starts one now, or makes it repeat; within calling hours
 * and by a deadline where asked. Disabled, saying why, for a role that may not.
 */
export function CallForm({ defaultWindow }: CallFormProps) {
  const availability = callCommandAvailability(useCallerRole());
  const timeZone = useTimeZone();
  const countries = useMemo(countryOptions, []);
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<Partial<Record<CallFormField, boolean>>>({});
  const [submitErrors, setSubmitErrors] = useState<CallFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; href: string; link: string } | null>(null);
  const [timing, setTiming] = useState<CallTimingValues>(() => initialCallTiming(null));
  const [timingTouched, setTimingTouched] = useState<Partial<Record<CallTimingField, boolean>>>({});
  const [timingSubmitErrors, setTimingSubmitErrors] = useState<CallTimingErrors>({});
  const windowModeChosen = useRef(false);
  const idempotency = useRef<{ body: string; key: string } | null>(null);
  const fields = useRef<Partial<Record<CallFormField, HTMLElement | null>>>({});
  const createCall = useCreateCall();
  const createSchedule = useCreateSchedule();
  const id = useId();

  // The account's hours, once known, are the default a call keeps unless the operator chose otherwise.
  useEffect(() => {
    if (defaultWindow && !windowModeChosen.current) setTiming((previous) => ({ ...initialCallTiming(defaultWindow), ...pickChosen(previous) }));
  }, [defaultWindow]);

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

  const timingContext = (intent: CallFormIntent) => {
    const phone = toE164(values.phone, values.country);
    const scheduledAt = intent === 'schedule' ? fromLocalInputValue(values.scheduledAt, timeZone) : null;
    return { now: new Date(), timeZone, e164: 'e164' in phone ? phone.e164 : null, defaultWindow, scheduledAt };
  };
  const liveTimingContext = timingContext(liveIntent);
  const liveTiming = checkCallTiming(timing, liveTimingContext);
  const liveTimingErrors = liveTiming.errors ?? {};
  const timingErrorOf = (field: CallTimingField) => timingSubmitErrors[field] ?? (timingTouched[field] ? liveTimingErrors[field] : undefined);
  const changeTiming = (changes: Partial<CallTimingValues>) => {
    if (changes.windowMode) windowModeChosen.current = true;
    setTiming((previous) => ({ ...previous, ...changes }));
    setTimingSubmitErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !(field in changes))));
    setFormError(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent: CallFormIntent = submitter?.value === 'start-now' ? 'start-now' : 'schedule';
    const check = checkCallForm(values, intent, { now: new Date(), timeZone });
    const timingCheck = checkCallTiming(timing, timingContext(intent));
    setDone(null);
    setFormError(null);
    if (check.errors || timingCheck.errors) {
      setTouched({ phone: true, scheduledAt: intent === 'schedule', note: true, maxAttempts: true, retryDelayMinutes: true });
      setTimingTouched({ calleeTimeZone: true, days: true, from: true, to: true, latestAt: true, repeat: true, cron: true });
      setSubmitErrors(check.errors ?? {});
      setTimingSubmitErrors(timingCheck.errors ?? {});
      focusFirst([...Object.keys(check.errors ?? {}), ...Object.keys(timingCheck.errors ?? {})]);
      return;
    }
    setSubmitErrors({});
    setTimingSubmitErrors({});
    const made = () => {
      idempotency.current = null;
      setValues((previous) => ({ ...previous, ...EMPTY_CALL }));
      setTiming((previous) => ({ ...previous, latestAt: '', repeat: 'none', cron: '' }));
      setTouched({});
      setTimingTouched({});
    };
    if (timingCheck.timing.repeat) {
      createSchedule.mutate(scheduleRequest(check.request, timingCheck.timing), {
        onSuccess: (schedule) => {
          made();
          setDone({ text: describeScheduleMade(schedule, timeZone), href: SCHEDULES_HREF, link: 'See it' });
        },
        onError: (error) => showServerError(error),
      });
      return;
    }
    const request = callRequest(check.request, timingCheck.timing);
    createCall.mutate(
      { request, idempotencyKey: idempotencyKeyFor(request) },
      {
        onSuccess: (call) => {
          made();
          setDone({ text: describeCreated(call, intent, timeZone), href: callHref(call.id), link: 'Follow it' });
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
    const byTimingField: CallTimingErrors = {};
    const unplaced: string[] = [];
    for (const [apiField, message] of Object.entries(error instanceof ApiError ? error.fieldErrors : {})) {
      const field = FORM_FIELD_OF_API_FIELD[apiField];
      const timingField = API_FIELD_OF_TIMING_FIELD[apiField];
      if (field) byField[field] = withoutFieldName(apiField, message);
      else if (timingField) byTimingField[timingField] = withoutFieldName(apiField, message);
      else unplaced.push(message);
    }
    setSubmitErrors(byField);
    setTimingSubmitErrors(byTimingField);
    const placed = [...Object.keys(byField), ...Object.keys(byTimingField)];
    setFormError(placed.length > 0 && unplaced.length === 0 ? null : unplaced.join(' ') || error.message);
    focusFirst(placed);
  };

  const focusFirst = (invalid: string[]) => {
    const order = ['phone', 'scheduledAt', 'note', 'maxAttempts', 'retryDelayMinutes', 'calleeTimeZone', 'from', 'to', 'latestAt', 'cron'] as const;
    const first = order.find((field) => invalid.includes(field));
    const element = first && (fields.current[first as CallFormField] ?? document.getElementById(`${id}-${first}`));
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

        <CallTimingFields
          id={id}
          values={timing}
          context={liveTimingContext}
          defaultWindow={defaultWindow}
          repeat={liveTiming.timing?.repeat ?? null}
          errorOf={timingErrorOf}
          onChange={changeTiming}
          onBlur={(field) => setTimingTouched((previous) => ({ ...previous, [field]: true }))}
        />

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
          <button type="submit" value="schedule" disabled={createCall.isPending || createSchedule.isPending} aria-describedby={reasonId}>
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
            {done.text} <a href={done.href}>{done.link}</a>
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

function describeScheduleMade(schedule: ScheduleDto, timeZone: string): string {
  const [first] = schedule.nextRunTimes;
  const next = first ? `, first on ${formatDateTime(first, timeZone)}` : '';
  return `Recurring call to ${formatPhoneNumber(schedule.phoneNumber)}: ${describeScheduleTiming(schedule)}${next}.`;
}

/** A call with its window and deadline: the account's default window applies where the timing leaves it out. */
function callRequest(request: CreateCallRequest, { window, latestAt }: CallTiming): CreateCallRequest {
  return { ...request, ...(window === undefined ? {} : { window }), ...(latestAt ? { latestAt } : {}) };
}

/** A repeating call: the schedule makes each call due at its run, so the call's own time goes. */
function scheduleRequest({ scheduledAt: _once, ...call }: CreateCallRequest, { window, repeat }: CallTiming): CreateScheduleRequest {
  const { cron, timeZone, startAt } = repeat!;
  return { ...call, timeZone, cron: cron!, ...(startAt ? { startAt } : {}), ...(window === undefined ? {} : { window }) };
}

/** What the operator chose before the account's hours were known, kept when they arrive. */
function pickChosen({ calleeTimeZone, latestAt, repeat, cron }: CallTimingValues): Partial<CallTimingValues> {
  return { calleeTimeZone, latestAt, repeat, cron };
}
