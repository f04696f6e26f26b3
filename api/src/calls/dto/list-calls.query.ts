import { CALL_PAGE_LIMIT, CALL_STATUSES, type CallStatus } from '@call-scheduler/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListCallsQuery {
  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: CALL_PAGE_LIMIT.max, default: CALL_PAGE_LIMIT.default })
  @IsOptional()
  @Max(CALL_PAGE_LIMIT.max)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(512)
  @IsString()
  cursor?: string;
}
