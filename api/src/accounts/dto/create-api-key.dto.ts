import type { CreateApiKeyRequest, Role } from '@call-scheduler/shared';
import { NameField, RoleField } from './account-fields';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @NameField('ci-bot')
  name!: string;

  @RoleField()
  role!: Role;
}
