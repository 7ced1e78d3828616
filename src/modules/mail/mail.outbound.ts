/**
 * Mail out, always from a job: an acknowledgement when a requester raises a ticket by mail or in the
 * portal, each public staff reply, and notices to staff. Every mail carries a Message-ID that names
 * its ticket and the thread's In-Reply-To/References, so answers come back to the right ticket.
 */
import type { Logger } from 'pino';
import { isPermanentFailure, type Mailer, type OutgoingMail } from '../../platform/mail/smtp-out.js';
import { ticketReference } from '../tickets/tickets.presenters.js';
import type { MailPorts } from './mail.ports.js';
import { keelMessageId, replyMarker } from './mail.rules.js';

export type AcknowledgeJob = { ticketId: string };
export type ReplyJob = { ticketId: string; messageId: string };
export type NoticeJob = { to: string[]; subject: string; text: string; ticketId: string | null; key: string };

type Thread = NonNullable<Awaited<ReturnType<MailPorts['tickets']['mailThread']>>>;

export function createOutbound(deps: {
  ports: MailPorts;
  mailer: Mailer;
  log: Logger;
  from: string;
  ourAddress: string;
  domain: string;
}) {
  const { ports, mailer, log } = deps;

  /** Who asked: the address the mail came from, else the contact, else the portal user who raised it. */
  async function requesterOf(thread: Thread): Promise<string | null> {
    const t = thread.ticket;
    if (t.requesterEmail) return t.requesterEmail;
    if (t.contactId) {
      const email = await ports.contactEmail(t.contactId);
      if (email) return email;
    }
    if (thread.createdBy) {
      const user = await ports.user(thread.createdBy);
      if (user?.portal) return user.email;
    }
    return null;
  }

  /** Sends; a refusal the relay will repeat (5xx) is logged and dropped, anything else is retried by the job. */
  async function send(mail: OutgoingMail, why: Record<string, unknown>): Promise<boolean> {
    if (mail.to.toLowerCase() === deps.ourAddress) {
      log.warn(why, 'mail not sent: addressed to Keel itself');
      return false;
    }
    try {
      await mailer.send(mail);
      log.info({ ...why, to: mail.to, messageId: mail.messageId }, 'mail sent');
      return true;
    } catch (err) {
      if (!isPermanentFailure(err)) throw err;
      log.error({ ...why, to: mail.to, err }, 'mail refused by the relay; not retried');
      return false;
    }
  }

  const footer = (reference: string) =>
    `\n\n-- \nTicket ${reference}. Reply to this mail to add to it; keep [${reference}] in the subject.`;

  return {
    async acknowledge({ ticketId }: AcknowledgeJob) {
      const thread = await ports.tickets.mailThread(ticketId);
      if (!thread) return;
      const to = await requesterOf(thread);
      const reference = ticketReference(thread.ticket.number);
      if (!to) {
        log.info({ ticket: reference }, 'no acknowledgement: the ticket has no requester address');
        return;
      }
      const first = thread.emailMessageIds[0];
      await send(
        {
          from: deps.from,
          to,
          subject: `[${reference}] ${thread.ticket.subject}`,
          text:
            `${replyMarker}\n\nWe have received your request and opened ticket ${reference}: ` +
            `"${thread.ticket.subject}". We will come back to you.${footer(reference)}`,
          messageId: keelMessageId(deps.domain, ticketId, 'ack'),
          inReplyTo: first,
          references: first ? [first] : undefined,
          // RFC 3834: an automatic answer says so, and asks other robots not to answer it.
          headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
        },
        { ticket: reference, kind: 'acknowledgement' },
      );
    },

    async reply({ ticketId, messageId }: ReplyJob) {
      const thread = await ports.tickets.mailThread(ticketId, messageId);
      const message = thread?.message;
      // Sent already (the Message-ID is recorded), or not something the requester should get.
      if (!thread || !message || message.emailMessageId || !message.public || !message.byStaff) return;
      const reference = ticketReference(thread.ticket.number);
      const to = await requesterOf(thread);
      if (!to) {
        log.info({ ticket: reference }, 'reply not mailed: the ticket has no requester address');
        return;
      }
      const earlier = thread.emailMessageIds;
      const references = earlier.length > 20 ? [earlier[0]!, ...earlier.slice(-19)] : earlier;
      const files = await ports.attachments.ofMessage(messageId);
      const mailId = keelMessageId(deps.domain, ticketId, messageId);
      const sent = await send(
        {
          from: deps.from,
          to,
          subject: `Re: [${reference}] ${thread.ticket.subject}`,
          text: `${replyMarker}\n\n${message.body}${footer(reference)}`,
          messageId: mailId,
          inReplyTo: earlier.at(-1),
          references: references.length ? references : undefined,
          attachments: files.map((f) => ({
            filename: f.filename,
            contentType: f.contentType,
            content: f.data,
          })),
        },
        { ticket: reference, kind: 'reply', message: messageId },
      );
      if (sent) await ports.tickets.recordMailed(ticketId, messageId, mailId, to);
    },

    async notice(job: NoticeJob) {
      let subject = job.subject;
      let references: string[] | undefined;
      if (job.ticketId) {
        const thread = await ports.tickets.mailThread(job.ticketId);
        if (thread) {
          const reference = ticketReference(thread.ticket.number);
          if (!subject.includes(reference)) subject = `[${reference}] ${subject}`;
          references = thread.emailMessageIds.slice(0, 1);
        }
      }
      const to = job.to.filter((a) => a.toLowerCase() !== deps.ourAddress);
      if (!to.length) return;
      await send(
        {
          from: deps.from,
          to: to.join(', '),
          subject,
          text: job.text,
          messageId: keelMessageId(deps.domain, job.ticketId, `notice-${job.key}`),
          references,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        },
        { kind: 'notice', ticketId: job.ticketId },
      );
    },
  };
}
