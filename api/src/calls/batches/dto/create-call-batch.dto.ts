import { CALL_BATCH_LIMITS } from '@call-scheduler/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsStorableText } from '../../../errors/storable-text.validator';
import { CallBatchRowDto } from './call-batch-row.dto';

/** Rows are checked one by one in the service, so that a bad row is reported and the others still created. */
export class CreateCallBatchDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The batch the rows join, so that one upload can be sent in several requests; a new batch when absent' })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ maxLength: CALL_BATCH_LIMITS.nameMaxLength, example: 'december-reminders.csv', description: "The batch's name in the list's filter; kept from its first request" })
  @IsOptional()
  @IsStorableText()
  @MaxLength(CALL_BATCH_LIMITS.nameMaxLength)
  @IsString()
  name?: string;

  @ApiProperty({ type: [CallBatchRowDto], maxItems: CALL_BATCH_LIMITS.maxRows, description: 'Each row is checked as POST /api/calls would check it; rows in error are reported, not created' })
  @ArrayMaxSize(CALL_BATCH_LIMITS.maxRows)
  @ArrayMinSize(1)
  @IsArray()
  calls!: unknown[];
}
