import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  AgreementEvent,
  AgreementKind,
  AgreementStatus,
  Amendment,
  AmendmentInput,
  CreateAgreementInput,
  LifecycleAction,
  UpdateAgreementInput,
} from './agreement-types';
import { api } from './http';

export type AgreementFilters = {
  clientId?: string;
  status?: AgreementStatus | '';
  kind?: AgreementKind | '';
};

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (f: AgreementFilters) => ['agreements', 'list', f] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
  events: (id: string) => ['agreements', 'detail', id, 'events'] as const,
  amendments: (id: string) => ['agreements', 'detail', id, 'amendments'] as const,
};

const path = (id: string) => `/api/v1/agreements/${encodeURIComponent(id)}`;

export const useAgreements = (filters: AgreementFilters) =>
  useQuery({
    queryKey: agreementKeys.list(filters),
    queryFn: () =>
      api
        .get<{ items: Agreement[] }>('/api/v1/agreements', {
          client_id: filters.clientId,
          status: filters.status,
          kind: filters.kind,
        })
        .then((r) => r.items),
  });

export const useAgreement = (id: string) =>
  useQuery({ queryKey: agreementKeys.detail(id), queryFn: () => api.get<Agreement>(path(id)) });

/** The agreement with its lines as they stood on a date: amendments replayed up to it. */
export const useAgreementAsOf = (id: string, asOf: string) =>
  useQuery({
    queryKey: [...agreementKeys.detail(id), 'as-of', asOf],
    queryFn: () => api.get<Agreement>(path(id), { as_of: asOf }),
  });

export const useAgreementEvents = (id: string) =>
  useQuery({
    queryKey: agreementKeys.events(id),
    queryFn: () => api.get<{ items: AgreementEvent[] }>(`${path(id)}/events`).then((r) => r.items),
  });

export const useAmendments = (id: string) =>
  useQuery({
    queryKey: agreementKeys.amendments(id),
    queryFn: () => api.get<{ items: Amendment[] }>(`${path(id)}/amendments`).then((r) => r.items),
  });

/**
 * Any change to an agreement can change its client's classification and MRR, and every list it
 * appears in, so agreements and classifications are fetched again. An answer that is the agreement
 * itself becomes its detail at once.
 */
function useAgreementWrite<V, T>(fn: (vars: V) => Promise<T>, isAgreement: boolean) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      if (isAgreement) {
        const saved = result as Agreement;
        qc.setQueryData(agreementKeys.detail(saved.id), saved);
      }
      void qc.invalidateQueries({ queryKey: agreementKeys.all });
      void qc.invalidateQueries({ queryKey: ['classification'] });
    },
  });
}

export const useCreateAgreement = () =>
  useAgreementWrite((input: CreateAgreementInput) => api.post<Agreement>('/api/v1/agreements', input), true);

export const useUpdateAgreement = (id: string) =>
  useAgreementWrite((input: UpdateAgreementInput) => api.patch<Agreement>(path(id), input), true);

export type LifecycleInput =
  | { action: 'activate'; signedOn: string; signedBy: string }
  | { action: Exclude<LifecycleAction, 'activate'>; on: string; reason: string };

export const useLifecycle = (id: string) =>
  useAgreementWrite(
    ({ action, ...body }: LifecycleInput) => api.post<Agreement>(`${path(id)}/${action}`, body),
    true,
  );

export const useAmend = (id: string) =>
  useAgreementWrite((input: AmendmentInput) => api.post<Amendment>(`${path(id)}/amendments`, input), false);

export const useReverseAmendment = (id: string) =>
  useAgreementWrite(
    ({ amendmentId, ...body }: { amendmentId: string; effectiveOn: string; note: string }) =>
      api.post<Amendment>(`${path(id)}/amendments/${encodeURIComponent(amendmentId)}/reverse`, body),
    false,
  );
