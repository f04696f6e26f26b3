import { CALL_PAGE_LIMIT, CALL_STATUSES, type CallStatus } from '@call-scheduler/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsPhoneSearch } from '../phone-search';

/** Decimal digits only: Number() would also read 1e1, 0x10, +5 and " 5", which no page size is written as. */
const decimalInteger = ({ value }: TransformFnParams): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ListCallsQuery {
  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the calls created in this batch (POST /api/calls/batch)' })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @IsPhoneSearch()
  search?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: CALL_PAGE_LIMIT.max, default: CALL_PAGE_LIMIT.default })
  @IsOptional()
  @Max(CALL_PAGE_LIMIT.max)
  @Min(1)
  @IsInt({ message: 'limit must be a whole number written in decimal digits' })
  @Transform(decimalInteger)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(512)
  @IsString()
  cursor?: string;
}
