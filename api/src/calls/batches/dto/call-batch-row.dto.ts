import { CALL_BATCH_LIMITS } from '@call-scheduler/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsStorableText } from '../../../errors/storable-text.validator';
import { CreateCallDto } from '../../dto/create-call.dto';

/** One row of a batch: a call exactly as POST /api/calls takes it, and the caller's own reference for it. */
export class CallBatchRowDto extends CreateCallDto {
  @ApiPropertyOptional({ maxLength: CALL_BATCH_LIMITS.clientRefMaxLength, example: 'patient-1042', description: 'Your reference for the row, given back in its report' })
  @IsOptional()
  @IsStorableText()
  @MaxLength(CALL_BATCH_LIMITS.clientRefMaxLength)
  @IsString()
  clientRef?: string;
}
