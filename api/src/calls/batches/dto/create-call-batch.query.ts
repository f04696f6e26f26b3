import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class CreateCallBatchQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Check every row and report, creating nothing' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  dryRun?: boolean;
}
