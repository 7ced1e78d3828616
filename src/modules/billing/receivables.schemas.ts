import { z } from 'zod';
import { csvDateFormats, exportFormats, exportKinds } from './exports.service.js';

const Minor = z.number().int().describe('Money in minor units (cents)');
const CalendarDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');

export const ReceivablesQuery = z.strictObject({
  as_of: CalendarDate.optional().describe(
    'The day to look from: only invoices issued and money received by then count. Default: today in the billing zone.',
  ),
  client_id: z.uuid().optional(),
});

const Aging = z
  .object({
    current: Minor.describe('Not yet due, or due that very day'),
    days1to30: Minor,
    days31to60: Minor,
    days61to90: Minor,
    over90: Minor,
    total: Minor,
  })
  .describe('Open balances by days past due');

export const ReceivablesResponse = z.object({
  asOf: z.string(),
  currency: z.string(),
  total: z.object({ openBalance: Minor, credit: Minor, overdue: Minor, aging: Aging }),
  clients: z.array(
    z.object({
      clientId: z.uuid(),
      clientName: z.string(),
      openBalance: Minor,
      credit: Minor.describe('Money received that no invoice took, and credit notes beyond what was owed'),
      overdue: Minor,
      aging: Aging,
      openInvoices: z.number().int(),
      paidInvoices: z.number().int().describe('Invoices settled by payment'),
      averageDaysToPay: z
        .number()
        .nullable()
        .describe('Mean days from issue to settlement; null before the first'),
      paidLate: z.number().int(),
      lateShare: z.number().nullable().describe('Share of paid invoices settled after their due date, 0–1'),
      overdueInvoices: z.number().int(),
    }),
  ),
});

export const AgingResponse = z.object({
  asOf: z.string(),
  currency: z.string(),
  total: Aging,
  clients: z.array(Aging.extend({ clientId: z.uuid(), clientName: z.string() })),
  invoices: z.array(
    z.object({
      invoiceId: z.uuid(),
      number: z.string().nullable(),
      clientId: z.uuid(),
      clientName: z.string(),
      issueDate: z.string(),
      dueDate: z.string(),
      total: Minor,
      balance: Minor,
      daysPastDue: z.number().int(),
      bucket: z.enum(['current', 'days1to30', 'days31to60', 'days61to90', 'over90']),
    }),
  ),
});

export const SendInvoiceBody = z
  .strictObject({
    to: z
      .array(z.email())
      .min(1)
      .max(20)
      .optional()
      .describe('Where to send it; absent: the client’s billing contacts'),
  })
  .default({});

export const MailingResponse = z.object({
  id: z.uuid(),
  kind: z.enum(['invoice', 'reminder']),
  level: z.number().int().nullable(),
  sentTo: z.array(z.string()),
  status: z.enum(['queued', 'sent', 'failed']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const ExportQuery = z.strictObject({
  format: z
    .enum(exportFormats)
    .describe('quickbooks: QuickBooks Online import; xero: Xero sales invoices; generic: Keel’s CSV'),
  from: CalendarDate.describe('Issued on or after this day'),
  to: CalendarDate.describe('Issued on or before this day'),
  kind: z
    .enum(exportKinds)
    .optional()
    .describe(
      'Required for QuickBooks, which imports invoices and credit notes separately; optional otherwise',
    ),
});

const RateCodes = z
  .record(z.string().regex(/^\d{1,5}$/, 'a tax rate in basis points'), z.string().trim().min(1).max(100))
  .describe('Tax rate in basis points → the package’s name for it, e.g. {"2000": "20% (VAT on Income)"}');

export const ExportSettingsBody = z.strictObject({
  xeroAccountCode: z.string().trim().min(1).max(20).optional(),
  xeroTaxTypes: RateCodes.optional(),
  xeroDateFormat: z.enum(csvDateFormats).optional(),
  quickBooksTaxCodes: RateCodes.optional(),
  quickBooksDateFormat: z.enum(csvDateFormats).optional(),
});

export const ExportSettingsResponse = z.object({
  xeroAccountCode: z.string(),
  xeroTaxTypes: z.record(z.string(), z.string()),
  xeroDateFormat: z.enum(csvDateFormats),
  quickBooksTaxCodes: z.record(z.string(), z.string()),
  quickBooksDateFormat: z.enum(csvDateFormats),
});

export const ReminderSweepResponse = z.object({
  asOf: z.string(),
  due: z.number().int(),
  sent: z.number().int(),
  noRecipient: z.number().int(),
  alreadyClaimed: z.number().int(),
  refused: z.number().int(),
});

export const ScheduledRunsResponse = z.object({
  items: z.array(
    z.object({
      slot: z.string(),
      kind: z.enum(['period_start', 'period_end']),
      period: z.string().describe('The period the run billed'),
      dueAt: z.string(),
      claimedAt: z.string(),
      finishedAt: z.string().nullable(),
      runId: z.uuid().nullable(),
      invoicesIssued: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
});
