/**
 * Reminders for overdue invoices, sent by the daily 'billing.reminders' job under the policy in the
 * billing settings (src/domain/billing/reminders.ts decides which invoice is due which reminder).
 *
 * Never twice: a reminder is claimed by inserting its row — unique per invoice and level, so a
 * second worker, or the same day's job run again, finds it taken — and only the claimant sends it.
 * If the mail cannot leave, the claim is deleted so a later run tries again; if the process dies
 * between claim and send, that one reminder is lost rather than risk sending it twice.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type ReminderCandidate, type ReminderPolicy, remindersDue } from '../../domain/billing/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/store.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { billingRules } from './billing.errors.js';
import { invoiceReminders, invoices } from './billing.tables.js';
import type { BillingMailer } from './billing-mailer.js';
import { loadInvoiceDocument } from './invoice-documents.js';
import { reminderMail } from './invoice-mail.js';
import type { ReceivablesPorts } from './receivables.ports.js';
import { readSettings } from './settings.service.js';
import { todayIn } from './today.js';

export const remindersJob = 'billing.reminders';

export type ReminderSweep = {
  asOf: string;
  due: number;
  sent: number;
  /** Due, but the client has no billing contact with an address. */
  noRecipient: number;
  /** Due, but taken by another run at the same moment. */
  alreadyClaimed: number;
  /** Refused by the relay; tried again on a later day. */
  refused: number;
};

type Candidate = Omit<ReminderCandidate, 'lastRemindedOn'> & { lastRemindedAt: Date | null };

async function candidates(db: Db): Promise<Candidate[]> {
  const rows = await db
    .select({
      invoiceId: invoices.id,
      clientId: invoices.clientId,
      status: invoices.status,
      dueDate: invoices.dueDate,
      balance: sql<string>`${invoices.total} - ${invoices.amountPaid} - ${invoices.amountCredited}`,
      lastRemindedAt: sql<Date | string | null>`max(${invoiceReminders.sentAt})`,
      remindersSent: sql<string>`max(${invoiceReminders.level})`,
    })
    .from(invoices)
    .leftJoin(invoiceReminders, eq(invoiceReminders.invoiceId, invoices.id))
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['issued', 'partially_paid']),
        sql`${invoices.total} - ${invoices.amountPaid} - ${invoices.amountCredited} > 0`,
      ),
    )
    .groupBy(invoices.id);
  return rows
    .filter((r) => r.dueDate !== null)
    .map((r) => ({
      invoiceId: r.invoiceId,
      clientId: r.clientId,
      status: r.status,
      dueDate: r.dueDate!,
      balance: Number(r.balance),
      lastRemindedAt: r.lastRemindedAt === null ? null : new Date(r.lastRemindedAt),
      remindersSent: Number(r.remindersSent ?? 0),
    }));
}

export function createRemindersService(deps: {
  db: Db;
  ports: ReceivablesPorts;
  mailer: BillingMailer;
  log: Logger;
}) {
  const { db, ports, mailer, log } = deps;

  /** Sends every reminder due today (in the MSP's zone) under the settings' policy. */
  async function sendDue(now = new Date()): Promise<ReminderSweep> {
    const settings = await readSettings(db);
    const asOf = todayIn(settings.scheduleTimeZone, now);
    const sweep: ReminderSweep = { asOf, due: 0, sent: 0, noRecipient: 0, alreadyClaimed: 0, refused: 0 };
    if (!settings.remindersEnabled) return sweep;
    if (!mailer.enabled) {
      log.warn('reminders not sent: mail out is off (SMTP_URL is not set)');
      return sweep;
    }
    const policy: ReminderPolicy = {
      firstAfterDays: settings.reminderFirstAfterDays,
      repeatEveryDays: settings.reminderRepeatEveryDays,
      maxReminders: settings.reminderMax,
    };
    // The last reminder's instant is read as the MSP's day it was sent on.
    const list = (await candidates(db)).map(
      ({ lastRemindedAt, ...c }): ReminderCandidate => ({
        ...c,
        lastRemindedOn: lastRemindedAt ? todayIn(settings.scheduleTimeZone, lastRemindedAt) : null,
      }),
    );
    const due = await billingRules(() => remindersDue(list, asOf, policy), 'settings');
    sweep.due = due.length;
    for (const d of due) {
      const to = await ports.billingContacts(d.clientId);
      if (!to.length) {
        sweep.noRecipient++;
        log.info(
          { invoiceId: d.invoiceId },
          'reminder not sent: the client has no billing contact with an address',
        );
        continue;
      }
      const [claim] = await db
        .insert(invoiceReminders)
        .values({
          invoiceId: d.invoiceId,
          clientId: d.clientId,
          level: d.reminderNumber,
          sentAt: now,
          sentTo: to,
        })
        .onConflictDoNothing()
        .returning();
      if (!claim) {
        sweep.alreadyClaimed++;
        continue;
      }
      try {
        const { document } = await loadInvoiceDocument(db, staffScope, d.invoiceId, asOf);
        const mail = reminderMail(document, d.reminderNumber, d.daysOverdue);
        const result = await mailer.send(to, document, mail, mailer.messageId(`reminder-${claim.id}`));
        if (result.ok) {
          sweep.sent++;
          await recordAudit(db, {
            action: 'remind',
            entityType: 'invoice',
            entityId: d.invoiceId,
            clientId: d.clientId,
            changes: { number: document.number, level: d.reminderNumber, daysOverdue: d.daysOverdue, to },
          });
        } else {
          sweep.refused++;
          await db.delete(invoiceReminders).where(eq(invoiceReminders.id, claim.id));
        }
      } catch (err) {
        await db.delete(invoiceReminders).where(eq(invoiceReminders.id, claim.id));
        throw err;
      }
    }
    if (sweep.due) log.info(sweep, 'reminders sent');
    return sweep;
  }

  return {
    sendDue,

    /** Sends what is due now, at a person's request, and records that they asked. */
    async runNow(now = new Date()): Promise<ReminderSweep> {
      const sweep = await sendDue(now);
      await recordAudit(db, { action: 'run', entityType: 'billing_reminders', changes: { ...sweep } });
      return sweep;
    },
    jobs(j: Jobs) {
      // Daily, early in the European morning; the day reminded is the MSP's own (settings zone).
      j.define(remindersJob, async () => void (await sendDue()), { cron: '30 6 * * *', batchSize: 1 });
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
