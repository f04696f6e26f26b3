import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { endSession } from '../features/auth/api/session-cache';
import { createQueryClient } from '../lib/query-client';
import { browserTimeZone, TimeZoneProvider } from '../lib/time-zone';

export interface AppProviderProps {
  children: ReactNode;
  queryClient?: QueryClient;
  timeZone?: string;
}

export function AppProvider({ children, queryClient, timeZone }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createAppQueryClient());
  return (
    <QueryClientProvider client={client}>
      <TimeZoneProvider timeZone={timeZone ?? browserTimeZone()}>{children}</TimeZoneProvider>
    </QueryClientProvider>
  );
}

/**
 * The app's cache. A 401 from any request means the session is missing or has ended (it expired, or
 * someone signed out in another tab): the page goes back to signing in, its URL left as it was.
 */
export function createAppQueryClient(): QueryClient {
  const client: QueryClient = createQueryClient({ onUnauthorized: () => endSession(client) });
  return client;
}
