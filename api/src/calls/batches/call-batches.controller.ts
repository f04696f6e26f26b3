import { canActOnCalls, type CallBatchDto, type CallBatchReport } from '@call-scheduler/shared';
import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Requires } from '../../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../../auth/principal';
import { ApiErrorResponse } from '../../errors/api-error.response';
import { idempotencyKeyOf } from '../idempotency-key';
import { CallBatchesService } from './call-batches.service';
import { CallBatchReportResponse, CallBatchResponse } from './dto/call-batch.response';
import { CreateCallBatchDto } from './dto/create-call-batch.dto';
import { CreateCallBatchQuery } from './dto/create-call-batch.query';

const OPERATORS = { allows: canActOnCalls, refusal: 'Viewers can only read calls' };

/** Calls created in bulk, such as a campaign's upload, and the batches they were created in. */
@ApiTags('calls')
@Controller('calls')
export class CallBatchesController {
  constructor(@Inject(CallBatchesService) private readonly batches: CallBatchesService) {}

  @Post('batch')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: OPERATORS.refusal })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'The same key and body answer the same report and create nothing more; without one, the API makes one up and answers it.',
  })
  @ApiOkResponse({ type: CallBatchReportResponse, description: 'Every row reported, in order: created with its call id, or rejected with its fields' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'The Idempotency-Key was used with another body' })
  @ApiServiceUnavailableResponse({ type: ApiErrorResponse, description: 'Some rows may have been created: send the same request again with the Idempotency-Key answered, which creates the rest and no row twice' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCallBatchDto,
    @Query() query: CreateCallBatchQuery,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CallBatchReport> {
    const key = idempotencyKeyOf(idempotencyKey);
    response.setHeader('Idempotency-Key', key);
    return this.batches.create(principal, body, key, query.dryRun === true);
  }

  @Get('batches')
  @ApiOkResponse({ type: [CallBatchResponse], description: 'Newest first' })
  list(@CurrentPrincipal() { accountId }: Principal): Promise<CallBatchDto[]> {
    return this.batches.list(accountId);
  }
}
