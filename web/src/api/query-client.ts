import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './http';
import { meKey } from './session';

/** A 4xx will not get better by asking again; anything else gets two more tries. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended (expired, signed out elsewhere): back to sign-in.
    queryCache: new QueryCache({ onError: (error) => onUnauthenticated(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(client, error) }),
    defaultOptions: {
      queries: { retry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

function onUnauthenticated(client: QueryClient, error: unknown) {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') client.setQueryData(meKey, null);
}
