import type { ApiErrorDto } from '@call-scheduler/shared';
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

type FieldError = NonNullable<ApiErrorDto['errors']>[number];

/**
 * Keys naming what every object inherits (`__proto__`, `constructor`, `toString`…) and `prototype`:
 * class-transformer skips them without a word, so the whitelist never sees them to refuse them.
 */
const INHERITED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Refuses, by name, the keys class-transformer would drop before the whitelist could refuse them. */
class StrictValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const inherited = typeof value === 'object' && value !== null ? Object.keys(value).filter((key) => INHERITED_KEYS.has(key)) : [];
    if (inherited.length > 0) {
      throw new BadRequestException(toApiError(inherited.map((field) => ({ field, message: `${field} is not an accepted field` }))));
    }
    return super.transform(value, metadata);
  }
}

/** One pipe for every input: unknown fields rejected, no silent type coercion, every problem named by field. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(toApiError(errors.flatMap((error) => fieldErrors(error)))),
  });
}

function fieldErrors(error: ValidationError, parent = ''): FieldError[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({
    field,
    message: message.startsWith('property ') ? `${field} is not an accepted field` : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => fieldErrors(child, field))];
}

export function toApiError(errors: FieldError[]): ApiErrorDto {
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => e.message).join('; ') || 'The request is not valid',
    errors,
  };
}
