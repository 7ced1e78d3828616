import pino, { type Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { listenSmtp, type SmtpListener } from '../../platform/mail/smtp-in.js';
import { createMailer } from '../../platform/mail/smtp-out.js';
import { createInbound } from './mail.inbound.js';
import { type AcknowledgeJob, createOutbound, type NoticeJob, type ReplyJob } from './mail.outbound.js';
import type { MailPorts } from './mail.ports.js';
import { mailbox, senderOf } from './mail.rules.js';

export type NoticeInput = {
  to: string | readonly string[];
  subject: string;
  text: string;
  /** The ticket it is about: its reference goes in the subject. */
  ticketId?: string | null;
};

const jobOptions = (singletonKey: string) => ({
  singletonKey,
  retryLimit: 8,
  retryDelay: 30,
  retryBackoff: true,
});

/**
 * The mail channel: the SMTP listener that turns mail into tickets and replies, and the jobs that
 * mail acknowledgements, staff replies and notices out through SMTP_URL.
 */
export function createMailService(deps: { config: Config; ports: MailPorts; log?: Logger }) {
  const { config, ports } = deps;
  const log = deps.log ?? pino({ level: config.logLevel }).child({ module: 'mail' });
  const { address: ourAddress, domain } = senderOf(config.mailFrom);
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl) : null;
  const inbound = createInbound({ ports, log, ourAddress });
  const outbound = mailer
    ? createOutbound({ ports, mailer, log, from: config.mailFrom, ourAddress, domain })
    : null;
  let jobs: Jobs | null = null;
  let listener: SmtpListener | null = null;

  async function enqueue(name: string, data: object, key: string): Promise<string | null> {
    if (!outbound) return null; // no SMTP_URL: mail out is off
    if (!jobs) {
      log.warn({ job: name, key }, 'mail not queued: this process runs no job queue');
      return null;
    }
    return jobs.send(name, data, jobOptions(key));
  }

  // Requesters hear of what they raised and of every public staff answer, once it has committed.
  ports.tickets.onMessage(async (e) => {
    try {
      if (e.kind === 'created' && (e.channel === 'email' || e.channel === 'portal'))
        await enqueue(
          'mail.acknowledge',
          { ticketId: e.ticketId } satisfies AcknowledgeJob,
          `ack:${e.ticketId}`,
        );
      else if (e.kind === 'reply' && e.public && e.byStaff && e.messageId)
        await enqueue(
          'mail.reply',
          { ticketId: e.ticketId, messageId: e.messageId } satisfies ReplyJob,
          `reply:${e.messageId}`,
        );
    } catch (err) {
      log.error({ err, ticketId: e.ticketId, event: e.kind }, 'mail not queued');
    }
  });

  const working =
    <T>(work: (o: NonNullable<typeof outbound>, data: T) => Promise<void>) =>
    async (data: T) => {
      // A worker without SMTP_URL leaves the job to fail and be retried by one that has it.
      if (!outbound) throw new Error('SMTP_URL is not set in this process: cannot send mail');
      await work(outbound, data);
    };

  return {
    log,

    /** Starts the SMTP listener (SMTP_IN_PORT, SMTP_IN_HOST unless given; port 0 picks a free port). */
    async listen(port = config.smtpInPort, host = config.smtpInHost) {
      if (port === undefined) throw new Error('SMTP_IN_PORT is not set');
      if (listener) return { host: listener.host, port: listener.port };
      listener = await listenSmtp({
        host,
        port,
        maxBytes: config.smtpInMaxBytes,
        onMessage: async (raw, envelope) => (await inbound.ingest(raw, envelope)).reply,
        onError: (err, envelope) =>
          log.error(
            { err, session: envelope.sessionId, from: envelope.mailFrom },
            'mail not taken: temporary failure (451)',
          ),
        onReject: (reason, envelope) =>
          log.warn({ reason, session: envelope.sessionId, from: envelope.mailFrom }, 'mail rejected'),
      });
      return { host: listener.host, port: listener.port };
    },

    /** One raw message, as the listener takes it (also for importing saved .eml files). */
    ingest: inbound.ingest,

    /** Queues a plain notice to staff (SLA warnings and breaches); null when mail out is off. */
    async sendNotice(input: NoticeInput): Promise<string | null> {
      const to = (typeof input.to === 'string' ? [input.to] : [...input.to]).map((a) => mailbox(a));
      if (!to.length || to.some((a) => a === null))
        throw new AppError('UNPROCESSABLE', `Not a mail address: ${String(input.to)}.`, [
          { field: 'to', message: 'is not a mail address' },
        ]);
      const subject = input.subject
        .replace(/[\r\n]+/g, ' ')
        .trim()
        .slice(0, 300);
      const key = crypto.randomUUID();
      const job: NoticeJob = {
        to: to as string[],
        subject,
        text: input.text,
        ticketId: input.ticketId ?? null,
        key,
      };
      return enqueue('mail.notice', job, `notice:${key}`);
    },

    jobs(j: Jobs) {
      jobs = j;
      j.define<AcknowledgeJob>(
        'mail.acknowledge',
        working((o, d) => o.acknowledge(d)),
      );
      j.define<ReplyJob>(
        'mail.reply',
        working((o, d) => o.reply(d)),
      );
      j.define<NoticeJob>(
        'mail.notice',
        working((o, d) => o.notice(d)),
      );
    },

    async close() {
      await listener?.close();
      listener = null;
      mailer?.close();
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
