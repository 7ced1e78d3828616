import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/store.js';
import { principalOf, scopeOfRequest } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import { renderInvoicePdf } from './documents/index.js';
import type { ExportsService } from './exports.service.js';
import { loadInvoiceDocument } from './invoice-documents.js';
import { pdfFilename } from './invoice-mail.js';
import type { InvoiceMailingsService } from './invoice-mailings.service.js';
import {
  ExportQuery,
  ExportSettingsBody,
  ExportSettingsResponse,
  MailingResponse,
  SendInvoiceBody,
} from './receivables.schemas.js';

// Portal users may read their own client's issued invoices (the scope hides drafts and others').
const read = { access: { permission: 'billing:read' as const } };
const staffRead = { access: { permission: 'billing:read' as const, staffOnly: true } };
const write = { access: { permission: 'billing:write' as const, staffOnly: true } };
const tags = ['billing'];
const InvoiceParams = z.strictObject({ invoiceId: z.uuid() });

export function invoiceOutputRoutes(
  app: FastifyInstance,
  s: {
    db: Db;
    mailings: InvoiceMailingsService;
    exports: ExportsService;
    today: (now: Date) => Promise<string>;
  },
) {
  const r = typed(app);

  r.get(
    '/api/v1/invoices/:invoiceId/pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The invoice or credit note as a PDF (staff may preview a draft)',
        params: InvoiceParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { document } = await loadInvoiceDocument(
        s.db,
        scopeOfRequest(req),
        req.params.invoiceId,
        await s.today(new Date()),
      );
      const pdf = await renderInvoicePdf(document);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${pdfFilename(document)}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  r.post(
    '/api/v1/invoices/:invoiceId/send',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mail an issued invoice or credit note, PDF attached, to the client’s billing contacts',
        description: 'Queued at once (202) and sent by a job; its mailings show when it left and to whom.',
        params: InvoiceParams,
        body: SendInvoiceBody,
        response: { 202: MailingResponse },
      },
    },
    async (req, reply) => {
      const mailing = await s.mailings.requestSend(
        req.params.invoiceId,
        req.body?.to,
        principalOf(req).email,
      );
      return reply.status(202).send(mailing);
    },
  );
  r.get(
    '/api/v1/invoices/:invoiceId/mailings',
    {
      config: staffRead,
      schema: {
        tags,
        summary: 'Every mail of an invoice: the invoice sent and its reminders',
        params: InvoiceParams,
        response: { 200: z.object({ items: z.array(MailingResponse) }) },
      },
    },
    async (req) => ({ items: await s.mailings.listMailings(scopeOfRequest(req), req.params.invoiceId) }),
  );

  r.get(
    '/api/v1/billing/exports',
    {
      config: staffRead,
      schema: {
        tags,
        summary:
          'Invoices and credit notes issued in a date range, as a CSV QuickBooks Online or Xero imports',
        querystring: ExportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const file = await s.exports.exportRange(req.query, await s.today(new Date()));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.csv);
    },
  );
  r.get(
    '/api/v1/billing/exports/settings',
    {
      config: staffRead,
      schema: {
        tags,
        summary: 'The codes the accounting exports book with',
        response: { 200: ExportSettingsResponse },
      },
    },
    () => s.exports.getSettings(),
  );
  r.put(
    '/api/v1/billing/exports/settings',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Set the Xero account and tax rate names, QuickBooks tax codes and each import’s date format',
        body: ExportSettingsBody,
        response: { 200: ExportSettingsResponse },
      },
    },
    (req) => s.exports.updateSettings(req.body),
  );
}
