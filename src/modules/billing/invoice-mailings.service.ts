/**
 * Sending an issued invoice or credit note to the client: a person asks, a row records the request
 * (to whom, by whom, when), and the 'billing.send-invoice' job renders the PDF and mails it, then
 * records when it left — or why the relay refused it. Asked without addresses, it goes to the
 * client's billing contacts.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { isIssued } from '../../domain/billing/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type AccessScope, staffScope } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { invoiceReminders } from './billing.tables.js';
import type { BillingMailer } from './billing-mailer.js';
import { loadInvoiceDocument } from './invoice-documents.js';
import { documentMail } from './invoice-mail.js';
import { findInvoice } from './invoices.queries.js';
import type { ReceivablesPorts } from './receivables.ports.js';
import { invoiceMailings } from './receivables.tables.js';
import { readSettings } from './settings.service.js';
import { todayIn } from './today.js';

export const sendInvoiceJob = 'billing.send-invoice';
type SendInvoiceJob = { mailingId: string };

type MailingRow = typeof invoiceMailings.$inferSelect;

export type InvoiceMailing = {
  id: string;
  kind: 'invoice' | 'reminder';
  /** The reminder's level (1 = first); null for the invoice itself. */
  level: number | null;
  sentTo: string[];
  status: MailingRow['status'];
  requestedBy: string | null;
  requestedAt: string;
  sentAt: string | null;
  error: string | null;
};

const presentMailing = (r: MailingRow): InvoiceMailing => ({
  id: r.id,
  kind: 'invoice',
  level: null,
  sentTo: r.sentTo,
  status: r.status,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  error: r.error,
});

export function createInvoiceMailingsService(deps: {
  db: Db;
  ports: ReceivablesPorts;
  mailer: BillingMailer;
  log: Logger;
}) {
  const { db, ports, mailer, log } = deps;
  let jobs: Jobs | null = null;

  const today = async (now: Date) => todayIn((await readSettings(db)).scheduleTimeZone, now);

  /** The job: renders the PDF and mails it, once; a mailing already sent or refused is left alone. */
  async function deliver({ mailingId }: SendInvoiceJob, now = new Date()) {
    const [mailing] = await db.select().from(invoiceMailings).where(eq(invoiceMailings.id, mailingId));
    if (mailing?.status !== 'queued') return;
    const { document } = await loadInvoiceDocument(db, staffScope, mailing.invoiceId, await today(now));
    const messageId = mailer.messageId(`invoice-${mailing.id}`);
    const result = await mailer.send(mailing.sentTo, document, documentMail(document), messageId);
    await db
      .update(invoiceMailings)
      .set(
        result.ok
          ? { status: 'sent', sentAt: new Date(), messageId, updatedAt: new Date() }
          : { status: 'failed', error: result.error, updatedAt: new Date() },
      )
      .where(eq(invoiceMailings.id, mailingId));
    if (!result.ok) log.warn({ mailingId, invoiceId: mailing.invoiceId }, 'invoice mail refused');
  }

  return {
    /** Records the request and queues the mail; refuses drafts, void invoices and a client with nowhere to send. */
    async requestSend(invoiceId: string, to: readonly string[] | undefined, actor: string | null) {
      if (!mailer.enabled)
        throw new AppError('UNPROCESSABLE', 'Mail out is off: set SMTP_URL to send invoices by mail.');
      if (!jobs) throw new AppError('UNPROCESSABLE', 'This process runs no job queue: it cannot send mail.');
      const invoice = await findInvoice(db, staffScope, invoiceId);
      if (invoice.status === 'void')
        throw new AppError('INVOICE_VOID', 'The invoice is void; it is not sent.');
      if (!isIssued(invoice.status))
        throw new AppError(
          'INVOICE_NOT_ISSUED',
          'A draft is not sent; issue it first, which gives it its number.',
        );
      const recipients = [
        ...new Set((to?.length ? to : await ports.billingContacts(invoice.clientId)).map((a) => a.trim())),
      ];
      if (!recipients.length)
        throw new AppError('UNPROCESSABLE', 'The client has no billing contact with a mail address.', [
          {
            field: 'body.to',
            message: 'name the addresses, or mark a contact of the client as billing contact',
          },
        ]);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(invoiceMailings)
          .values({ invoiceId, clientId: invoice.clientId, sentTo: recipients, requestedBy: actor })
          .returning();
        await recordAudit(tx, {
          action: 'send',
          entityType: 'invoice',
          entityId: invoiceId,
          clientId: invoice.clientId,
          changes: { number: invoice.number, to: recipients, mailingId: created!.id },
        });
        return created!;
      });
      try {
        await jobs.send(sendInvoiceJob, { mailingId: row.id } satisfies SendInvoiceJob, {
          singletonKey: `send-invoice:${row.id}`,
          retryLimit: 8,
          retryDelay: 30,
          retryBackoff: true,
        });
      } catch (err) {
        await db
          .update(invoiceMailings)
          .set({ status: 'failed', error: 'could not be queued', updatedAt: new Date() })
          .where(eq(invoiceMailings.id, row.id));
        throw err;
      }
      return presentMailing(row);
    },

    deliver,

    /** Every mail of an invoice: the invoice sent, and its reminders, oldest first. */
    async listMailings(scope: AccessScope, invoiceId: string): Promise<InvoiceMailing[]> {
      await findInvoice(db, scope, invoiceId);
      const sent = await db
        .select()
        .from(invoiceMailings)
        .where(eq(invoiceMailings.invoiceId, invoiceId))
        .orderBy(desc(invoiceMailings.requestedAt));
      const reminders = await db
        .select()
        .from(invoiceReminders)
        .where(eq(invoiceReminders.invoiceId, invoiceId))
        .orderBy(asc(invoiceReminders.level));
      return [
        ...sent.map(presentMailing),
        ...reminders.map(
          (r): InvoiceMailing => ({
            id: r.id,
            kind: 'reminder',
            level: r.level,
            sentTo: r.sentTo,
            status: 'sent',
            requestedBy: null,
            requestedAt: r.sentAt.toISOString(),
            sentAt: r.sentAt.toISOString(),
            error: null,
          }),
        ),
      ].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    },

    jobs(j: Jobs) {
      jobs = j;
      j.define<SendInvoiceJob>(sendInvoiceJob, (data) => deliver(data));
    },
  };
}

export type InvoiceMailingsService = ReturnType<typeof createInvoiceMailingsService>;
