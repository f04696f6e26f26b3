import { DO_NOT_CALL_LIMITS } from '@call-scheduler/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsStorableText } from '../../errors/storable-text.validator';
import { IsPhoneNumber } from '../../calls/dto/call-input.validators';

export class AddDoNotCallDto {
  @ApiProperty({ example: '+14155550123', description: 'Number never to dial, with its country code; normalised to E.164' })
  @IsPhoneNumber()
  @MaxLength(64)
  @IsString()
  phoneNumber!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DO_NOT_CALL_LIMITS.reasonMaxLength, example: 'Asked not to be called' })
  @IsOptional()
  @IsStorableText()
  @MaxLength(DO_NOT_CALL_LIMITS.reasonMaxLength)
  @IsString()
  reason?: string | null;
}
