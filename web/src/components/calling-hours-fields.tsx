import { WEEKDAYS, type DefaultCallingWindow, type Weekday } from '@call-scheduler/shared';
import { FieldError } from './field-error';

type Field = keyof DefaultCallingWindow;

export interface CallingHoursFieldsProps {
  id: string;
  hours: DefaultCallingWindow;
  errorOf: (field: Field) => string | undefined;
  onChange: (changes: Partial<DefaultCallingWindow>) => void;
  onBlur?: (field: Field) => void;
}

const DAY_LABELS: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** The days and the local hours of a calling window, each problem under its field. */
export function CallingHoursFields({ id, hours, errorOf, onChange, onBlur }: CallingHoursFieldsProps) {
  const describedBy = (field: Field) => (errorOf(field) ? `${id}-${field}-error` : undefined);
  return (
    <>
      <div className="days" role="group" aria-label="Days" aria-describedby={describedBy('days')}>
        {WEEKDAYS.map((day) => (
          <label key={day} className="choice">
            <input
              type="checkbox"
              checked={hours.days.includes(day)}
              onChange={(event) => onChange({ days: event.target.checked ? [...hours.days, day] : hours.days.filter((d) => d !== day) })}
            />
            {DAY_LABELS[day]}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-days-error`} message={errorOf('days')} />
      <div className="field-row">
        {(['from', 'to'] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{field === 'from' ? 'From' : 'Until'}</label>
            <input
              id={`${id}-${field}`}
              type="time"
              value={hours[field]}
              onChange={(event) => onChange({ [field]: event.target.value })}
              onBlur={() => onBlur?.(field)}
              aria-invalid={Boolean(errorOf(field))}
              aria-describedby={describedBy(field)}
            />
            <FieldError id={`${id}-${field}-error`} message={errorOf(field)} />
          </div>
        ))}
      </div>
    </>
  );
}
