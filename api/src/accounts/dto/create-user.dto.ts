import { PASSWORD_MIN_LENGTH, type CreateUserRequest, type Role } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { IsStorableText } from '../../errors/storable-text.validator';
import { NameField, RoleField } from './account-fields';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  // Before IsEmail, which throws on an unpaired surrogate instead of saying no.
  @IsStorableText()
  @IsString()
  email!: string;

  @NameField('Ada Lovelace')
  name!: string;

  @RoleField()
  role!: Role;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 1024, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  password!: string;
}
