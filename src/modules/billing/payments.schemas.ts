import { z } from 'zod';
import { paymentMethods } from '../../domain/billing/index.js';
import { ListQuery } from '../../platform/http/pagination.js';

const CalendarDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');
const Minor = z.number().int().describe('Money in minor units (cents)');

export const RecordPaymentBody = z.strictObject({
  clientId: z.uuid().describe('The client who paid'),
  date: CalendarDate.describe('The day the money was received'),
  amount: z
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .describe(
      'Minor units, > 0. At most the client’s open balance plus 10 %: more is refused as a likely typing slip.',
    ),
  method: z.enum(paymentMethods),
  reference: z.string().trim().max(200).default('').describe('The bank’s or card processor’s reference'),
  note: z.string().trim().max(2_000).default(''),
  invoiceId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      'The invoice the client says it pays; absent: its open invoices, oldest due first. What is left is client credit.',
    ),
});
export type RecordPaymentInput = z.infer<typeof RecordPaymentBody>;

export const ApplyCreditBody = z.strictObject({
  invoiceId: z
    .uuid()
    .nullable()
    .optional()
    .describe('The invoice the credit goes to; absent: the client’s open invoices, oldest due first.'),
});

export const VoidPaymentBody = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Why: a bounced cheque, the wrong client …'),
});

export const PaymentListQuery = ListQuery.omit({ q: true, include_archived: true }).extend({
  client_id: z.uuid().optional(),
  from: CalendarDate.optional().describe('Received on or after this day'),
  to: CalendarDate.optional().describe('Received on or before this day'),
  include_voided: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Include voided payments'),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

export const PaymentAllocationResponse = z.object({
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  amount: Minor,
  appliedOn: z.string(),
});

export const PaymentResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  date: z.string(),
  amount: Minor,
  currency: z.string(),
  method: z.enum(paymentMethods),
  reference: z.string(),
  note: z.string(),
  allocations: z.array(PaymentAllocationResponse).describe('Where the money went'),
  unallocated: Minor.describe('What no invoice took: the client’s credit'),
  voided: z
    .object({
      at: z.string(),
      reason: z.string(),
      allocations: z.array(PaymentAllocationResponse).describe('What it had paid before it was voided'),
    })
    .nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PaymentResponse = z.infer<typeof PaymentResponse>;
