import { Controller, Headers, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access.decorators';
import { ApiErrorResponse } from '../errors/api-error.response';
import { ProviderEventsQuery } from './dto/provider-events.query';
import { ProviderEventsService } from './provider-events.service';

/** The telephony provider's status callbacks: signed by it, not by a user or key of this API. */
@ApiTags('provider')
@Controller('provider')
export class ProviderEventsController {
  constructor(@Inject(ProviderEventsService) private readonly events: ProviderEventsService) {}

  @Post('events')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Passed to the call's workflow; a late, repeated or out-of-order change is taken and changes nothing" })
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: 'Not signed with the shared secret, or not sent within the tolerance: nothing changes' })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  receive(
    @Query() { callId }: ProviderEventsQuery,
    @Req() request: Request,
    @Headers('x-provider-timestamp') timestamp?: string,
    @Headers('x-provider-signature') signature?: string,
  ): Promise<void> {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return this.events.receive(callId, { timestamp, signature, body });
  }
}
