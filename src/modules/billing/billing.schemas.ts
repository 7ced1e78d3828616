import { z } from 'zod';
import { invoiceStatuses } from '../../domain/billing/index.js';
import { ListQuery } from '../../platform/http/pagination.js';
import { TimeZone } from '../../platform/http/time-zone.js';
import { invoiceKinds, invoiceLineKinds } from './billing.tables.js';

const Minor = z.number().int().describe('Minor units (cents)');
const CalendarDate = z.iso.date().describe("A calendar date 'YYYY-MM-DD'");
/** Checked by the billing rules, which answer INVALID_PERIOD for any other form. */
const PeriodText = z.string().max(20).describe("A billing period 'YYYY-MM', e.g. '2026-03'");
const Span = z.object({ from: z.string(), to: z.string() });

export const DiscountBody = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('percent'),
      basisPoints: z.number().int().min(0).max(10_000).describe('1000 = 10 %'),
    }),
    z.strictObject({
      kind: z.literal('fixed'),
      amount: z.number().int().min(0).max(1e12).describe('Minor units'),
    }),
  ])
  .describe('A percentage (basis points) or a fixed amount off');
const DiscountResponse = z
  .object({ kind: z.enum(['percent', 'fixed']), value: z.number().int() })
  .nullable()
  .describe('value: basis points for a percentage, minor units for a fixed amount');

export const RunBody = z.strictObject({
  period: PeriodText,
  dryRun: z.boolean().default(false).describe('Compute what would be billed and write nothing'),
  clientId: z.uuid().nullable().optional().describe('Only this client; absent: every live client'),
});

const PlannedLine = z.object({
  key: z.string(),
  kind: z.string(),
  description: z.string(),
  quantity: z.number(),
  unitPrice: Minor,
  amount: Minor,
  from: z.string().nullable(),
  to: z.string().nullable(),
  taxable: z.boolean(),
});

const ClientOutcome = z.object({
  clientId: z.uuid(),
  clientName: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'skipped', 'failed']),
  invoiceId: z.uuid().nullable(),
  linesAdded: z.number().int(),
  amountAdded: Minor,
  total: Minor.nullable().describe('The invoice total after the run (would be, on a dry run)'),
  reason: z.string().optional(),
  lines: z.array(PlannedLine).optional().describe('On a dry run: the lines the run would add'),
  skippedEntries: z.array(z.object({ entryId: z.string(), reason: z.string() })).optional(),
});

export const RunResponse = z.object({
  id: z.uuid().nullable().describe('The recorded run; null on a dry run, which records nothing'),
  period: z.string(),
  clientId: z.uuid().nullable(),
  dryRun: z.boolean(),
  status: z.enum(['running', 'succeeded', 'failed']),
  clientsTotal: z.number().int(),
  clientsDone: z.number().int(),
  invoicesCreated: z.number().int(),
  invoicesUpdated: z.number().int(),
  clientsSkipped: z.number().int(),
  linesAdded: z.number().int(),
  amountAdded: Minor,
  problems: z.array(z.object({ clientId: z.string(), error: z.string() })),
  clients: z.array(ClientOutcome),
});

