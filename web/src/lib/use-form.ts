import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from './api-client';

export type FormErrors<Field extends string> = Partial<Record<Field, string>>;

/** What checking a form gives: the request it asks for, or what is wrong with each field. */
export type FormCheck<Request, Field extends string = keyof Request & string> =
  | { request: Request; errors?: never }
  | { request?: never; errors: FormErrors<Field> };

/**
 * A form of text fields: their values, each field's problem, and a problem for the form as a whole.
 * A field's problem goes as soon as it is edited; when problems are shown, the first field with one
 * (in the order of `initial`) takes the focus.
 */
export function useForm<Values extends { [Field in keyof Values]: string }>(initial: () => Values) {
  type Field = keyof Values & string;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const elements = useRef<Partial<Record<Field, HTMLElement | null>>>({});

  const showErrors = (found: FormErrors<Field>, message: string | null = null) => {
    setErrors(found);
    setFormError(message);
    const first = (Object.keys(values) as Field[]).find((field) => found[field]);
    if (first) elements.current[first]?.focus();
  };

  return {
    values,
    errors,
    formError,
    showErrors,
    /** A submit handler: what `check` finds wrong is shown by field; otherwise its request goes to `send`. */
    onSubmit:
      <Request>(check: (values: Values) => FormCheck<Request, Field>, send: (request: Request) => void) =>
      (event: FormEvent) => {
        event.preventDefault();
        const checked = check(values);
        if (checked.errors) return showErrors(checked.errors);
        showErrors({});
        // No errors means a request: TypeScript cannot narrow a union over a type parameter.
        send(checked.request as Request);
      },
    /** The API's problems shown by field where they name one of ours, the rest (or `describe(error)`) for the form. */
    showApiError: (error: Error, describe: (error: Error) => string = (unplaced) => unplaced.message) => {
      const { fieldErrors, unplaced } = placeApiError(error, Object.keys(values) as Field[]);
      const placed = Object.keys(fieldErrors).length > 0;
      showErrors(fieldErrors, unplaced.length > 0 ? unplaced.join(' ') : placed ? null : describe(error));
    },
    reset: () => {
      setValues(initial());
      setErrors({});
      setFormError(null);
    },
    /** What an input or select needs to show and edit `field`. */
    field: (field: Field) => ({
      value: values[field],
      error: errors[field],
      ref: (element: HTMLElement | null) => void (elements.current[field] = element),
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
        const value = event.target.value;
        setValues((previous) => ({ ...previous, [field]: value }));
        setErrors(({ [field]: _dropped, ...rest }) => rest as FormErrors<Field>);
        setFormError(null);
      },
    }),
  };
}

function placeApiError<Field extends string>(error: Error, fields: Field[]): { fieldErrors: FormErrors<Field>; unplaced: string[] } {
  const fieldErrors: FormErrors<Field> = {};
  const unplaced: string[] = [];
  for (const [name, message] of Object.entries(error instanceof ApiError ? error.fieldErrors : {})) {
    if ((fields as string[]).includes(name)) fieldErrors[name as Field] = message;
    else unplaced.push(message);
  }
  return { fieldErrors, unplaced };
}
