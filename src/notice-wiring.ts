/**
 * Who hears of SLA warnings and breaches, and how a resolved ticket's requester gets the CSAT link.
 * Part of the composition root: tickets know nothing of mail, mail knows nothing of SLA rules.
 */
import type { IdentityService } from './modules/identity/index.js';
import type { MailService } from './modules/mail/index.js';
import type { SlaNotice, TicketMessageEvent } from './modules/tickets/index.js';
import { ticketReference } from './modules/tickets/tickets.presenters.js';
import type { WebhooksService } from './modules/webhooks/index.js';

type SurveyTicket = {
  id: string;
  number: number;
  subject: string;
  requesterEmail: string | null;
  contactId: string | null;
};

const clockNames = { response: 'first response', resolution: 'resolution', update: 'update' } as const;

/** The assignee; when nobody has the ticket, every active admin and manager (the dispatchers). */
export async function noticeRecipients(
  identity: IdentityService,
  assigneeId: string | null,
): Promise<string[]> {
  const users = (await identity.listUsers()).filter((u) => u.disabledAt === null);
  const assignee = assigneeId ? users.find((u) => u.id === assigneeId) : undefined;
  if (assignee) return [assignee.email];
  return users.filter((u) => u.role === 'admin' || u.role === 'manager').map((u) => u.email);
}

export function slaNoticeMail(n: SlaNotice, publicUrl: string) {
  const what = `${clockNames[n.clock]} target`;
  const due = new Date(n.dueAt).toUTCString();
  return {
    subject:
      n.notice === 'breach'
        ? `SLA breached: ${what} (${n.priority})`
        : `SLA warning: ${what} due soon (${n.priority})`,
    text: [
      n.notice === 'breach'
        ? `The ${what} of ${n.reference} was due at ${due} and is not met.`
        : `The ${what} of ${n.reference} is due at ${due}.`,
      `Subject: ${n.subject}`,
      `Priority: ${n.priority}`,
      '',
      `${publicUrl}/tickets/${n.ticketId}`,
    ].join('\n'),
  };
}

export function surveyMail(reference: string, subject: string, token: string, publicUrl: string) {
  return {
    subject: `How did we do? ${subject}`,
    text: [
      `Your request ${reference} is resolved. One click tells us how it went:`,
      '',
      ...[5, 4, 3, 2, 1].map(
        (r) => `${'★'.repeat(r)}${'☆'.repeat(5 - r)}  ${publicUrl}/csat/${token}?rating=${r}`,
      ),
      '',
      'Thank you.',
    ].join('\n'),
  };
}

export function wireNotices(deps: {
  identity: IdentityService;
  mail: MailService;
  publicUrl: string;
  onSlaNotice(listen: (n: SlaNotice) => Promise<void>): void;
  onSurveyOpened(listen: (ticket: SurveyTicket, token: string) => Promise<void>): void;
  contactEmail(contactId: string): Promise<string | null>;
}) {
  deps.onSlaNotice(async (n) => {
    const to = await noticeRecipients(deps.identity, n.assigneeId);
    if (to.length)
      await deps.mail.sendNotice({ to, ticketId: n.ticketId, ...slaNoticeMail(n, deps.publicUrl) });
  });
  deps.onSurveyOpened(async (ticket, token) => {
    const to = ticket.requesterEmail ?? (ticket.contactId ? await deps.contactEmail(ticket.contactId) : null);
    if (!to) return;
    const mail = surveyMail(ticketReference(ticket.number), ticket.subject, token, deps.publicUrl);
    await deps.mail.sendNotice({ to, ticketId: ticket.id, ...mail });
  });
}

/** Receivers hear of new tickets, resolutions and SLA notices, once each has committed. */
export function wireWebhooks(deps: {
  webhooks: WebhooksService;
  onSlaNotice(listen: (n: SlaNotice) => Promise<void>): void;
  onMessage(listen: (e: TicketMessageEvent) => Promise<void>): void;
  onResolved(
    listen: (
      t: SurveyTicket & { clientId: string | null; status: string; priority: string },
    ) => Promise<void>,
  ): void;
}) {
  deps.onSlaNotice(async (n) => {
    const type = n.notice === 'breach' ? 'ticket.sla_breached' : 'ticket.sla_warning';
    await deps.webhooks.publish(type, { ...n }, { clientId: n.clientId });
  });
  deps.onMessage(async (e) => {
    if (e.kind !== 'created') return;
    await deps.webhooks.publish('ticket.created', { ticketId: e.ticketId, channel: e.channel });
  });
  deps.onResolved(async (t) => {
    const data = {
      ticketId: t.id,
      reference: ticketReference(t.number),
      subject: t.subject,
      status: t.status,
      priority: t.priority,
    };
    await deps.webhooks.publish('ticket.resolved', data, { clientId: t.clientId });
  });
}
