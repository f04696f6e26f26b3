import { SCHEDULE_LIMITS, type CreateScheduleRequest } from '@call-scheduler/shared';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
// class-validator checks the decorator nearest the property first: the type check goes last.
import { Allow, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsScheduledAt } from '../../calls/dto/call-input.validators';
import { CallingWindowFields, CreateCallDto } from '../../calls/dto/create-call.dto';
import { SCHEDULED_AT_FORMAT } from '../../calls/scheduled-at';

/** What each run's call is made of, checked as a call's; its window is the schedule's own (below). */
const CallFields = PickType(CreateCallDto, ['phoneNumber', 'note', 'maxAttempts', 'retryDelaySeconds'] as const);

/** A schedule of recurring calls: when it runs, and the call each run makes. Checked whole by the service. */
export class CreateScheduleDto extends CallFields implements CreateScheduleRequest {
  @ApiProperty({ example: 'America/Chicago', description: "IANA zone the cron expression is read in; the calling window's, unless it names its own" })
  @MaxLength(64)
  @IsString()
  timeZone!: string;

  @ApiPropertyOptional({ example: '0 9 * * mon-fri', description: 'Five fields, minute to weekday, read in timeZone; give cron or intervalSeconds' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  cron?: string;

  @ApiPropertyOptional({
    minimum: SCHEDULE_LIMITS.minIntervalSeconds,
    maximum: SCHEDULE_LIMITS.maxIntervalSeconds,
    example: 86_400,
    description: 'Seconds between runs, counted from the Unix epoch; give cron or intervalSeconds',
  })
  @IsOptional()
  @Max(SCHEDULE_LIMITS.maxIntervalSeconds)
  @Min(SCHEDULE_LIMITS.minIntervalSeconds)
  @IsInt()
  intervalSeconds?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: `No run before it: ${SCHEDULED_AT_FORMAT}` })
  @IsOptional()
  @IsScheduledAt()
  startAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'No run after it' })
  @IsOptional()
  @IsScheduledAt()
  endAt?: string;

  @ApiPropertyOptional({
    type: CallingWindowFields,
    nullable: true,
    description: "Each run's calling window, over the account's default field by field; its zone is timeZone unless given. null: any hour.",
  })
  @Allow()
  window?: Partial<CallingWindowFields> | null;

  @ApiPropertyOptional({ default: false, description: 'Made paused: no run until resumed' })
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}
