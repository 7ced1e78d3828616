import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './http';
import type { Page } from './types';

/** Shapes of the time API (src/modules/time/time.schemas.ts). Instants are ISO 8601 strings. */

export type TimeEntryStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type OutcomeKind = 'covered' | 'block' | 'retainer' | 'out_of_scope' | 'time_materials' | 'internal';

export type TimeEntry = {
  id: string;
  technicianId: string;
  clientId: string | null;
  ticketId: string | null;
  projectRef: string | null;
  activity: string | null;
  category: string | null;
  workType: string;
  agreementHint: string | null;
  startedAt: string;
  endedAt: string;
  minutes: number;
  note: string;
  status: TimeEntryStatus;
  billable: boolean;
  billableOverride: { billable: boolean; reason: string } | null;
  /** Minor units to invoice. */
  amount: number;
  entitlement: {
    kind: OutcomeKind;
    agreementId: string | null;
    rule: { code: string; explanation: string };
    /** What entitlement decided, before any override. */
    billable: boolean;
    /** Minor units per hour. */
    rate: number | null;
    afterHours: boolean;
    afterHoursMinutes: number;
    afterHoursMultiplier: number;
  };
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  rejectionReason: string | null;
  invoiceId: string | null;
  locked: 'approved' | 'invoiced' | null;
  createdAt: string;
  updatedAt: string;
};

/** What the work was on: exactly one of ticket, project and activity. */
export type Subject = {
  ticketId?: string | null;
  projectRef?: string | null;
  activity?: string | null;
  clientId?: string | null;
  category?: string | null;
};

export type TimeEntryInput = Subject & {
  technicianId?: string;
  workType: string;
  startedAt: string;
  endedAt?: string;
  durationMinutes?: number;
  note?: string;
  /** Overrides entitlement's decision; null removes an override. */
  billable?: boolean | null;
  billableReason?: string;
};

export type Timer = {
  userId: string;
  startedAt: string;
  clientId: string | null;
  ticketId: string | null;
  projectRef: string | null;
  activity: string | null;
  category: string | null;
  workType: string;
  note: string;
};

export type StartTimerInput = Subject & { workType: string; note?: string; startedAt?: string };

export type TimeFilters = {
  technician?: string;
  clientId?: string;
  ticketId?: string;
  /** Comma-separated statuses. */
  status?: string;
  from?: string;
  to?: string;
};

export const timeKeys = {
  all: ['time'] as const,
  list: (f: TimeFilters) => ['time', 'list', f] as const,
  range: (f: TimeFilters) => ['time', 'range', f] as const,
  timer: ['timer'] as const,
};

const base = '/api/v1/time-entries';
const query = (f: TimeFilters, cursor?: string, limit = 100) => ({
  technician: f.technician,
  client_id: f.clientId,
  ticket_id: f.ticketId,
  status: f.status,
  from: f.from,
  to: f.to,
  limit,
  cursor,
});

/** A long list page by page, for the approval queue. */
export function useTimeEntries(filters: TimeFilters) {
  return useInfiniteQuery({
    queryKey: timeKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<Page<TimeEntry>>(base, query(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every entry of a bounded range (a week of one person's time), all pages read. */
export function useAllTimeEntries(filters: TimeFilters, enabled = true) {
  return useQuery({
    queryKey: timeKeys.range(filters),
    queryFn: async () => {
      const items: TimeEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<TimeEntry>>(base, query(filters, cursor, 200));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Any write: every list of time is fetched again (totals, statuses and the queue all move). */
function useTimeWrite<V, T>(fn: (vars: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: timeKeys.all });
    },
  });
}

const entryPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const useCreateTimeEntry = () =>
  useTimeWrite((input: TimeEntryInput) => api.post<TimeEntry>(base, input));

export const useUpdateTimeEntry = () =>
  useTimeWrite(({ id, patch }: { id: string; patch: Partial<TimeEntryInput> }) =>
    api.patch<TimeEntry>(entryPath(id), patch),
  );

export const useDeleteTimeEntry = () => useTimeWrite((id: string) => api.delete<void>(entryPath(id)));

export type ReviewInput =
  | { action: 'submit' | 'approve'; ids: string[] }
  | { action: 'reject'; ids: string[]; reason: string };

export const useReviewTimeEntries = () =>
  useTimeWrite(({ action, ...body }: ReviewInput) =>
    api.post<{ items: TimeEntry[] }>(`${base}/${action}`, body).then((r) => r.items),
  );

export const useTimer = (enabled = true) =>
  useQuery({
    queryKey: timeKeys.timer,
    queryFn: () => api.get<{ timer: Timer | null }>('/api/v1/timer').then((r) => r.timer),
    enabled,
  });

/** Starting or stopping moves the timer and, on stop, adds an entry to the time sheet. */
function useTimerWrite<V, T>(fn: (vars: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: timeKeys.timer });
      void qc.invalidateQueries({ queryKey: timeKeys.all });
    },
  });
}

export const useStartTimer = () =>
  useTimerWrite((input: StartTimerInput) => api.post<Timer>('/api/v1/timer', input));

/** Stops the timer into a draft entry, or with `discard` drops it. */
export const useStopTimer = () =>
  useTimerWrite(({ discard }: { discard: boolean }) =>
    api
      .delete<{ entry: TimeEntry | null }>(discard ? '/api/v1/timer?discard=true' : '/api/v1/timer')
      .then((r) => r.entry),
  );
