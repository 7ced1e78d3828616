/**
 * Mail in: one SMTP message becomes a new ticket, a reply on a ticket, or a logged rejection. Every
 * check runs before anything is written, and a ticket or reply is written with its attachments in
 * one transaction, so a refused or failed mail leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import { runWithContext } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/errors.js';
import { type Envelope, SmtpReject } from '../../platform/mail/smtp-in.js';
import type { Actor, CheckedFile, Within } from '../tickets/index.js';
import type { MailPorts } from './mail.ports.js';
import {
  automaticReason,
  isKeelMessageId,
  keptText,
  mailbox,
  rawHeaders,
  startsWithHeader,
  threadIds,
  ticketNumberIn,
  ticketOfKeelMessageId,
  ticketSubject,
  utf8Headers,
} from './mail.rules.js';

const staffScope = { kind: 'staff' } as const;

/** What became of a message; the SMTP reply says it too. */
export type Outcome =
  | { kind: 'ticket'; ticketId: string; reference: string }
  | { kind: 'reply'; ticketId: string; reference: string }
  | { kind: 'duplicate'; messageId: string }
  | { kind: 'automatic'; reason: string };

/**
 * A requester's answer puts a ticket back to work when it waits on them, or was resolved or closed
 * (otherwise nobody would see it): the first open status the workflow allows from there.
 */
function reopenedStatus(
  workflow: { statuses: { code: string; phase: string }[]; transitions: Record<string, string[]> },
  current: string,
): string | undefined {
  const phase = workflow.statuses.find((s) => s.code === current)?.phase;
  if (current !== 'waiting_client' && phase !== 'resolved' && phase !== 'closed') return undefined;
  const open = new Set(workflow.statuses.filter((s) => s.phase === 'open').map((s) => s.code));
  return (workflow.transitions[current] ?? []).find((to) => open.has(to));
}

