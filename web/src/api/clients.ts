import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './http';
import type { Client, ClientInput, ClientStatus, Page } from './types';

export type ClientFilters = { q: string; status: ClientStatus | ''; includeArchived: boolean };

export const clientKeys = {
  all: ['clients'] as const,
  list: (f: ClientFilters) => ['clients', 'list', f] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
};

const PAGE_SIZE = 25;

export function useClients(filters: ClientFilters) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<Client>>('/api/v1/clients', {
        q: filters.q.trim(),
        status: filters.status,
        include_archived: filters.includeArchived ? 'true' : undefined,
        limit: PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string, enabled = true) {
  return useQuery({
    queryKey: clientKeys.detail(id),
    queryFn: () => api.get<Client>(`/api/v1/clients/${encodeURIComponent(id)}`),
    enabled: enabled && id !== '',
  });
}

/**
 * Names of the clients with these ids, fetched one by one and cached with each client's detail:
 * rows that carry only a client id (tickets) show the name once it arrives.
 */
export function useClientNames(ids: readonly (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: clientKeys.detail(id),
      queryFn: () => api.get<Client>(`/api/v1/clients/${encodeURIComponent(id)}`),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  for (const r of results) if (r.data) names.set(r.data.id, r.data.name);
  return names;
}

/** Saves the answer as the client's detail and refreshes every list. */
function useClientWrite<V>(fn: (vars: V) => Promise<Client>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (client) => {
      qc.setQueryData(clientKeys.detail(client.id), client);
      void qc.invalidateQueries({ queryKey: [...clientKeys.all, 'list'] });
    },
  });
}

export const useCreateClient = () =>
  useClientWrite((input: ClientInput) => api.post<Client>('/api/v1/clients', input));

export const useUpdateClient = (id: string) =>
  useClientWrite((input: ClientInput) => api.patch<Client>(`/api/v1/clients/${id}`, input));

export const useArchiveClient = (id: string) =>
  useClientWrite(() => api.delete<Client>(`/api/v1/clients/${id}`));

export const useRestoreClient = (id: string) =>
  useClientWrite(() => api.post<Client>(`/api/v1/clients/${id}/restore`));
