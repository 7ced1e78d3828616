/**
 * Billing's mail out: an invoice, a credit note or a reminder to a client's billing contacts, with
 * the document's PDF attached, through the relay at SMTP_URL. Always called from a job. The PDF is
 * rendered when the mail leaves, from the issued document, which never changes.
 */
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import { createMailer, isPermanentFailure } from '../../platform/mail/smtp-out.js';
import { type InvoiceDocument, renderInvoicePdf } from './documents/index.js';
import type { MailContent } from './invoice-mail.js';

export type Delivery = { ok: true } | { ok: false; permanent: true; error: string };

/** The domain of the sender address, for Message-IDs that say where they came from. */
function senderDomain(from: string): string {
  return /@([^\s<>@"]+)/.exec(from)?.[1]?.toLowerCase() ?? 'keel.local';
}

export function createBillingMailer(config: Config, log: Logger) {
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl) : null;
  const domain = senderDomain(config.mailFrom);

  return {
    /** Whether this process can send mail (SMTP_URL is set). */
    enabled: mailer !== null,

    messageId: (key: string) => `<keel-billing-${key}@${domain}>`,

    /**
     * Sends `content` with the document's PDF. A refusal the relay will repeat (5xx) is answered as
     * permanent; anything else (the relay unreachable) throws, for the job to retry.
     */
    async send(
      to: readonly string[],
      doc: InvoiceDocument,
      content: MailContent,
      messageId: string,
    ): Promise<Delivery> {
      if (!mailer) throw new Error('SMTP_URL is not set in this process: cannot send mail');
      const pdf = await renderInvoicePdf(doc);
      try {
        await mailer.send({
          from: config.mailFrom,
          to: to.join(', '),
          subject: content.subject,
          text: content.text,
          messageId,
          // Answers go to the MSP's accounts address when the settings name one.
          headers: {
            ...(doc.seller.email ? { 'Reply-To': doc.seller.email } : {}),
            'Auto-Submitted': 'auto-generated',
          },
          attachments: [{ filename: content.filename, contentType: 'application/pdf', content: pdf }],
        });
        log.info({ to, number: doc.number, messageId }, 'billing mail sent');
        return { ok: true };
      } catch (err) {
        if (!isPermanentFailure(err)) throw err;
        log.error({ err, to, number: doc.number }, 'billing mail refused by the relay; not retried');
        return { ok: false, permanent: true, error: (err as Error).message };
      }
    },

    close: () => mailer?.close(),
  };
}

export type BillingMailer = ReturnType<typeof createBillingMailer>;
