import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class OverviewQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the calls of this batch' })
  @IsOptional()
  @IsUUID()
  batchId?: string;
}
