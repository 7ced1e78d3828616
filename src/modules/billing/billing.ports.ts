/**
 * What billing needs from other modules, as plain functions the composition root wires to their
 * services (src/billing-wiring.ts). Billing never reads another module's tables.
 */
import type { ClientAgreement, QuantityCounts, WorkTypeBilling } from '../../domain/billing/index.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { DbOrTx } from '../../platform/db/store.js';
import type { TimeService } from '../time/index.js';

export type BillingClient = {
  id: string;
  name: string;
  timeZone: string;
  /** Basis points: 2000 = 20 %. */
  taxRateBp: number;
  billingAddress: Record<string, string | undefined>;
  archived: boolean;
};

export type CountedSource = keyof QuantityCounts;

export type BillingPorts = {
  /** The client as the caller may see it, or null. */
  client(scope: AccessScope, clientId: string): Promise<BillingClient | null>;
  /** Every live client (not archived), in name order: who a run for all clients looks at. */
  liveClients(): Promise<BillingClient[]>;
  /** Where invoices are sent: the first billing contact's address, or null. */
  billingEmail(clientId: string): Promise<string | null>;
  /** Each client's agreements as signed, with their dated amendments. */
  agreements(clientIds: string[]): Promise<Map<string, ClientAgreement[]>>;
  /** The counts a line may bill by, at the given instant: only the sources asked for. */
  counts(clientId: string, sources: ReadonlySet<CountedSource>, at: Date): Promise<QuantityCounts>;
  /** Every work type (inactive too: old entries still name them) with its billing rule. */
  workTypes(): Promise<WorkTypeBilling[]>;
  /**
   * '#123 Printer offline' for each ticket id found: how an invoice names the ticket its work was on.
   * Read in the caller's transaction.
   */
  ticketHeadings(ticketIds: readonly string[], tx: DbOrTx): Promise<Map<string, string>>;
  /** The time module's billing functions (they run in the caller's transaction). */
  time: Pick<
    TimeService,
    'listUninvoiced' | 'listPendingApproval' | 'attachToInvoices' | 'detachFromInvoice'
  >;
};
