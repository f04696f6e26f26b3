import type { Role } from '@call-scheduler/shared';

/** What each role may do, as the forms that hand roles out say it. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Acts on calls, and manages users, API keys and the spend cap.',
  operator: 'Schedules, reschedules, starts and cancels calls.',
  viewer: 'Reads calls, and nothing more.',
};
