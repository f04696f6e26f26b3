import type { ApiErrorDto } from '@call-scheduler/shared';
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

type FieldError = NonNullable<ApiErrorDto['errors']>[number];

/** One pipe for every input: unknown fields rejected, no silent type coercion, every problem named by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
