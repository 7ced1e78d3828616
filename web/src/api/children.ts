import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import type { Contact, ContactInput, Page, Site, SiteInput } from './types';

/** Sites and contacts: lists that belong to one client. */
type Kind = 'sites' | 'contacts';

export const childKey = (clientId: string, kind: Kind) => ['clients', 'detail', clientId, kind] as const;

const PAGE_SIZE = 50;

function useChildren<T>(clientId: string, kind: Kind) {
  return useInfiniteQuery({
    queryKey: childKey(clientId, kind),
    queryFn: ({ pageParam }) =>
      api.get<Page<T>>(`/api/v1/clients/${encodeURIComponent(clientId)}/${kind}`, {
        limit: PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: clientId !== '',
  });
}

function useAddChild<I, T>(clientId: string, kind: Kind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<T>(`/api/v1/clients/${encodeURIComponent(clientId)}/${kind}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: childKey(clientId, kind) }),
  });
}

export const useSites = (clientId: string) => useChildren<Site>(clientId, 'sites');
export const useContacts = (clientId: string) => useChildren<Contact>(clientId, 'contacts');
export const useAddSite = (clientId: string) => useAddChild<SiteInput, Site>(clientId, 'sites');
export const useAddContact = (clientId: string) => useAddChild<ContactInput, Contact>(clientId, 'contacts');
