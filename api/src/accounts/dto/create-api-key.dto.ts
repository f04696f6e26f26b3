import { ROLES, type CreateApiKeyRequest, type Role } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'ci-bot', description: 'Shown in the timeline of every call the key acts on' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
