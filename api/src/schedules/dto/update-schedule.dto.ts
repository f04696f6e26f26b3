import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateScheduleDto } from './create-schedule.dto';

/** The fields to change; the rest stay as they are. Pausing and resuming have routes of their own. */
export class UpdateScheduleDto extends PartialType(OmitType(CreateScheduleDto, ['paused'] as const)) {}
