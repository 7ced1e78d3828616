import type { Transporter } from 'nodemailer';

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** RFC 5322 Message-ID with its angle brackets; chosen by the caller so it can be recorded first. */
  messageId: string;
  inReplyTo?: string;
  references?: readonly string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
};

export type Mailer = {
  send(mail: OutgoingMail): Promise<{ accepted: string[]; rejected: string[] }>;
  close(): void;
};

/** Mail out through the relay at `url` (smtp://user:pass@host:587, smtps://… for implicit TLS). */
export function createMailer(url: string): Mailer {
  // nodemailer costs about 15 MB of memory: loaded with the first mail sent, not at start.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url)));
  return {
    async send(mail) {
      const info = await (await transportOf()).sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references ? [...mail.references] : undefined,
        headers: mail.headers,
        attachments: mail.attachments,
      });
      const addresses = (list: unknown[] | undefined) =>
        (list ?? []).map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address)));
      return { accepted: addresses(info.accepted), rejected: addresses(info.rejected) };
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

/** A refusal the relay will repeat however often it is asked (5xx): retrying is pointless. */
export function isPermanentFailure(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
