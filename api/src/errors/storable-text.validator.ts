import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text PostgreSQL can store: well-formed Unicode without NUL characters. A NUL fails the write (a
 * 500, or a workflow retrying its projection for good); an unpaired surrogate is refused by jsonb
 * and silently replaced in text columns.
 */
export function IsStorableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.isWellFormed() && !value.includes('\u0000'),
        defaultMessage: (args) => `${args?.property ?? 'text'} must be well-formed text without NUL characters`,
      },
    },
    options,
  );
}
