import type { SignInRequest } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsStorableText } from '../../errors/storable-text.validator';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @IsStorableText()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}
