import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './http';
import type {
  CreateTicketInput,
  QueueFilters,
  ReplyInput,
  Ticket,
  TicketEvent,
  TicketMessage,
  TicketQueue,
  UpdateTicketInput,
  Workflow,
} from './ticket-types';
import type { Page } from './types';

/** "Breaching soon": a target due within this many minutes, or already overdue. */
export const BREACHING_SOON_MINUTES = 60;

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (f: QueueFilters) => ['tickets', 'list', f] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
  messages: (id: string) => ['tickets', 'detail', id, 'messages'] as const,
  history: (id: string) => ['tickets', 'detail', id, 'history'] as const,
  workflow: ['tickets', 'workflow'] as const,
  queues: ['tickets', 'queues'] as const,
  mine: ['tickets', 'list', 'mine'] as const,
};

const path = (id: string) => `/api/v1/tickets/${encodeURIComponent(id)}`;
const PAGE_SIZE = 50;
/** Deadlines pass while the page is open: the server's view of the clocks is asked for again. */
const REFRESH_MS = 60_000;

export function useTickets(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<Ticket>>('/api/v1/tickets', {
        q: filters.q.trim(),
        client_id: filters.clientId,
        priority: filters.priority,
        status: filters.status,
        queue: filters.queue,
        include_resolved: filters.includeResolved ? 'true' : undefined,
        assignee: filters.view === 'mine' ? 'me' : filters.view === 'unassigned' ? 'none' : undefined,
        breaching_within: filters.view === 'breaching' ? BREACHING_SOON_MINUTES : undefined,
        limit: PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export const useTicket = (id: string) =>
  useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: () => api.get<Ticket>(path(id)),
    refetchInterval: REFRESH_MS,
  });

export const useTicketMessages = (id: string) =>
  useQuery({
    queryKey: ticketKeys.messages(id),
    queryFn: () => api.get<{ items: TicketMessage[] }>(`${path(id)}/messages`).then((r) => r.items),
  });

export const useTicketHistory = (id: string) =>
  useQuery({
    queryKey: ticketKeys.history(id),
    queryFn: () => api.get<{ items: TicketEvent[] }>(`${path(id)}/history`).then((r) => r.items),
  });

/** Statuses and allowed moves change only when an administrator edits the workflow. */
export const useWorkflow = () =>
  useQuery({
    queryKey: ticketKeys.workflow,
    queryFn: () => api.get<Workflow>('/api/v1/tickets/workflow'),
    staleTime: 10 * 60_000,
  });

/** The queues change only when an administrator edits them. */
export const useQueues = () =>
  useQuery({
    queryKey: ticketKeys.queues,
    queryFn: () => api.get<{ items: TicketQueue[] }>('/api/v1/tickets/queues').then((r) => r.items),
    staleTime: 10 * 60_000,
  });

/**
 * The ticket people quote as "T-000123" (or 123), resolved or not; null when there is none. The
 * list's search matches the number exactly (and subjects containing the text, hence the check).
 */
export async function findTicketByReference(reference: string): Promise<Ticket | null> {
  const n = /^(?:T-?)?0*(\d{1,15})$/i.exec(reference.trim())?.[1];
  if (!n) return null;
  const page = await api.get<Page<Ticket>>('/api/v1/tickets', {
    q: `T-${n}`,
    include_resolved: 'true',
    limit: 50,
  });
  return page.items.find((t) => t.number === Number(n)) ?? null;
}

/** The answer becomes the ticket's detail; the queue, timeline and history are fetched again. */
function useTicketWrite<V>(fn: (vars: V) => Promise<Ticket>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (ticket) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void qc.invalidateQueries({ queryKey: [...ticketKeys.all, 'list'] });
      void qc.invalidateQueries({ queryKey: ticketKeys.history(ticket.id) });
      void qc.invalidateQueries({ queryKey: ticketKeys.messages(ticket.id) });
    },
  });
}

export const useCreateTicket = () =>
  useTicketWrite((input: CreateTicketInput) => api.post<Ticket>('/api/v1/tickets', input));

export const useUpdateTicket = (id: string) =>
  useTicketWrite((input: UpdateTicketInput) => api.patch<Ticket>(path(id), input));

export const useReply = (id: string) =>
  useTicketWrite((input: ReplyInput) =>
    api.post<{ message: TicketMessage; ticket: Ticket }>(`${path(id)}/replies`, input).then((r) => r.ticket),
  );
