import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import {
  ApplyCreditBody,
  PaymentListQuery,
  PaymentResponse,
  RecordPaymentBody,
  VoidPaymentBody,
} from './payments.schemas.js';
import type { PaymentsService } from './payments.service.js';
import {
  AgingResponse,
  ReceivablesQuery,
  ReceivablesResponse,
  ReminderSweepResponse,
  ScheduledRunsResponse,
} from './receivables.schemas.js';
import type { ReceivablesService } from './receivables.service.js';
import type { RemindersService } from './reminders.service.js';
import type { ScheduleService } from './schedule.service.js';

// Money in is staff work: portal users see their invoices, not the MSP's ledger.
const read = { access: { permission: 'billing:read' as const, staffOnly: true } };
const write = { access: { permission: 'billing:write' as const, staffOnly: true } };
const tags = ['receivables'];
const PaymentParams = z.strictObject({ paymentId: z.uuid() });

export function receivablesRoutes(
  app: FastifyInstance,
  s: {
    payments: PaymentsService;
    receivables: ReceivablesService;
    reminders: RemindersService;
    schedule: ScheduleService;
  },
) {
  const r = typed(app);

  r.post(
    '/api/v1/payments',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record money received: it pays the invoice named, else the oldest due; the rest is client credit',
        description:
          'A payment above the client’s open balance plus 10 % is refused (422 PAYMENT_EXCEEDS_LIMIT) and nothing is written.',
        body: RecordPaymentBody,
        response: { 201: PaymentResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await s.payments.record(req.body)),
  );
  r.get(
    '/api/v1/payments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Payments, newest first, with where each went',
        querystring: PaymentListQuery,
        response: { 200: pageOf(PaymentResponse) },
      },
    },
    (req) => s.payments.list(req.query),
  );
  r.get(
    '/api/v1/payments/:paymentId',
    {
      config: read,
      schema: { tags, summary: 'One payment', params: PaymentParams, response: { 200: PaymentResponse } },
    },
    (req) => s.payments.get(req.params.paymentId),
  );
  r.post(
    '/api/v1/payments/:paymentId/apply',
    {
      config: write,
      schema: {
        tags,
        summary: 'Apply a payment’s unused credit to the client’s open invoices (or the one named)',
        params: PaymentParams,
        body: ApplyCreditBody,
        response: { 200: PaymentResponse },
      },
    },
    (req) => s.payments.applyCredit(req.params.paymentId, req.body.invoiceId ?? null),
  );
  r.post(
    '/api/v1/payments/:paymentId/void',
    {
      config: write,
      schema: {
        tags,
        summary: 'Void a payment recorded in error: the invoices it paid owe that money again',
        params: PaymentParams,
        body: VoidPaymentBody,
        response: { 200: PaymentResponse },
      },
    },
    (req) => s.payments.voidPayment(req.params.paymentId, req.body.reason),
  );

  r.get(
    '/api/v1/receivables',
    {
      config: read,
      schema: {
        tags,
        summary: 'What each client owes, its credit, aging buckets, average days to pay and share paid late',
        querystring: ReceivablesQuery,
        response: { 200: ReceivablesResponse },
      },
    },
    (req) => s.receivables.summary({ asOf: req.query.as_of, clientId: req.query.client_id }),
  );
  r.get(
    '/api/v1/receivables/aging',
    {
      config: read,
      schema: {
        tags,
        summary: 'Aging report: open balances by days past due, in all, per client and per invoice',
        querystring: ReceivablesQuery,
        response: { 200: AgingResponse },
      },
    },
    (req) => s.receivables.aging({ asOf: req.query.as_of, clientId: req.query.client_id }),
  );

  r.post(
    '/api/v1/billing/reminders/run',
    {
      config: write,
      schema: {
        tags,
        summary: 'Send the reminders due today now (the daily job does the same); none is ever sent twice',
        response: { 200: ReminderSweepResponse },
      },
    },
    () => s.reminders.runNow(),
  );
  r.get(
    '/api/v1/billing/schedule/runs',
    {
      config: read,
      schema: {
        tags: ['billing'],
        summary: 'Scheduled billing runs: which moments ran, when, and what they issued',
        response: { 200: ScheduledRunsResponse },
      },
    },
    async () => ({
      items: (await s.schedule.listSlots()).map((row) => ({
        slot: row.slot,
        kind: row.kind,
        period: row.period,
        dueAt: row.dueAt.toISOString(),
        claimedAt: row.claimedAt.toISOString(),
        finishedAt: row.finishedAt?.toISOString() ?? null,
        runId: row.runId,
        invoicesIssued: row.invoicesIssued,
        error: row.error,
      })),
    }),
  );
}
