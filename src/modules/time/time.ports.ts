/**
 * What time entries need from other modules, as plain functions the composition root wires to their
 * services (src/time-wiring.ts). Time never reads another module's tables.
 */
import type { Agreement } from '../../domain/agreements/types.js';
import type { WeeklyHours, WorkTypeRate } from '../../domain/entitlement/types.js';

export type TimePorts = {
  /** A ticket's client and category, or null when there is no such ticket. */
  ticket(ticketId: string): Promise<{ id: string; clientId: string | null; category: string | null } | null>;
  /** A client's zone, or null when there is no such client. */
  client(clientId: string): Promise<{ id: string; timeZone: string; archived: boolean } | null>;
  /** An enabled staff user (not portal) who can log time. */
  isStaff(userId: string): Promise<boolean>;
  /** The active work types with their default rates. */
  workTypes(): Promise<WorkTypeRate[]>;
  unknownCategories(codes: string[]): Promise<string[]>;
  /**
   * What decides a client's work on a date (in the client's zone): its agreements as amended then,
   * and the business hours and holidays of its calendar (absent: entitlement's default hours).
   */
  decidingContext(
    clientId: string,
    day: string,
  ): Promise<{ agreements: Agreement[]; businessHours?: WeeklyHours; holidays?: readonly string[] }>;
};
