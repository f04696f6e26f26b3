import { canActOnCalls, canManageAccount, type DoNotCallEntryDto, type DoNotCallImportReport, type DoNotCallPage } from '@call-scheduler/shared';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Requires } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiErrorResponse } from '../errors/api-error.response';
import { DoNotCallService } from './do-not-call.service';
import { AddDoNotCallDto } from './dto/add-do-not-call.dto';
import { DoNotCallEntryResponse, DoNotCallImportReportResponse, DoNotCallPageResponse } from './dto/do-not-call.response';
import { ImportDoNotCallDto } from './dto/import-do-not-call.dto';
import { ListDoNotCallQuery } from './dto/list-do-not-call.query';

const OPERATORS = { allows: canActOnCalls, refusal: 'Viewers can only read the do-not-call list' };
const ADMINS = { allows: canManageAccount, refusal: 'Only admins may take a number off the do-not-call list' };

/**
 * Numbers the account's calls must never dial. A new call to one is refused; a call made before its number was
 * listed ends `blocked` when its dial comes, undialled.
 */
@ApiTags('do-not-call')
@Controller('do-not-call')
@ApiForbiddenResponse({ type: ApiErrorResponse })
export class DoNotCallController {
  constructor(@Inject(DoNotCallService) private readonly doNotCall: DoNotCallService) {}

  @Get()
  @ApiOkResponse({ type: DoNotCallPageResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  page(@CurrentPrincipal() { accountId }: Principal, @Query() query: ListDoNotCallQuery): Promise<DoNotCallPage> {
    return this.doNotCall.page(accountId, query);
  }

  @Post()
  @Requires(OPERATORS)
  @ApiCreatedResponse({ type: DoNotCallEntryResponse, description: 'Added; 200 with the entry as it was when the number was listed already' })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  async add(@CurrentPrincipal() principal: Principal, @Body() body: AddDoNotCallDto, @Res({ passthrough: true }) response: Response): Promise<DoNotCallEntryDto> {
    const { entry, added } = await this.doNotCall.add(principal, body);
    response.status(added ? 201 : 200);
    return entry;
  }

  @Post('import')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiOkResponse({ type: DoNotCallImportReportResponse, description: 'Valid rows added in one go; each row reported' })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Not a list of entries, or too many' })
  import(@CurrentPrincipal() principal: Principal, @Body() body: ImportDoNotCallDto): Promise<DoNotCallImportReport> {
    return this.doNotCall.import(principal, body.entries);
  }

  @Delete(':phoneNumber')
  @HttpCode(204)
  @Requires(ADMINS)
  @ApiNoContentResponse({ description: "Off the list: the account's new calls may dial it again" })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  remove(@CurrentPrincipal() { accountId }: Principal, @Param('phoneNumber') phoneNumber: string): Promise<void> {
    return this.doNotCall.remove(accountId, phoneNumber);
  }
}
