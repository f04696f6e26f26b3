import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '../lib/query-client';
import { browserTimeZone, TimeZoneProvider } from '../lib/time-zone';

export interface AppProviderProps {
  children: ReactNode;
  queryClient?: QueryClient;
  timeZone?: string;
}

export function AppProvider({ children, queryClient, timeZone }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <TimeZoneProvider timeZone={timeZone ?? browserTimeZone()}>{children}</TimeZoneProvider>
    </QueryClientProvider>
  );
}
