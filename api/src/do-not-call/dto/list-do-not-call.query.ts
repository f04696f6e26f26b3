import { DO_NOT_CALL_LIMITS } from '@call-scheduler/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ListDoNotCallQuery {
  @ApiPropertyOptional({ example: '+1415', description: 'Numbers starting with these digits (E.164, the + optional)' })
  @IsOptional()
  @Matches(/^\+?\d{0,15}$/, { message: 'search must be the first digits of a number, the + optional' })
  @IsString()
  search?: string;

  @ApiPropertyOptional({ description: `nextCursor of the previous page; pages hold ${DO_NOT_CALL_LIMITS.pageSize} numbers` })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  after?: string;
}
