/**
 * What the mail channel needs from other modules, as plain functions the composition root wires to
 * their services (src/mail-wiring.ts). Mail reads no other module's tables.
 */
import type { AttachmentsService, TicketsService } from '../tickets/index.js';

export type MailPorts = {
  tickets: TicketsService;
  attachments: AttachmentsService;
  /** Live contacts of live clients with this address (any case). */
  contactsByEmail(email: string): Promise<{ id: string; clientId: string }[]>;
  /** A contact's address, or null. */
  contactEmail(contactId: string): Promise<string | null>;
  /** A user's address and whether they are a portal user (a requester), or null. */
  user(userId: string): Promise<{ email: string; portal: boolean } | null>;
};
