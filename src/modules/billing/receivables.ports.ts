/**
 * What payments, receivables, reminders and invoice mail need from other modules, as plain
 * functions the composition root wires to their services. Billing never reads another module's tables.
 */
export type ReceivablesPorts = {
  /** A client any staff member may see, or null. */
  client(clientId: string): Promise<{ id: string; name: string; archived: boolean } | null>;
  /** Names of these clients (archived ones too: old invoices still name them). */
  clientNames(clientIds: readonly string[]): Promise<Map<string, string>>;
  /** The addresses of the client's live billing contacts: where invoices and reminders go. */
  billingContacts(clientId: string): Promise<string[]>;
};