export function createInbound(deps: { ports: MailPorts; log: Logger; ourAddress: string }) {
  const { ports, log } = deps;
  const { tickets, attachments } = ports;

  const reject = (code: number, text: string, why: Record<string, unknown>): never => {
    log.warn({ ...why, smtp: `${code} ${text}` }, 'mail rejected');
    throw new SmtpReject(code, text);
  };

  async function parse(raw: Buffer, envelope: Envelope): Promise<ParsedMail> {
    if (!startsWithHeader(raw))
      reject(554, '5.6.0 Malformed message: it does not start with header fields', {
        reason: 'no header fields',
        envelope,
      });
    try {
      return await simpleParser(utf8Headers(raw), { skipImageLinks: true, skipTextLinks: true });
    } catch (err) {
      return reject(554, '5.6.0 Malformed message: it could not be parsed', {
        reason: 'unparseable',
        err,
        envelope,
      });
    }
  }

  /** Attachments checked before anything is written: too large refuses the mail, a refused kind is left out. */
  async function checkAttachments(mail: ParsedMail, why: Record<string, unknown>) {
    const kept: CheckedFile[] = [];
    const leftOut: string[] = [];
    for (const a of mail.attachments) {
      try {
        kept.push(
          await attachments.check({ filename: a.filename, declaredType: a.contentType, data: a.content }),
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'PAYLOAD_TOO_LARGE')
          reject(552, `5.3.4 ${err.message}`, { ...why, reason: err.message });
        leftOut.push(`[Attachment not kept: ${err.message}]`);
        log.warn({ ...why, reason: err.message }, 'mail attachment left out');
      }
    }
    return { kept, leftOut };
  }

  async function ticketOf(mail: ParsedMail): Promise<{ id: string; by: string } | null> {
    const ids = threadIds(mail.inReplyTo, mail.references);
    for (const id of ids) {
      const ours = ticketOfKeelMessageId(id);
      if (ours && (await tickets.mailThread(ours))) return { id: ours, by: `Keel's Message-ID ${id}` };
    }
    const stored = await tickets.findByEmailMessageIds(ids);
    if (stored) return { id: stored, by: 'In-Reply-To/References' };
    const number = ticketNumberIn(mail.subject);
    const byNumber = number === null ? null : await tickets.findByNumber(number);
    return byNumber ? { id: byNumber.id, by: `subject reference T-${number}` } : null;
  }

  async function receive(raw: Buffer, envelope: Envelope): Promise<Outcome> {
    const mail = await parse(raw, envelope);
    const from = mailbox(mail.from?.value[0]?.address);
    const messageId =
      mail.messageId && mail.messageId.length <= 500
        ? mail.messageId.trim()
        : `<${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@no-message-id.keel.invalid>`;
    const why = { from, messageId, subject: mail.subject, session: envelope.sessionId };
    if (!from)
      return reject(550, '5.1.7 Malformed message: no sender address in From', { ...why, reason: 'no From' });

    const automatic =
      automaticReason(rawHeaders(mail.headerLines), { envelopeFrom: envelope.mailFrom, from }) ??
      (from === deps.ourAddress || isKeelMessageId(messageId) ? 'sent by Keel itself: a mail loop' : null);
    if (automatic) {
      log.info({ ...why, reason: automatic }, 'mail rejected: automatic message, no ticket and no answer');
      return { kind: 'automatic', reason: automatic };
    }
    if (await tickets.findByEmailMessageIds([messageId])) {
      log.info(why, 'mail ignored: already received (same Message-ID)');
      return { kind: 'duplicate', messageId };
    }

    const { kept, leftOut } = await checkAttachments(mail, why);
    const text = [keptText(mail.text), ...leftOut].filter(Boolean).join('\n\n') || '(no text)';
    const within: Within = async (tx, w) => {
      await attachments.storeChecked(tx, w.ticketId, w.messageId, kept);
    };
    const senders = await ports.contactsByEmail(from);
    const actor = (contactId: string | null): Actor => ({
      userId: null,
      contactId,
      staff: false,
      channel: 'email',
    });

    const thread = await ticketOf(mail);
    if (thread) {
      const current = (await tickets.mailThread(thread.id))!.ticket;
      const contact = senders.find((c) => c.clientId === current.clientId) ?? null;
      if (!contact && current.requesterEmail?.toLowerCase() !== from)
        log.warn(
          { ...why, ticketId: thread.id },
          'mail reply from an address that is not a contact of the ticket’s client',
        );
      const status = reopenedStatus(await tickets.workflow(), current.status);
      const { ticket } = await tickets.reply(
        staffScope,
        thread.id,
        { body: text, public: true, status, fromAddress: from, emailMessageId: messageId },
        actor(contact?.id ?? null),
        new Date(),
        within,
      );
      log.info(
        { ...why, ticket: ticket.reference, matchedBy: thread.by, attachments: kept.length },
        'mail added to ticket',
      );
      return { kind: 'reply', ticketId: ticket.id, reference: ticket.reference };
    }

    // One client knows this address: the ticket is theirs. None, or several: triage decides.
    const clients = new Set(senders.map((c) => c.clientId));
    const contact = clients.size === 1 ? senders[0]! : null;
    if (clients.size > 1)
      log.info({ ...why, clients: [...clients] }, 'mail sender is a contact of several clients: triage');
    const ticket = await tickets.create(
      staffScope,
      {
        clientId: contact?.clientId ?? null,
        contactId: contact?.id ?? null,
        requesterEmail: from,
        source: 'email',
        type: 'incident',
        impact: 'medium',
        urgency: 'medium',
        tags: [],
        subject: ticketSubject(mail.subject),
        description: text,
        emailMessageId: messageId,
      },
      actor(contact?.id ?? null),
      new Date(),
      within,
    );
    log.info(
      { ...why, ticket: ticket.reference, queue: ticket.queue, attachments: kept.length },
      'mail opened a ticket',
    );
    return { kind: 'ticket', ticketId: ticket.id, reference: ticket.reference };
  }

  /** Takes one message as the SMTP listener hands it over; the answer is the 250 text. */
  async function ingest(raw: Buffer, envelope: Envelope): Promise<{ outcome: Outcome; reply: string }> {
    const ctx = {
      requestId: `smtp-${envelope.sessionId}`,
      ip: envelope.remoteAddress,
      principal: null,
      channel: 'smtp',
      audited: 0,
    };
    return runWithContext(ctx, async () => {
      let outcome: Outcome;
      try {
        outcome = await receive(raw, envelope);
      } catch (err) {
        // The same mail delivered twice at once: the second loses on the unique Message-ID.
        if (!isUniqueViolation(err)) throw err;
        log.info({ session: envelope.sessionId }, 'mail ignored: already received (same Message-ID)');
        outcome = { kind: 'duplicate', messageId: '' };
      }
      const reply =
        outcome.kind === 'ticket'
          ? `2.0.0 Received as ${outcome.reference}`
          : outcome.kind === 'reply'
            ? `2.0.0 Added to ${outcome.reference}`
            : outcome.kind === 'duplicate'
              ? '2.0.0 Already received'
              : '2.0.0 Automatic message: not processed';
      return { outcome, reply };
    });
  }

  return { ingest };
}
