/**
 * How the mail channel reaches tickets, contacts and users: through their services only. Part of the
 * composition root (app.ts).
 */
import type { ClientsService } from './modules/clients/index.js';
import type { IdentityService } from './modules/identity/index.js';
import type { MailPorts } from './modules/mail/index.js';
import type { AttachmentsService, TicketsService } from './modules/tickets/index.js';
import { staffScope } from './platform/auth/principal.js';
import { orNull } from './platform/errors.js';

export function mailPorts(s: {
  tickets: TicketsService;
  attachments: AttachmentsService;
  clients: ClientsService;
  identity: IdentityService;
}): MailPorts {
  return {
    tickets: s.tickets,
    attachments: s.attachments,
    async contactsByEmail(email) {
      return (await s.clients.findContactsByEmail(email)).map((c) => ({ id: c.id, clientId: c.clientId }));
    },
    async contactEmail(contactId) {
      const contact = await orNull(s.clients.getContact(staffScope, contactId));
      return contact && !contact.archived ? contact.email : null;
    },
    async user(userId) {
      const user = await orNull(s.identity.getUser(userId));
      return user && user.disabledAt === null ? { email: user.email, portal: user.role === 'portal' } : null;
    },
  };
}
