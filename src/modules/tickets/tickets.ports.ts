/**
 * What the helpdesk needs from other modules, as plain functions the composition root wires to their
 * services. Tickets never read another module's tables.
 */
import type { BusinessTime, Targets } from '../../domain/sla/clocks.js';
import type { Priority, PriorityMatrix } from '../../domain/sla/priority.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { EntitlementJson } from './tickets.tables.js';

export type ResolvedSla = {
  policyId: string;
  targets: Record<Priority, Targets>;
  warnPercent: number;
  pauseStatuses: readonly string[];
  time: BusinessTime;
  escalation: {
    notifyOnWarning: boolean;
    notifyOnBreach: boolean;
    reassignTo: string | null;
    raisePriority: boolean;
  };
};

export type TicketPorts = {
  /** A live (not archived) client visible in the scope, or null. */
  liveClient(scope: AccessScope, clientId: string): Promise<{ id: string } | null>;
  /** The contact, if it belongs to the client. */
  contactOfClient(clientId: string, contactId: string): Promise<{ id: string; email: string | null } | null>;
  siteOfClient(clientId: string, siteId: string): Promise<boolean>;
  unknownCategories(codes: string[]): Promise<string[]>;
  /** Staff users (not portal) that tickets can be assigned to. */
  isAssignable(userId: string): Promise<boolean>;
  priorityMatrix(): Promise<PriorityMatrix>;
  /** The SLA a client's tickets run on at an instant; null is best effort (no clock). */
  slaForClient(clientId: string | null, at: Date): Promise<ResolvedSla | null>;
  /** A saved policy by id (a ticket keeps the policy it started with). */
  slaPolicy(policyId: string): Promise<ResolvedSla | null>;
  /** What the work on a ticket is covered by, at an instant. */
  entitlement(clientId: string, category: string | null, at: Date): Promise<EntitlementJson | null>;
};
