import type { TicketQueue } from '../api/ticket-types';
import { useQueues } from '../api/tickets';

export type Queues = {
  /** The queue's name; its code until the list arrives, or when it is no longer listed. */
  label: (code: string) => string;
  /** Every listed queue, plus any other code a ticket on screen is in, as [code, name]. */
  options: (...seen: (string | null | undefined)[]) => (readonly [string, string])[];
  /** Where tickets without a client land. */
  triage: TicketQueue | undefined;
};

/** The queues from the server (GET /api/v1/tickets/queues), for pickers, filters and the timeline. */
export function useQueueList(): Queues {
  const queues = useQueues();
  const items = queues.data ?? [];
  const byCode = new Map(items.map((q) => [q.code, q.name]));
  const label = (code: string) => byCode.get(code) ?? code;
  return {
    label,
    options: (...seen) => {
      const codes = [
        ...items.map((q) => q.code),
        ...seen.filter((q): q is string => Boolean(q) && !byCode.has(q as string)),
      ];
      return [...new Set(codes)].map((code) => [code, label(code)] as const);
    },
    triage: items.find((q) => q.triage),
  };
}
