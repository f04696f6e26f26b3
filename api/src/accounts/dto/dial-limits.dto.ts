import { DIAL_LIMIT_BOUNDS, type AccountDto, type DialLimitsDto as DialLimitsContract } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

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

export class AccountResponse implements AccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: DialLimitsDto }) limits!: DialLimitsDto;
}
