import type { ApiErrorDto } from '@call-scheduler/shared';
import { BadRequestException, type Type } from '@nestjs/common';
import { createValidationPipe } from './validation';

export type FieldError = NonNullable<ApiErrorDto['errors']>[number];

export type RowCheck<T> = { valid: true; value: T } | { valid: false; errors: FieldError[] };

const pipe = createValidationPipe();

/**
 * Checks one row of a bulk request by the very rules its single-item route applies, so that a row is taken
 * or refused, field by field, exactly as the same body sent alone would be.
 */
export async function checkRow<T extends object>(dto: Type<T>, row: unknown): Promise<RowCheck<T>> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { valid: false, errors: [{ field: 'row', message: 'row must be a JSON object' }] };
  try {
    return { valid: true, value: (await pipe.transform(row, { type: 'body', metatype: dto })) as T };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const { errors, message } = error.getResponse() as ApiErrorDto;
    return { valid: false, errors: errors ?? [{ field: 'body', message }] };
  }
}
