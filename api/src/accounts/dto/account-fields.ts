import { ROLES } from '@call-scheduler/shared';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsStorableText } from '../../errors/storable-text.validator';

/** A user's or key's role, as every request that sets one checks it. */
export const RoleField = () =>
  applyDecorators(ApiProperty({ enum: ROLES }), IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }));

/** A user's or key's name: what timelines show for the changes it makes. */
export const NameField = (example: string) => applyDecorators(ApiProperty({ example }), IsString(), IsStorableText(), Length(1, 100));