export const RunRecordResponse = RunResponse.omit({ clients: true }).extend({
  trigger: z.string(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const InvoiceLineResponse = z.object({
  id: z.uuid(),
  position: z.number().int(),
  key: z.string().describe('What the line bills; the same on every run'),
  kind: z.enum(invoiceLineKinds),
  description: z.string(),
  agreementId: z.uuid().nullable(),
  agreementLineId: z.string().nullable(),
  timeEntryId: z.uuid().nullable(),
  chargeId: z.uuid().nullable(),
  creditsLineId: z.uuid().nullable(),
  cycle: Span.nullable().describe('The billing cycle a recurring line or adjustment belongs to'),
  servicePeriod: Span.nullable().describe('The dates billed (proration dates), both included'),
  quantity: z.number(),
  unit: z.string().nullable(),
  unitPrice: Minor,
  amount: Minor.describe('Before discounts; negative for a credit'),
  discount: DiscountResponse,
  lineDiscount: Minor,
  invoiceDiscount: Minor.describe('This line’s share of the invoice discount'),
  net: Minor,
  tax: Minor,
  gross: Minor,
  taxable: z.boolean(),
  detail: z.record(z.string(), z.unknown()).optional().describe('The rule’s own fields (staff only)'),
});

const Party = z.object({
  name: z.string(),
  address: z.record(z.string(), z.string().optional()),
  email: z.string().nullable(),
  taxId: z.string().nullable(),
});

export const InvoiceSummaryResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(invoiceKinds),
  status: z.enum(invoiceStatuses),
  period: z.string(),
  number: z.string().nullable(),
  creditedInvoiceId: z.uuid().nullable(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  currency: z.string(),
  taxRateBp: z.number().int(),
  discount: DiscountResponse,
  subtotal: Minor,
  discountTotal: Minor,
  netTotal: Minor,
  taxTotal: Minor,
  total: Minor,
  amountPaid: Minor,
  amountCredited: Minor,
  balance: Minor.describe('total − paid − credited, never below zero'),
  buyer: Party,
  seller: Party.extend({
    phone: z.string().nullable(),
    paymentInstructions: z.string().nullable(),
  }).nullable(),
  reference: z.string().nullable(),
  notes: z.string(),
  billingRunId: z.uuid().nullable(),
  issuedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const InvoiceResponse = InvoiceSummaryResponse.extend({ lines: z.array(InvoiceLineResponse) });

export const InvoiceListQuery = ListQuery.pick({ limit: true, cursor: true, updated_since: true }).extend({
  client_id: z.uuid().optional(),
  period: PeriodText.optional(),
  status: z.enum(invoiceStatuses).optional(),
  kind: z.enum(invoiceKinds).optional(),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const IssueBody = z.strictObject({
  issueDate: CalendarDate.optional().describe('Default: today (UTC)'),
});

export const VoidBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const ChargeBody = z.strictObject({
  description: z.string().trim().min(1).max(500),
  quantity: z.number().min(0).max(1e9).default(1).describe('Up to three decimals'),
  unit: z.string().trim().max(40).nullable().optional(),
  unitPrice: z.number().int().min(-1e12).max(1e12).describe('Minor units; negative for a goodwill credit'),
  date: CalendarDate.optional().describe('When delivered or incurred; default: the period’s last day'),
  taxable: z.boolean().default(true),
  productId: z.uuid().nullable().optional(),
});
export type ChargeBody = z.infer<typeof ChargeBody>;

export const DiscountsBody = z.strictObject({
  invoice: DiscountBody.nullable().optional().describe('The invoice discount; null removes it'),
  lines: z
    .array(z.strictObject({ lineId: z.uuid(), discount: DiscountBody.nullable() }))
    .max(1000)
    .optional()
    .describe('Line discounts; null removes one'),
});
export type DiscountsBody = z.infer<typeof DiscountsBody>;

export const CreditNoteBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('full'),
    issueDate: CalendarDate.optional(),
    reason: z.string().trim().max(1000).default(''),
  }),
  z.strictObject({
    kind: z.literal('lines'),
    lines: z
      .array(
        z.strictObject({
          lineId: z.uuid(),
          net: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Net amount to credit; absent: what is left of the line'),
        }),
      )
      .min(1)
      .max(1000),
    issueDate: CalendarDate.optional(),
    reason: z.string().trim().max(1000).default(''),
  }),
]);
export type CreditNoteBody = z.infer<typeof CreditNoteBody>;

export const LeakQuery = z.strictObject({ period: PeriodText, client_id: z.uuid().optional() });

export const LeakReportResponse = z.object({
  period: z.string(),
  unbilledWork: z
    .array(
      z.object({
        entryId: z.uuid(),
        clientId: z.uuid(),
        workDate: z.string(),
        minutes: z.number().int(),
        workType: z.string(),
        amount: Minor.describe('What entitlement priced, before increments and minimums'),
        reason: z.string(),
      }),
    )
    .describe('Approved billable work before the period’s end that is on no invoice'),
  pendingApproval: z
    .array(
      z.object({
        entryId: z.uuid(),
        clientId: z.uuid().nullable(),
        technicianId: z.uuid(),
        workDate: z.string(),
        minutes: z.number().int(),
        status: z.string(),
        billable: z.boolean(),
      }),
    )
    .describe('Entries of the period still waiting for approval'),
  agreementsNotBilled: z
    .array(z.object({ agreementId: z.uuid(), clientId: z.uuid(), name: z.string(), cycle: Span }))
    .describe('Active agreements with a cycle due in the period and nothing billed for it'),
  quantityMismatches: z
    .array(
      z.object({
        agreementId: z.uuid(),
        clientId: z.uuid(),
        lineId: z.string(),
        description: z.string(),
        source: z.string(),
        counted: z.number(),
        billed: z.number(),
      }),
    )
    .describe('Counted lines whose count today differs from the quantity billed for the period'),
});

export const SettingsResponse = z.object({
  sellerName: z.string(),
  sellerAddress: z.record(z.string(), z.string().optional()),
  sellerTaxId: z.string().nullable(),
  sellerEmail: z.string().nullable(),
  sellerPhone: z.string().nullable(),
  paymentInstructions: z.string().nullable(),
  locale: z.string(),
  currency: z.string(),
  defaultPaymentTermsDays: z.number().int(),
  reviewMonths: z.number().int(),
  reminderFirstAfterDays: z.number().int(),
  reminderRepeatEveryDays: z.number().int(),
  reminderMax: z.number().int().nullable(),
  remindersEnabled: z.boolean(),
  scheduleEnabled: z.boolean(),
  scheduleDay: z.number().int(),
  scheduleTime: z.string(),
  scheduleTimeZone: z.string(),
  scheduleWorkAtPeriodEnd: z.boolean(),
  scheduleAutoIssue: z.boolean(),
  updatedAt: z.string(),
});

const Text = (max: number) => z.string().trim().max(max);
export const SettingsPatch = z
  .strictObject({
    sellerName: Text(200),
    sellerAddress: z.strictObject({
      line1: Text(200).optional(),
      line2: Text(200).optional(),
      city: Text(100).optional(),
      region: Text(100).optional(),
      postalCode: Text(20).optional(),
      country: Text(100).optional(),
    }),
    sellerTaxId: Text(50).nullable(),
    sellerEmail: z.email().nullable(),
    sellerPhone: Text(50).nullable(),
    paymentInstructions: Text(2000).nullable(),
    locale: Text(35).min(2),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. EUR'),
    defaultPaymentTermsDays: z.number().int().min(0).max(365),
    reviewMonths: z.number().int().min(0).max(36),
    reminderFirstAfterDays: z.number().int().min(0).max(365),
    reminderRepeatEveryDays: z.number().int().min(1).max(365),
    reminderMax: z.number().int().min(0).max(50).nullable(),
    remindersEnabled: z.boolean(),
    scheduleEnabled: z.boolean(),
    scheduleDay: z.number().int().min(1).max(28),
    scheduleTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "'HH:MM'"),
    scheduleTimeZone: TimeZone,
    scheduleWorkAtPeriodEnd: z.boolean(),
    scheduleAutoIssue: z.boolean(),
  })
  .partial();
