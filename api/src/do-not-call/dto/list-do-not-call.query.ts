import { DO_NOT_CALL_LIMITS } from '@call-scheduler/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPhoneSearch } from '../../calls/phone-search';

export class ListDoNotCallQuery {
  @IsPhoneSearch()
  search?: string;

  @ApiPropertyOptional({ description: `nextCursor of the previous page; pages hold ${DO_NOT_CALL_LIMITS.pageSize} numbers` })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  after?: string;
}
