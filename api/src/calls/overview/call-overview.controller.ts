import { CallOverviewRepository } from '@call-scheduler/db';
import type { CallOverviewDto } from '@call-scheduler/shared';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../auth/principal';
import { CallPresenter } from '../call.presenter';
import { CallsService } from '../calls.service';
import { ListCallsQuery } from '../dto/list-calls.query';
import { callsCsvHeader, callsCsvRows } from './calls-csv';
import { CallOverviewResponse } from './dto/call-overview.response';
import { OverviewQuery } from './dto/overview.query';

/** Calls seen whole: a campaign's figures for its charts, and the list as a CSV file. */
@ApiTags('calls')
@Controller('calls')
export class CallOverviewController {
  constructor(
    @Inject(CallOverviewRepository) private readonly overviews: CallOverviewRepository,
    @Inject(CallsService) private readonly calls: CallsService,
    @Inject(CallPresenter) private readonly present: CallPresenter,
  ) {}

  @Get('overview')
  @ApiOkResponse({ type: CallOverviewResponse, description: 'Calls per status now, dials a minute over the last hour, calls due an hour over the next 24' })
  overview(@CurrentPrincipal() { accountId }: Principal, @Query() { batchId }: OverviewQuery): Promise<CallOverviewDto> {
    return this.overviews.overview(accountId, batchId ?? null, new Date());
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: "The calls GET /api/calls would list with the same filters, every page, as CSV (newest first); `limit` and `cursor` are ignored" })
  async export(@CurrentPrincipal() { accountId }: Principal, @Query() query: ListCallsQuery, @Res() response: Response): Promise<void> {
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="calls-${new Date().toISOString().slice(0, 10)}.csv"`);
    response.write(callsCsvHeader());
    for await (const page of this.calls.everyPage(accountId, query)) {
      if (!response.write(callsCsvRows(page.map((call) => this.present.call(call))))) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  }
}
