import type { Role } from '@call-scheduler/shared';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { AppProvider, createAppQueryClient } from '../app/provider';
import { CallerRoleProvider } from '../lib/caller-role';

export interface RenderWithProvidersOptions {
  /** The operator's zone; UTC unless the test is about zones. */
  timeZone?: string;
  queryClient?: QueryClient;
  /** Who is signed in; an operator, who may act on calls, unless the test is about roles. */
  role?: Role;
}

export type RenderWithProvidersResult = RenderResult & { user: UserEvent; queryClient: QueryClient };

/** Renders `ui` inside the app's providers, with a fresh query cache unless one is given. */
export function renderWithProviders(
  ui: ReactElement,
  { timeZone = 'UTC', queryClient = createAppQueryClient(), role = 'operator' }: RenderWithProvidersOptions = {},
): RenderWithProvidersResult {
  const user = userEvent.setup({ delay: null });
  const result = render(
    <AppProvider queryClient={queryClient} timeZone={timeZone}>
      <CallerRoleProvider role={role}>{ui}</CallerRoleProvider>
    </AppProvider>,
  );
  return { ...result, user, queryClient };
}
