import type { Entitlement, Level, Priority, TicketSource, TicketType, Workflow } from '../api/ticket-types';
import type { Tone } from '../ui/badge';

/** The words people read for the tickets API's codes. */

export const priorities: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const levels: readonly Level[] = ['high', 'medium', 'low'];

export const priorityLabels: Record<Priority, string> = {
  P1: 'P1 · Critical',
  P2: 'P2 · High',
  P3: 'P3 · Medium',
  P4: 'P4 · Low',
};

export const priorityTone = (p: Priority): Tone => (p === 'P1' ? 'danger' : p === 'P2' ? 'warn' : 'neutral');

export const levelLabels: Record<Level, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const sourceLabels: Record<TicketSource, string> = {
  phone: 'Phone',
  email: 'Email',
  portal: 'Portal',
  api: 'API',
  alert: 'Monitoring alert',
};

export const typeLabels: Record<TicketType, string> = {
  incident: 'Incident',
  service_request: 'Service request',
  problem: 'Problem',
  change: 'Change',
};

export const statusLabel = (workflow: Workflow | undefined, code: string) =>
  workflow?.statuses.find((s) => s.code === code)?.label ?? code;

/** The statuses a ticket may move to from its current one (the current one first). */
export function nextStatuses(workflow: Workflow, current: string) {
  const allowed = new Set(workflow.transitions[current] ?? []);
  return workflow.statuses.filter((s) => s.code === current || allowed.has(s.code));
}

/** The entitlement's answer in a few words: covered or billable, and by what. */
export function entitlementHeadline(e: Entitlement): string {
  switch (e.kind) {
    case 'covered':
      return 'Covered by agreement';
    case 'block':
      return 'Drawn from block hours';
    case 'retainer':
      return 'Drawn from retainer';
    case 'out_of_scope':
      return 'Out of scope: billable';
    case 'time_materials':
      return e.agreementId ? 'Time & materials: billable' : 'Break-fix: billable';
    case 'internal':
      return 'Internal: not billed';
    default:
      return e.billable ? 'Billable' : 'Not billable';
  }
}
