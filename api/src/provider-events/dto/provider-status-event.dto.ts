import { PROVIDER_CALL_STATUSES, type ProviderCallStatus } from '@call-scheduler/shared/workflow';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The body of the provider's status callback, as it documents it. */
export class ProviderStatusEventDto {
  @MaxLength(200)
  @IsString()
  id!: string;

  @IsIn(PROVIDER_CALL_STATUSES)
  status!: ProviderCallStatus;

  @Max(1_000)
  @Min(1)
  @IsInt()
  sequence!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsOptional()
  @Min(0)
  @IsInt()
  durationSeconds?: number;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  to?: string;
}
