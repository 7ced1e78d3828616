/**
 * What alerts need from other modules, as plain functions the composition root wires to their
 * services (alerts-wiring.ts). Alerts never read another module's tables.
 */
import type { Identity } from '../../domain/monitoring/index.js';
import type { Priority } from '../../domain/sla/priority.js';
import type { Tx } from '../../platform/db/store.js';

/** Work the helpdesk runs inside its own transaction; throwing undoes the ticket change with it. */
export type InTicketTx = (tx: Tx) => Promise<void>;

/** The live state of a ticket, as the lifecycle distinguishes it. */
export type LiveTicket = {
  /** worked-on: a technician has logged time on it or written on it. */
  state: 'open' | 'worked-on' | 'resolved';
  tags: readonly string[];
};

export type NewAlertTicket = {
  /** Null: the triage queue. */
  clientId: string | null;
  priority: Priority;
  subject: string;
  description: string;
};

/** Ticket changes are dated `at` (default: now). */
export type AlertTicketPorts = {
  /** Opens a ticket; `link` runs in the transaction that writes it. */
  open(
    input: NewAlertTicket,
    link: (tx: Tx, ticketId: string) => Promise<void>,
    at?: Date,
  ): Promise<{ id: string }>;
  /** null when the ticket no longer exists. */
  state(ticketId: string): Promise<LiveTicket | null>;
  /** An internal note, moved to `to` (a resolved or an open phase) in the same step when given. */
  note(
    ticketId: string,
    body: string,
    within: InTicketTx,
    to?: 'resolved' | 'open',
    at?: Date,
  ): Promise<void>;
  /** Adds a tag (no-op when present). */
  tag(ticketId: string, tag: string, at?: Date): Promise<void>;
  /** Puts a triage ticket with the client its alert was mapped to. */
  setClient(ticketId: string, clientId: string): Promise<void>;
};

export type AlertPorts = {
  tickets: AlertTicketPorts;
  /**
   * Every live asset's identity labels (`instance=web01:9100`, `monitor=Acme website`): each becomes
   * an exact mapping rule, so an asset's identity beats a client-wide pattern (mapping.ts).
   */
  assetIdentities(): Promise<{ assetId: string; clientId: string; key: string; value: string }[]>;
  /** The asset an alert no rule placed names by its host (hostname or address), if exactly one does. */
  findAssetByIdentity(
    identity: Identity & { labels?: Readonly<Record<string, string>> },
  ): Promise<{ id: string; clientId: string; siteId: string | null } | null>;
  /** The asset's name, for availability; null when unknown. */
  assetName(assetId: string): Promise<string | null>;
  /** Whether a live client exists; mapping rules and windows name only those. */
  clientExists(clientId: string): Promise<boolean>;
  /** Whether the asset belongs to the client (no assets module: false). */
  assetOfClient(clientId: string, assetId: string): Promise<boolean>;
  /** The client's IANA zone: its months are measured on its own wall clock. */
  clientTimeZone(clientId: string): Promise<string | null>;
  /** The availability target (percent, e.g. 99.9) the client's agreements in force on `day` promise; null: none. */
  availabilityTarget(clientId: string, day: string): Promise<number | null>;
  /** Every live client with an availability target on `day`, for the breach job. */
  clientsWithTargets(day: string): Promise<string[]>;
};
