import { ROLES, type ApiKeyDto, type MeDto, type Role, type UserDto } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';

export class UserResponse implements UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ApiKeyResponse implements ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ example: 'csk_Zm9vYmFy', description: 'The first characters of the secret, to tell keys apart' }) prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

class AccountRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class ApiKeyRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MeResponse implements MeDto {
  @ApiProperty({ type: AccountRef }) account!: AccountRef;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: UserResponse, nullable: true, description: 'Set for a signed-in user' }) user!: UserResponse | null;
  @ApiProperty({ type: ApiKeyRef, nullable: true, description: 'Set for a program calling with an API key' }) apiKey!: ApiKeyRef | null;
}
