import type { Role } from '@call-scheduler/shared';
import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = Symbol('PUBLIC_ROUTE');
export const REQUIRED_ROLE = Symbol('REQUIRED_ROLE');

export interface RoleRequirement {
  allows: (role: Role) => boolean;
  /** Said in the 403 to a caller whose role falls short. */
  refusal: string;
}

/** A route anyone may call, signed in or not. Every other route needs a session or an API key. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A route only some roles may call; the others get 403 with the refusal. */
export const Requires = (requirement: RoleRequirement) => SetMetadata(REQUIRED_ROLE, requirement);
