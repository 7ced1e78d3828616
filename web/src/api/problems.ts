import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { ticketKeys } from './tickets';

/** Shapes of the problems API (src/modules/tickets/problems.routes.ts). */

export type ProblemStatus = 'open' | 'known_error' | 'resolved';

export type Incident = {
  id: string;
  reference: string;
  subject: string;
  clientId: string | null;
  status: string;
  resolved: boolean;
};

export type Problem = {
  id: string;
  title: string;
  rootCause: string;
  workaround: string;
  status: ProblemStatus;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  incidents: Incident[];
};

export type CreateProblemInput = {
  title: string;
  rootCause?: string;
  workaround?: string;
  ticketIds?: string[];
};
export type UpdateProblemInput = Partial<{
  title: string;
  rootCause: string;
  workaround: string;
  status: 'open' | 'known_error';
}>;
export type ResolveProblemInput = { resolveIncidents: boolean; note: string | null };
/** The references of incidents the workflow would not resolve (e.g. closed and locked). */
export type ResolvedProblem = Problem & { notResolved: string[] };

export const problemKeys = {
  all: ['problems'] as const,
  list: (status: ProblemStatus | '') => ['problems', 'list', status] as const,
  detail: (id: string) => ['problems', 'detail', id] as const,
};

const path = (id: string) => `/api/v1/problems/${encodeURIComponent(id)}`;

export const useProblems = (status: ProblemStatus | '' = '') =>
  useQuery({
    queryKey: problemKeys.list(status),
    queryFn: () =>
      api.get<{ items: Problem[] }>('/api/v1/problems', { status: status || undefined }).then((r) => r.items),
  });

export const useProblem = (id: string) =>
  useQuery({
    queryKey: problemKeys.detail(id),
    queryFn: () => api.get<Problem>(path(id)),
    enabled: id !== '',
  });

/**
 * The answer becomes the problem's detail; lists are fetched again, and so are tickets, whose
 * problemId (and, when a resolution resolved them, status) may have changed.
 */
function useProblemWrite<V, R extends Problem = Problem>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (problem) => {
      qc.setQueryData(problemKeys.detail(problem.id), problem);
      void qc.invalidateQueries({ queryKey: [...problemKeys.all, 'list'] });
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
}

export const useCreateProblem = () =>
  useProblemWrite((input: CreateProblemInput) => api.post<Problem>('/api/v1/problems', input));

export const useUpdateProblem = (id: string) =>
  useProblemWrite((input: UpdateProblemInput) => api.patch<Problem>(path(id), input));

export const useLinkIncidents = (id: string) =>
  useProblemWrite((input: { add?: string[]; remove?: string[] }) =>
    api.post<Problem>(`${path(id)}/incidents`, { add: input.add ?? [], remove: input.remove ?? [] }),
  );

export const useResolveProblem = (id: string) =>
  useProblemWrite((input: ResolveProblemInput) => api.post<ResolvedProblem>(`${path(id)}/resolve`, input));
