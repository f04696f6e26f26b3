import { CALL_LIMITS, canActOnCalls, type CallDetailDto, type CallDto, type CallPageDto } from '@call-scheduler/shared';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Requires } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiErrorResponse } from '../errors/api-error.response';
import { InvalidCallInputError } from './call.errors';
import { CallPresenter } from './call.presenter';
import { CallsService } from './calls.service';
import { CallDetailResponse, CallPageResponse, CallResponse } from './dto/call.response';
import { CreateCallDto } from './dto/create-call.dto';
import { idempotencyKeyOf } from './idempotency-key';
import { ListCallsQuery } from './dto/list-calls.query';
import { RescheduleCallDto } from './dto/reschedule-call.dto';
import { StartNowDto } from './dto/start-now.dto';
import { scheduledAtInstant } from './scheduled-at';

const CREATED_UNDER = { description: 'The key the call was made under: the request\'s, or the one the API made up for it', schema: { type: 'string' } };

const MAYBE_CREATED = [
  'The call may have been created: Temporal or the database did not confirm it.',
  'Send the same request again with the Idempotency-Key this answer gives (header, and `idempotencyKey` in the body):',
  'that returns the call if it was made, and makes it if not, never a second one.',
].join(' ');

const UNCONFIRMED = 'Temporal did not confirm the command within 15 s; it may still take effect: GET the call to see';

const OPERATORS = { allows: canActOnCalls, refusal: 'Viewers can only read calls' };

const CallId = () => new ParseUUIDPipe({ exceptionFactory: () => new InvalidCallInputError('id', 'must be a UUID') });

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(
    @Inject(CallsService) private readonly calls: CallsService,
    @Inject(CallPresenter) private readonly present: CallPresenter,
  ) {}

  @Post()
  @Requires(OPERATORS)
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: OPERATORS.refusal })
  @ApiHeader({
    // As the handler reads it, so that the document lists the header once (HTTP header names are case-insensitive).
    name: 'idempotency-key',
    required: false,
    description: 'Repeat a request safely: the same key and body return the same call, however late. Without one, the API makes one up and answers it.',
  })
  @ApiCreatedResponse({ type: CallResponse, headers: { 'Idempotency-Key': CREATED_UNDER } })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'The Idempotency-Key was used with another body' })
  @ApiServiceUnavailableResponse({ type: ApiErrorResponse, description: MAYBE_CREATED, headers: { 'Idempotency-Key': CREATED_UNDER } })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCallDto,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CallDto> {
    const key = idempotencyKeyOf(idempotencyKey);
    response.setHeader('Idempotency-Key', key);
    return this.present.call(await this.calls.create(principal, body, key));
  }

  @Get()
  @ApiOkResponse({ type: CallPageResponse, description: 'Newest first' })
  async list(@CurrentPrincipal() { accountId }: Principal, @Query() query: ListCallsQuery): Promise<CallPageDto> {
    const page = await this.calls.list(accountId, query);
    return { items: page.items.map((call) => this.present.call(call)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: CallDetailResponse, description: 'The call with its event timeline' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(@CurrentPrincipal() { accountId }: Principal, @Param('id', CallId()) id: string): Promise<CallDetailDto> {
    const call = await this.calls.get(accountId, id);
    return this.present.detail(call, await this.calls.events(call));
  }

  @Patch(':id')
  @Requires(OPERATORS)
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: OPERATORS.refusal })
  @ApiOkResponse({ type: CallResponse, description: 'Rescheduled' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: `The call is no longer pending, or was rescheduled ${CALL_LIMITS.maxReschedules} times already` })
  @ApiServiceUnavailableResponse({ type: ApiErrorResponse, description: UNCONFIRMED })
  async reschedule(@CurrentPrincipal() principal: Principal, @Param('id', CallId()) id: string, @Body() body: RescheduleCallDto): Promise<CallDto> {
    // Only the instant goes on, written as toISOString writes it: nothing past the API reads the client's format.
    return this.present.call(await this.calls.reschedule(principal, id, scheduledAtInstant(body.scheduledAt).toISOString()));
  }

  @Post(':id/start-now')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: OPERATORS.refusal })
  @ApiOkResponse({ type: CallResponse, description: 'Due now: dialing starts, unless the call waits for its calling window to open (see overrideWindow)' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The call is no longer pending' })
  @ApiServiceUnavailableResponse({ type: ApiErrorResponse, description: UNCONFIRMED })
  async startNow(@CurrentPrincipal() principal: Principal, @Param('id', CallId()) id: string, @Body() body: StartNowDto): Promise<CallDto> {
    return this.present.call(await this.calls.startNow(principal, id, body.overrideWindow === true));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: OPERATORS.refusal })
  @ApiOkResponse({ type: CallResponse, description: 'Cancelled; the provider is never dialed' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The call is no longer pending' })
  @ApiServiceUnavailableResponse({ type: ApiErrorResponse, description: UNCONFIRMED })
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', CallId()) id: string): Promise<CallDto> {
    return this.present.call(await this.calls.cancel(principal, id));
  }
}
