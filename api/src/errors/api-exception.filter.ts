import type { ApiErrorDto } from '@call-scheduler/shared';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import {
  CallNotFoundError,
  CallNotPendingError,
  CommandUnconfirmedError,
  IdempotencyKeyReusedError,
  InvalidCallInputError,
  RescheduleLimitReachedError,
  SchedulerUnavailableError,
} from '../calls/call.errors';
import { ApiKeyNotFoundError } from '../accounts/account.errors';
import { NotOnDoNotCallListError } from '../do-not-call/do-not-call.errors';
import { UnsignedProviderEventError } from '../provider-events/provider-events.errors';
import { ScheduleNotFoundError } from '../schedules/schedule.errors';
import { CrossSiteRequestError, ForbiddenForRoleError, NotSignedInError, TooManySignInAttemptsError, WrongCredentialsError } from '../auth/auth.errors';
import { EmailTakenError, isDatabaseUnavailable } from '@call-scheduler/db';
import type { ApiErrorResponse } from './api-error.response';
import { RequestBodyError } from './json-body';

/** Every error leaves the API in one JSON shape; domain errors are mapped to HTTP here and only here. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.toApiError(exception);
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof TooManySignInAttemptsError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  toApiError(exception: unknown): ApiErrorResponse {
    if (exception instanceof InvalidCallInputError) {
      return apiError(400, exception.message, [{ field: exception.field, message: exception.message }]);
    }
    if (exception instanceof NotSignedInError || exception instanceof WrongCredentialsError) return apiError(401, exception.message);
    if (exception instanceof ForbiddenForRoleError || exception instanceof CrossSiteRequestError || exception instanceof UnsignedProviderEventError) {
      return apiError(403, exception.message);
    }
    if (exception instanceof TooManySignInAttemptsError) return apiError(429, exception.message);
    if (exception instanceof CallNotFoundError || exception instanceof ApiKeyNotFoundError || exception instanceof ScheduleNotFoundError || exception instanceof NotOnDoNotCallListError) {
      return apiError(404, exception.message);
    }
    if (exception instanceof EmailTakenError) return apiError(409, exception.message, [{ field: 'email', message: exception.message }]);
    if (exception instanceof CallNotPendingError || exception instanceof RescheduleLimitReachedError) return apiError(409, exception.message);
    if (exception instanceof IdempotencyKeyReusedError) {
      return apiError(422, exception.message, [{ field: 'Idempotency-Key', message: exception.message }]);
    }
    if (exception instanceof SchedulerUnavailableError) {
      this.logger.warn(`${exception.message}: ${String(exception.cause)}`);
      return { ...apiError(503, exception.message), idempotencyKey: exception.idempotencyKey };
    }
    if (exception instanceof CommandUnconfirmedError) {
      this.logger.warn(`${exception.message}: ${String(exception.cause)}`);
      return apiError(503, exception.message);
    }
    if (exception instanceof RequestBodyError) {
      return apiError(exception.status, exception.message, [{ field: 'body', message: exception.message }]);
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`The database cannot be reached: ${String(exception)}`);
      return apiError(503, 'The database cannot be reached just now; try again in a few seconds');
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return apiError(500, 'Something went wrong on our side');
  }
}

function apiError(statusCode: number, message: string, errors?: ApiErrorDto['errors']): ApiErrorDto {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...(errors ? { errors } : {}) };
}

function fromHttpException(exception: HttpException): ApiErrorDto {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'errors' in response) return response as ApiErrorDto;
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const details = typeof response === 'object' && response !== null ? response : {};
  return { ...details, ...apiError(exception.getStatus(), Array.isArray(message) ? message.join('; ') : String(message ?? exception.message)) };
}
