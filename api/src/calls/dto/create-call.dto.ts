import { CALL_LIMITS, WEEKDAYS, type Weekday } from '@call-scheduler/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
// class-validator checks the decorator nearest the property first: the type check goes last.
import { Allow, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SCHEDULED_AT_FORMAT } from '../scheduled-at';
import { IsStorableText } from '../../errors/storable-text.validator';
import { IsPhoneNumber, IsScheduledAt } from './call-input.validators';

export class CallingWindowFields {
  @ApiProperty({ example: 'America/Chicago', description: "IANA time zone of the person called" }) timeZone!: string;
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue', 'wed', 'thu', 'fri'], description: 'Local days on which the window opens' })
  days!: Weekday[];
  @ApiProperty({ example: '08:00', description: 'Local opening time, HH:mm' }) from!: string;
  @ApiProperty({ example: '21:00', description: 'Local closing time, HH:mm; at or before from, the window closes the next day' }) to!: string;
}

export class CreateCallDto {
  @ApiProperty({ example: '+14155550123', description: 'Number to call, with its country code; normalised to E.164' })
  @IsPhoneNumber()
  @MaxLength(64)
  @IsString()
  phoneNumber!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2030-01-31T09:30:00-08:00',
    description: `When to call: ${SCHEDULED_AT_FORMAT}. Absent means now; null is refused, since a client that lost its time must not ring anyone at once. A new call's time may be up to ${CALL_LIMITS.pastToleranceMs / 1000} s past, which means now, and up to a year ahead; a request repeated under its Idempotency-Key is not checked again.`,
  })
  @ValidateIf((_call, value) => value !== undefined)
  @IsScheduledAt()
  scheduledAt?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CALL_LIMITS.noteMaxLength, example: 'Reminder about the appointment', description: 'Kept trimmed; empty or null is no note' })
  @IsOptional()
  @IsStorableText()
  @MaxLength(CALL_LIMITS.noteMaxLength)
  @IsString()
  note?: string | null;

  @ApiPropertyOptional({ minimum: CALL_LIMITS.maxAttempts.min, maximum: CALL_LIMITS.maxAttempts.max, default: CALL_LIMITS.maxAttempts.default, description: 'Dial attempts when the callee does not answer or is busy' })
  @IsOptional()
  @Max(CALL_LIMITS.maxAttempts.max)
  @Min(CALL_LIMITS.maxAttempts.min)
  @IsInt()
  maxAttempts?: number;

  @ApiPropertyOptional({ minimum: CALL_LIMITS.retryDelaySeconds.min, maximum: CALL_LIMITS.retryDelaySeconds.max, default: CALL_LIMITS.retryDelaySeconds.default, description: 'Seconds between dial attempts' })
  @IsOptional()
  @Max(CALL_LIMITS.retryDelaySeconds.max)
  @Min(CALL_LIMITS.retryDelaySeconds.min)
  @IsInt()
  retryDelaySeconds?: number;

  @ApiPropertyOptional({
    type: CallingWindowFields,
    nullable: true,
    description:
      "When the call may ring, on the callee's clock: a due time outside it waits for the window's next opening, and so do retries. Fields left out come from the account's default window; timeZone, left out, is inferred from the number where its country keeps one time (a number of a country with several zones is refused without it). Absent: the account's default, if any; null: any hour.",
  })
  // Checked whole, against the account's default and the number, by the service (callWindowFor).
  @Allow()
  window?: Partial<CallingWindowFields> | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2030-01-31T17:00:00-06:00',
    nullable: true,
    description: `The deadline, ${SCHEDULED_AT_FORMAT}: a call not placed by then, its window, retries and the spend cap included, ends expired, and a retry that would fall after it is not made. After scheduledAt, and not before the window first opens. Absent or null: none.`,
  })
  @IsOptional()
  @IsScheduledAt()
  latestAt?: string | null;
}
