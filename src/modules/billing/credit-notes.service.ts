/**
 * Credit notes: the only correction of an issued invoice. The billing rules (credit-notes.ts) decide
 * what each line credits, net and tax, against what earlier notes already credited; the note is
 * issued at once with the next 'CN-' number, references the invoice, and the invoice's credited
 * amount and status follow in the same transaction.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { type CreditRequest, creditNote, settlementStatus } from '../../domain/billing/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { billingRules } from './billing.errors.js';
import { presentInvoiceWithLines } from './billing.presenters.js';
import type { CreditNoteBody } from './billing.schemas.js';
import { invoiceLines, invoices } from './billing.tables.js';
import { insertLines } from './invoice-lines.insert.js';
import { takeNumber } from './invoice-numbers.js';
import { findInvoice, linesOf } from './invoices.queries.js';
import { actorOf, sellerOf, today } from './invoices.service.js';
import { readSettings } from './settings.service.js';

export function createCreditNotesService(db: Db) {
  return {
    async createCreditNote(invoiceId: string, body: CreditNoteBody, now = new Date()) {
      const noteId = await billingRules(
        () =>
          db.transaction(async (tx) => {
            const invoice = await findInvoice(tx, staffScope, invoiceId, true);
            if (invoice.kind !== 'invoice')
              throw new AppError('CONFLICT', 'A credit note is not credited again.');
            const lines = await linesOf(tx, invoice.id);
            const byId = new Map(lines.map((l) => [l.id, l]));
            const earlier = lines.length
              ? await tx
                  .select()
                  .from(invoiceLines)
                  .where(
                    and(
                      inArray(
                        invoiceLines.creditsLineId,
                        lines.map((l) => l.id),
                      ),
                      ne(invoiceLines.invoiceStatus, 'void'),
                    ),
                  )
              : [];
            const credited = earlier.map((c) => ({
              lineKey: byId.get(c.creditsLineId!)!.key,
              net: c.net,
              tax: c.tax,
            }));
            let request: CreditRequest;
            if (body.kind === 'full') request = { kind: 'full' };
            else {
              const unknown = body.lines.flatMap((l, i) => (byId.has(l.lineId) ? [] : [i]));
              if (unknown.length)
                throw new AppError(
                  'VALIDATION_FAILED',
                  'Some lines are not on this invoice.',
                  unknown.map((i) => ({
                    field: `body.lines.${i}.lineId`,
                    message: 'is not a line of this invoice',
                  })),
                );
              request = {
                kind: 'lines',
                lines: body.lines.map((l) => ({ lineKey: byId.get(l.lineId)!.key, net: l.net })),
              };
            }
            const note = creditNote(
              {
                id: invoice.id,
                status: invoice.status,
                lines: lines.map((l) => ({ key: l.key, net: l.net, tax: l.tax })),
              },
              credited,
              request,
            );
            const issueDate = body.issueDate ?? today(now);
            const { number, year, sequence } = await takeNumber(tx, 'credit_note', issueDate);
            const [row] = await tx
              .insert(invoices)
              .values({
                clientId: invoice.clientId,
                kind: 'credit_note',
                status: 'issued',
                period: invoice.period,
                number,
                numberYear: year,
                numberSequence: sequence,
                creditedInvoiceId: invoice.id,
                issueDate,
                dueDate: null,
                paymentTermsDays: 0,
                currency: invoice.currency,
                taxRateBp: invoice.taxRateBp,
                subtotal: note.net,
                discountTotal: 0,
                netTotal: note.net,
                taxTotal: note.tax,
                total: note.total,
                buyer: invoice.buyer,
                seller: invoice.seller ?? sellerOf(await readSettings(tx)),
                notes: body.reason,
                issuedAt: now,
                issuedBy: actorOf(),
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            const keyed = new Map(lines.map((l) => [l.key, l]));
            await insertLines(
              tx,
              { id: row!.id, status: 'issued', clientId: invoice.clientId },
              note.lines.map((c, i) => {
                const line = keyed.get(c.lineKey)!;
                const whole = c.net === line.net;
                return {
                  position: i + 1,
                  key: `credit:${row!.id}:${c.lineKey}`,
                  kind: 'credit' as const,
                  description: `Credit: ${line.description}`,
                  agreementId: line.agreementId,
                  agreementLineId: line.agreementLineId,
                  timeEntryId: line.timeEntryId,
                  chargeId: line.chargeId,
                  creditsLineId: line.id,
                  cycleFrom: line.cycleFrom,
                  cycleTo: line.cycleTo,
                  fromDate: line.fromDate,
                  toDate: line.toDate,
                  quantity: whole ? line.quantity : 1,
                  unit: whole ? line.unit : null,
                  unitPrice: whole ? line.unitPrice : c.net,
                  amount: c.net,
                  discountKind: null,
                  discountValue: null,
                  lineDiscount: 0,
                  invoiceDiscount: 0,
                  net: c.net,
                  tax: c.tax,
                  gross: c.gross,
                  taxable: line.taxable,
                  detail: {},
                };
              }),
              now,
            );
            const amountCredited = invoice.amountCredited + note.total;
            const status = settlementStatus(invoice.total, invoice.amountPaid, amountCredited);
            await tx
              .update(invoices)
              .set({
                amountCredited,
                status,
                settledOn: status === 'paid' && invoice.settledOn === null ? issueDate : invoice.settledOn,
                updatedAt: now,
              })
              .where(eq(invoices.id, invoice.id));
            await recordAudit(tx, {
              action: 'credit',
              entityType: 'invoice',
              entityId: invoice.id,
              clientId: invoice.clientId,
              changes: { creditNoteId: row!.id, number, total: note.total, status: [invoice.status, status] },
            });
            await recordAudit(tx, {
              action: 'issue',
              entityType: 'invoice',
              entityId: row!.id,
              clientId: invoice.clientId,
              changes: { number, credits: invoice.number, net: note.net, tax: note.tax, total: note.total },
            });
            return row!.id;
          }),
        'body',
      );
      const row = await findInvoice(db, staffScope, noteId);
      return presentInvoiceWithLines(row, await linesOf(db, noteId));
    },
  };
}

export type CreditNotesService = ReturnType<typeof createCreditNotesService>;
