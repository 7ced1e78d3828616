import type { Clock } from '../../domain/sla/clocks.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { TicketRow } from './ticket-clocks.js';
import type { ticketEvents, ticketMessages } from './tickets.tables.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoMs = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const ticketReference = (n: number) => `T-${String(n).padStart(6, '0')}`;

export function presentClock(c: Clock) {
  return {
    ...c,
    dueAt: new Date(c.dueAt).toISOString(),
    warnAt: new Date(c.warnAt).toISOString(),
    metAt: isoMs(c.metAt),
    breachedAt: isoMs(c.breachedAt),
  };
}

/** Portal users see whether work is covered, not the rule's internal reasoning about rates. */
export function presentTicket(row: TicketRow, clocks: readonly Clock[], scope: AccessScope) {
  const e = row.entitlement;
  return {
    id: row.id,
    number: row.number,
    reference: ticketReference(row.number),
    clientId: row.clientId,
    contactId: row.contactId,
    siteId: row.siteId,
    assetId: row.assetId,
    requesterEmail: row.requesterEmail,
    source: row.source,
    type: row.type,
    category: row.category,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    status: row.status,
    queue: row.queue,
    assigneeId: row.assigneeId,
    tags: row.tags,
    subject: row.subject,
    problemId: row.problemId,
    sla: {
      policyId: row.slaPolicyId,
      bestEffort: row.slaPolicyId === null,
      paused: row.slaPaused,
      nextDeadlineAt: iso(row.nextDeadlineAt),
      nextNoticeAt: iso(row.nextNoticeAt),
      clocks: clocks.map(presentClock),
    },
    entitlement: e
      ? {
          kind: e.kind,
          agreementId: e.agreementId,
          billable: e.billable,
          rule: scope.kind === 'staff' ? e.rule : { code: e.rule.code, explanation: '' },
        }
      : null,
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentMessage(m: typeof ticketMessages.$inferSelect) {
  return {
    id: m.id,
    public: m.public,
    byStaff: m.byStaff,
    authorUserId: m.authorUserId,
    authorContactId: m.authorContactId,
    fromAddress: m.fromAddress,
    body: m.body,
    channel: m.channel,
    createdAt: m.createdAt.toISOString(),
  };
}

export function presentEvent(e: typeof ticketEvents.$inferSelect) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    byStaff: e.byStaff,
    actorUserId: e.actorUserId,
    actorContactId: e.actorContactId,
    data: e.data,
  };
}
