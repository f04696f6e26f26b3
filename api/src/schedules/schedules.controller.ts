import { canActOnCalls, type ScheduleDto } from '@call-scheduler/shared';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/access.decorators';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { InvalidCallInputError } from '../calls/call.errors';
import { ApiErrorResponse } from '../errors/api-error.response';
import { CreateScheduleDto } from './dto/create-schedule.dto';
import { ScheduleResponse } from './dto/schedule.response';
import { UpdateScheduleDto } from './dto/update-schedule.dto';
import { SchedulesService } from './schedules.service';

const OPERATORS = { allows: canActOnCalls, refusal: 'Viewers can only read schedules' };

const ScheduleId = () => new ParseUUIDPipe({ exceptionFactory: () => new InvalidCallInputError('id', 'must be a UUID') });

/** Recurring calls: each a Temporal Schedule, visible in the Temporal Web UI, whose every run makes an ordinary call. */
@ApiTags('schedules')
@Controller('schedules')
@ApiForbiddenResponse({ type: ApiErrorResponse, description: OPERATORS.refusal })
export class SchedulesController {
  constructor(@Inject(SchedulesService) private readonly schedules: SchedulesService) {}

  @Post()
  @Requires(OPERATORS)
  @ApiCreatedResponse({ type: ScheduleResponse })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateScheduleDto): Promise<ScheduleDto> {
    return this.schedules.create(principal, body);
  }

  @Get()
  @ApiOkResponse({ type: [ScheduleResponse], description: 'Newest first' })
  list(@CurrentPrincipal() { accountId }: Principal): Promise<ScheduleDto[]> {
    return this.schedules.list(accountId);
  }

  @Get(':id')
  @ApiOkResponse({ type: ScheduleResponse, description: 'With the next run times and the latest runs' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  get(@CurrentPrincipal() { accountId }: Principal, @Param('id', ScheduleId()) id: string): Promise<ScheduleDto> {
    return this.schedules.get(accountId, id);
  }

  @Patch(':id')
  @Requires(OPERATORS)
  @ApiOkResponse({ type: ScheduleResponse, description: 'Changed for the runs to come; calls already made keep their settings' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ScheduleId()) id: string, @Body() body: UpdateScheduleDto): Promise<ScheduleDto> {
    return this.schedules.update(principal, id, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiOkResponse({ type: ScheduleResponse, description: 'No run until resumed; a call under way goes on' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  pause(@CurrentPrincipal() { accountId }: Principal, @Param('id', ScheduleId()) id: string): Promise<ScheduleDto> {
    return this.schedules.pause(accountId, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiOkResponse({ type: ScheduleResponse, description: 'Runs again from its next run time; runs missed while paused are not made' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  resume(@CurrentPrincipal() { accountId }: Principal, @Param('id', ScheduleId()) id: string): Promise<ScheduleDto> {
    return this.schedules.resume(accountId, id);
  }

  @Post(':id/trigger')
  @HttpCode(200)
  @Requires(OPERATORS)
  @ApiOkResponse({ type: ScheduleResponse, description: "Runs now, paused or not, unless the previous run's call is still in progress" })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  trigger(@CurrentPrincipal() { accountId }: Principal, @Param('id', ScheduleId()) id: string): Promise<ScheduleDto> {
    return this.schedules.trigger(accountId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires(OPERATORS)
  @ApiNoContentResponse({ description: 'No more runs; calls already made go on to their end' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  delete(@CurrentPrincipal() { accountId }: Principal, @Param('id', ScheduleId()) id: string): Promise<void> {
    return this.schedules.delete(accountId, id);
  }
}
