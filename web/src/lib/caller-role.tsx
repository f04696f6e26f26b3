import type { Role } from '@call-scheduler/shared';
import { createContext, useContext, type ReactNode } from 'react';

/** Outside a signed-in page nobody may act: the least a role allows. */
const CallerRoleContext = createContext<Role>('viewer');

/** The role of whoever is signed in, for the parts of the page that depend on what it may do. */
export function CallerRoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <CallerRoleContext.Provider value={role}>{children}</CallerRoleContext.Provider>;
}

export function useCallerRole(): Role {
  return useContext(CallerRoleContext);
}
