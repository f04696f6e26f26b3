import { DIAL_LIMIT_BOUNDS, WEEKDAYS, type AccountDto, type DefaultCallingWindow, type DialLimitsDto as DialLimitsContract, type Weekday } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsInt, Max, Min } from 'class-validator';

const { dialsPerHour, dialsPerDay, maxConcurrentCalls } = DIAL_LIMIT_BOUNDS;

/** The account's spend cap. A call due while the cap is full waits (DialHeldByLimit) instead of failing. */
export class DialLimitsDto implements DialLimitsContract {
  @ApiProperty({ minimum: dialsPerHour.min, maximum: dialsPerHour.max, description: 'Dials in any rolling hour' })
  @IsInt()
  @Min(dialsPerHour.min)
  @Max(dialsPerHour.max)
  dialsPerHour!: number;

  @ApiProperty({ minimum: dialsPerDay.min, maximum: dialsPerDay.max, description: 'Dials in any rolling 24 hours' })
  @IsInt()
  @Min(dialsPerDay.min)
  @Max(dialsPerDay.max)
  dialsPerDay!: number;

  @ApiProperty({ minimum: maxConcurrentCalls.min, maximum: maxConcurrentCalls.max, description: 'Calls dialing or in progress at once' })
  @IsInt()
  @Min(maxConcurrentCalls.min)
  @Max(maxConcurrentCalls.max)
  maxConcurrentCalls!: number;
}

/** Checked whole by the service (defaultCallingWindowProblems), so each problem names its field. */
export class DefaultCallingWindowDto implements DefaultCallingWindow {
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue', 'wed', 'thu', 'fri'], description: 'Local days on which the window opens' })
  @Allow()
  days!: Weekday[];

  @ApiProperty({ example: '08:00', description: "Local opening time, HH:mm, on the callee's clock" })
  @Allow()
  from!: string;

  @ApiProperty({ example: '21:00', description: 'Local closing time, HH:mm; at or before from, the window closes the next day' })
  @Allow()
  to!: string;
}

export class AccountResponse implements AccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: DialLimitsDto }) limits!: DialLimitsDto;
  @ApiProperty({ type: DefaultCallingWindowDto, nullable: true, description: "The window of the account's calls that carry none of their own; null: any hour" })
  defaultWindow!: DefaultCallingWindowDto | null;
}
