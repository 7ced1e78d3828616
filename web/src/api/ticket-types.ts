/** Shapes of the tickets API (src/modules/tickets/tickets.schemas.ts). Instants are ISO 8601 strings. */

export type Level = 'high' | 'medium' | 'low';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type TicketSource = 'portal' | 'email' | 'phone' | 'api' | 'alert';
export type TicketType = 'incident' | 'service_request' | 'problem' | 'change';
export type Phase = 'new' | 'open' | 'paused' | 'resolved' | 'closed';

export type ClockKind = 'response' | 'resolution' | 'update';
export type ClockState = 'running' | 'paused' | 'met' | 'breached';

export type Clock = {
  kind: ClockKind;
  state: ClockState;
  /** The target, in business minutes. */
  minutes: number;
  /** When the target runs out; while paused, when it would if the ticket resumed now. */
  dueAt: string;
  warnAt: string;
  metAt: string | null;
  breachedAt: string | null;
  elapsedMinutes: number;
  remainingMinutes: number;
};

export type TicketSla = {
  policyId: string | null;
  /** No SLA applies: no clock runs. */
  bestEffort: boolean;
  paused: boolean;
  /** The earliest due instant of a running (or overdue) clock; what the queue is ordered by. */
  nextDeadlineAt: string | null;
  /**
   * The next warning or due instant of a running clock, as of the last time the clocks were
   * stored; null when no clock runs (paused, met, or all overdue).
   */
  nextNoticeAt: string | null;
  /** Live clocks on one ticket; the queue's rows carry none. */
  clocks: Clock[];
};

export type Entitlement = {
  kind: string;
  agreementId: string | null;
  billable: boolean;
  rule: { code: string; explanation: string };
};

export type Ticket = {
  id: string;
  number: number;
  reference: string;
  clientId: string | null;
  contactId: string | null;
  siteId: string | null;
  assetId: string | null;
  requesterEmail: string | null;
  source: TicketSource;
  type: TicketType;
  category: string | null;
  impact: Level;
  urgency: Level;
  priority: Priority;
  status: string;
  queue: string;
  assigneeId: string | null;
  tags: string[];
  subject: string;
  problemId: string | null;
  sla: TicketSla;
  entitlement: Entitlement | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type TicketMessage = {
  id: string;
  public: boolean;
  byStaff: boolean;
  authorUserId: string | null;
  authorContactId: string | null;
  fromAddress: string | null;
  body: string;
  channel: string;
  createdAt: string;
};

export type TicketEvent = {
  id: string;
  at: string;
  kind: string;
  byStaff: boolean;
  actorUserId: string | null;
  actorContactId: string | null;
  data: Record<string, unknown>;
};

export type WorkflowStatus = { code: string; label: string; phase: Phase };
export type Workflow = { statuses: WorkflowStatus[]; transitions: Record<string, string[]> };

export type CreateTicketInput = {
  clientId?: string | null;
  contactId?: string | null;
  requesterEmail?: string | null;
  source?: TicketSource;
  type?: TicketType;
  category?: string | null;
  impact?: Level;
  urgency?: Level;
  queue?: string;
  assigneeId?: string | null;
  tags?: string[];
  subject: string;
  description?: string;
};

export type UpdateTicketInput = Partial<{
  clientId: string;
  contactId: string | null;
  type: TicketType;
  category: string | null;
  impact: Level;
  urgency: Level;
  priority: Priority;
  status: string;
  queue: string;
  assigneeId: string | null;
  tags: string[];
  subject: string;
  /** The problem record this incident belongs to; null unlinks it. */
  problemId: string | null;
}>;

/** A queue tickets can be in; the triage queue holds what nobody could place. */
export type TicketQueue = { code: string; name: string; triage: boolean };

export type ReplyInput = { body: string; public: boolean; status?: string };

export type QueueFilters = {
  /** Which slice of the queue: the tabs. */
  view: 'all' | 'mine' | 'unassigned' | 'breaching';
  q: string;
  clientId: string;
  priority: Priority | '';
  status: string;
  queue: string;
  includeResolved: boolean;
};
