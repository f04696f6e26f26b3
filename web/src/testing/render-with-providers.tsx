import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { AppProvider } from '../app/provider';
import { createQueryClient } from '../lib/query-client';

export interface RenderWithProvidersOptions {
  /** The operator's zone; UTC unless the test is about zones. */
  timeZone?: string;
  queryClient?: QueryClient;
}

export type RenderWithProvidersResult = RenderResult & { user: UserEvent; queryClient: QueryClient };

/** Renders `ui` inside the app's providers, with a fresh query cache unless one is given. */
export function renderWithProviders(ui: ReactElement, { timeZone = 'UTC', queryClient = createQueryClient() }: RenderWithProvidersOptions = {}): RenderWithProvidersResult {
  const user = userEvent.setup({ delay: null });
  const result = render(
    <AppProvider queryClient={queryClient} timeZone={timeZone}>
      {ui}
    </AppProvider>,
  );
  return { ...result, user, queryClient };
}
