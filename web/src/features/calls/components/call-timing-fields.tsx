import { calleeTimeZones, previewScheduleRuns, type DefaultCallingWindow, type ScheduleTiming } from '@call-scheduler/shared';
import { CallingHoursFields } from '../../../components/calling-hours-fields';
import { FieldError } from '../../../components/field-error';
import { formatDateTime } from '../../../lib/date-time';
import { describeCalleeZone, type CallTimingContext, type CallTimingField, type CallTimingValues } from '../call-timing.validation';
import { describeHours } from '../window-description';

export interface CallTimingFieldsProps {
  id: string;
  values: CallTimingValues;
  context: CallTimingContext;
  defaultWindow: DefaultCallingWindow | null;
  /** The repeat the values ask for, once they check out: its next calls are previewed. */
  repeat: ScheduleTiming | null;
  errorOf: (field: CallTimingField) => string | undefined;
  onChange: (values: Partial<CallTimingValues>) => void;
  onBlur: (field: CallTimingField) => void;
}

const PREVIEWED_RUNS = 5;

/** When the call may ring (the callee's zone and hours), by when it must be placed, and whether it repeats. */
export function CallTimingFields({ id, values, context, defaultWindow, repeat, errorOf, onChange, onBlur }: CallTimingFieldsProps) {
  const zones = context.e164 ? calleeTimeZones(context.e164).zones : [];
  const describedBy = (field: CallTimingField, ...more: string[]) => [errorOf(field) ? `${id}-${field}-error` : '', ...more].filter(Boolean).join(' ') || undefined;

  return (
    <details className="retries">
      <summary>When it may ring, deadline, repeat</summary>
      <div className="field">
        <label htmlFor={`${id}-calleeTimeZone`}>Callee's time zone</label>
        <input
          id={`${id}-calleeTimeZone`}
          list={`${id}-zones`}
          placeholder={describeCalleeZone({ calleeTimeZone: '' }, context.e164).replace(/^Inferred from the number: (.*)\.$/, '$1')}
          value={values.calleeTimeZone}
          onChange={(event) => onChange({ calleeTimeZone: event.target.value })}
          onBlur={() => onBlur('calleeTimeZone')}
          aria-invalid={Boolean(errorOf('calleeTimeZone'))}
          aria-describedby={describedBy('calleeTimeZone', `${id}-calleeTimeZone-hint`)}
        />
        <datalist id={`${id}-zones`}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p id={`${id}-calleeTimeZone-hint`} className="hint">
          {describeCalleeZone(values, context.e164)}
        </p>
        <FieldError id={`${id}-calleeTimeZone-error`} message={errorOf('calleeTimeZone')} />
      </div>

      <fieldset className="field">
        <legend>Calling hours, on the callee's clock</legend>
        {defaultWindow && (
          <label className="choice">
            <input type="radio" name={`${id}-windowMode`} checked={values.windowMode === 'default'} onChange={() => onChange({ windowMode: 'default' })} />
            The account's hours ({describeHours(defaultWindow)})
          </label>
        )}
        <label className="choice">
          <input type="radio" name={`${id}-windowMode`} checked={values.windowMode === 'any'} onChange={() => onChange({ windowMode: 'any' })} />
          Any hour
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-windowMode`} checked={values.windowMode === 'custom'} onChange={() => onChange({ windowMode: 'custom' })} />
          Only these hours
        </label>
        {values.windowMode === 'custom' && <CallingHoursFields id={id} hours={values} errorOf={errorOf} onChange={onChange} onBlur={onBlur} />}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-latestAt`}>Give up if not placed by (optional)</label>
        <input
          id={`${id}-latestAt`}
          type="datetime-local"
          step={1}
          value={values.latestAt}
          onChange={(event) => onChange({ latestAt: event.target.value })}
          onBlur={() => onBlur('latestAt')}
          aria-invalid={Boolean(errorOf('latestAt'))}
          aria-describedby={describedBy('latestAt')}
        />
        <FieldError id={`${id}-latestAt-error`} message={errorOf('latestAt')} />
      </div>

      <div className="field">
        <label htmlFor={`${id}-repeat`}>Repeat</label>
        <select
          id={`${id}-repeat`}
          value={values.repeat}
          onChange={(event) => onChange({ repeat: event.target.value as CallTimingValues['repeat'] })}
          aria-describedby={describedBy('repeat')}
        >
          <option value="none">Once</option>
          <option value="daily">Every day at this time</option>
          <option value="weekdays">Weekdays at this time</option>
          <option value="weekly">Every week at this time</option>
          <option value="cron">By a cron expression</option>
        </select>
        <FieldError id={`${id}-repeat-error`} message={errorOf('repeat')} />
      </div>
      {values.repeat === 'cron' && (
        <div className="field">
          <label htmlFor={`${id}-cron`}>Cron expression, in your time zone</label>
          <input
            id={`${id}-cron`}
            className="mono"
            placeholder="0 9 * * mon-fri"
            value={values.cron}
            onChange={(event) => onChange({ cron: event.target.value })}
            onBlur={() => onBlur('cron')}
            aria-invalid={Boolean(errorOf('cron'))}
            aria-describedby={describedBy('cron')}
          />
          <FieldError id={`${id}-cron-error`} message={errorOf('cron')} />
        </div>
      )}
      {repeat && (
        <div className="field">
          <p id={`${id}-runs`}>Next calls:</p>
          <ol aria-labelledby={`${id}-runs`} className="run-preview">
            {previewScheduleRuns(repeat, context.now, PREVIEWED_RUNS).map((at) => (
              <li key={at}>{formatDateTime(at, context.timeZone)}</li>
            ))}
          </ol>
        </div>
      )}
    </details>
  );
}
