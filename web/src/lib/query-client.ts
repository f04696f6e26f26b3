import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Server state is pushed by the call stream, so queries are not refetched on a timer or on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        // A 4xx will answer the same again; anything else may pass on a second try.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 3,
      },
    },
  });
}
