import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeOfRequest } from '../../platform/http/access.js';
import { pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import { presentRun, presentSettings } from './billing.presenters.js';
import {
  ChargeBody,
  CreditNoteBody,
  DiscountsBody,
  InvoiceListQuery,
  InvoiceResponse,
  InvoiceSummaryResponse,
  IssueBody,
  LeakQuery,
  LeakReportResponse,
  RunBody,
  RunRecordResponse,
  RunResponse,
  SettingsPatch,
  SettingsResponse,
  VoidBody,
} from './billing.schemas.js';
import type { BillingService } from './index.js';

const read = { access: { permission: 'billing:read' as const } };
const staffRead = { access: { permission: 'billing:read' as const, staffOnly: true } };
const write = { access: { permission: 'billing:write' as const, staffOnly: true } };
const tags = ['billing'];
const InvoiceParams = z.strictObject({ invoiceId: z.uuid() });
const LineParams = z.strictObject({ invoiceId: z.uuid(), lineId: z.uuid() });
const RunParams = z.strictObject({ runId: z.uuid() });

export function billingRoutes(app: FastifyInstance, billing: BillingService) {
  const r = typed(app);

  r.post(
    '/api/v1/billing/runs',
    {
      // A dry run writes nothing at all; a real run audits each invoice it writes and the run itself.
      config: { ...write, readOnly: true },
      schema: {
        tags,
        summary: 'Run billing for a period: one draft invoice per client (idempotent; dryRun writes nothing)',
        body: RunBody,
        response: { 200: RunResponse, 201: RunResponse },
      },
    },
    async (req, reply) => {
      const result = await billing.runBilling(req.body, { trigger: 'api' });
      return reply.status(req.body.dryRun ? 200 : 201).send(result);
    },
  );
  r.get(
    '/api/v1/billing/runs',
    {
      config: staffRead,
      schema: {
        tags,
        summary: 'Recent billing runs',
        response: { 200: z.object({ items: z.array(RunRecordResponse) }) },
      },
    },
    async () => ({ items: (await billing.listRuns()).map(presentRun) }),
  );
  r.get(
    '/api/v1/billing/runs/:runId',
    {
      config: staffRead,
      schema: {
        tags,
        summary: 'One billing run and its progress',
        params: RunParams,
        response: { 200: RunRecordResponse },
      },
    },
    async (req) => presentRun(await billing.getRun(req.params.runId)),
  );
  r.get(
    '/api/v1/billing/leaks',
    {
      config: staffRead,
      schema: {
        tags,
        summary:
          'Pre-invoice leak report: unbilled work, pending approvals, agreements not billed, counts that changed',
        querystring: LeakQuery,
        response: { 200: LeakReportResponse },
      },
    },
    (req) => billing.leakReport(req.query.period, req.query.client_id),
  );
  r.get(
    '/api/v1/billing/settings',
    { config: staffRead, schema: { tags, summary: 'Billing settings', response: { 200: SettingsResponse } } },
    async () => presentSettings(await billing.getSettings()),
  );
  r.patch(
    '/api/v1/billing/settings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change billing settings',
        body: SettingsPatch,
        response: { 200: SettingsResponse },
      },
    },
    async (req) => presentSettings(await billing.updateSettings(req.body)),
  );

  r.get(
    '/api/v1/invoices',
    {
      config: read,
      schema: {
        tags,
        summary: 'Invoices and credit notes (portal users: their client’s issued ones), oldest first',
        querystring: InvoiceListQuery,
        response: { 200: pageOf(InvoiceSummaryResponse) },
      },
    },
    (req) => billing.listInvoices(scopeOfRequest(req), req.query),
  );
  r.get(
    '/api/v1/invoices/:invoiceId',
    {
      config: read,
      schema: {
        tags,
        summary:
          'An invoice with its lines: quantities, unit prices, proration dates, tax and totals in minor units',
        params: InvoiceParams,
        response: { 200: InvoiceResponse },
      },
    },
    (req) => billing.getInvoice(scopeOfRequest(req), req.params.invoiceId),
  );
  r.post(
    '/api/v1/invoices/:invoiceId/issue',
    {
      config: write,
      schema: {
        tags,
        summary: 'Issue a draft: the year’s next number, its due date; immutable afterwards',
        params: InvoiceParams,
        body: IssueBody,
        response: { 200: InvoiceResponse },
      },
    },
    (req) => billing.issueInvoice(req.params.invoiceId, req.body),
  );
  r.post(
    '/api/v1/invoices/:invoiceId/void',
    {
      config: write,
      schema: {
        tags,
        summary: 'Void an issued invoice nobody has paid or credited (it keeps its number)',
        params: InvoiceParams,
        body: VoidBody,
        response: { 200: InvoiceResponse },
      },
    },
    (req) => billing.voidInvoice(req.params.invoiceId, req.body.reason),
  );
  r.delete(
    '/api/v1/invoices/:invoiceId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Discard a draft; its work and charges wait for the next run',
        params: InvoiceParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await billing.discardDraft(req.params.invoiceId);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/invoices/:invoiceId/charges',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a manual charge line to a draft',
        params: InvoiceParams,
        body: ChargeBody,
        response: { 201: InvoiceResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await billing.addCharge(req.params.invoiceId, req.body)),
  );
  r.delete(
    '/api/v1/invoices/:invoiceId/lines/:lineId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a manual charge line from a draft',
        params: LineParams,
        response: { 200: InvoiceResponse },
      },
    },
    (req) => billing.removeLine(req.params.invoiceId, req.params.lineId),
  );
  r.put(
    '/api/v1/invoices/:invoiceId/discounts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set or remove a draft’s invoice discount and line discounts',
        params: InvoiceParams,
        body: DiscountsBody,
        response: { 200: InvoiceResponse },
      },
    },
    (req) => billing.setDiscounts(req.params.invoiceId, req.body),
  );
  r.post(
    '/api/v1/invoices/:invoiceId/credit-notes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Credit an issued invoice, whole or by lines (fully or by a net amount); issued at once',
        params: InvoiceParams,
        body: CreditNoteBody,
        response: { 201: InvoiceResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await billing.createCreditNote(req.params.invoiceId, req.body)),
  );
}
