/**
 * What people do with invoices: read them, edit a draft (manual charges, discounts), issue it with
 * the year's next number, void an issued one nobody has paid or credited, discard a draft. Every
 * action locks the invoice row, asks the billing rules whether its state allows it, and writes its
 * change and an audit row in one transaction; an issued invoice is never changed (credit notes
 * correct it: credit-notes.service.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  assertInvoiceAllows,
  assertIssuable,
  assertVoidable,
  billCharges,
  dueDate,
  periodEnd,
  settlementStatus,
} from '../../domain/billing/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type AccessScope, staffScope } from '../../platform/auth/principal.js';
import { currentContext } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { billingRules } from './billing.errors.js';
import type { BillingPorts } from './billing.ports.js';
import { presentInvoice, presentInvoiceWithLines } from './billing.presenters.js';
import type { ChargeBody, DiscountsBody, InvoiceListQuery } from './billing.schemas.js';
import { billingCharges, invoiceLines, invoices, type SellerSnapshot } from './billing.tables.js';
import { buyerOf, type InvoiceRow } from './billing-run.client.js';
import { insertLines } from './invoice-lines.insert.js';
import { type InvoiceLineRow, rowOfLine, totalsColumns } from './invoice-lines.rows.js';
import { takeNumber } from './invoice-numbers.js';
import { discountColumns, totalsOf, writeTotals } from './invoice-totals.js';
import { findInvoice, linesOf, listInvoices } from './invoices.queries.js';
import { type BillingSettingsRow, readSettings } from './settings.service.js';

export const today = (now: Date) => now.toISOString().slice(0, 10);
export const actorOf = () => currentContext()?.principal?.email ?? currentContext()?.channel ?? 'system';

export const sellerOf = (s: BillingSettingsRow): SellerSnapshot => ({
  name: s.sellerName,
  address: s.sellerAddress,
  taxId: s.sellerTaxId,
  email: s.sellerEmail,
  phone: s.sellerPhone,
  paymentInstructions: s.paymentInstructions,
});

/** Recomputes a draft's totals from its lines as they now stand and writes them. */
async function retotal(tx: Tx, invoice: InvoiceRow, now: Date) {
  const lines = await linesOf(tx, invoice.id);
  const totals = await billingRules(() => totalsOf(lines, invoice));
  await writeTotals(tx, invoice.id, lines, totals, {}, now);
  return totals;
}

export function createInvoicesService(db: Db, ports: BillingPorts) {
  /** Runs `work` on a locked invoice (staff only) in one transaction, with the rules' errors mapped. */
  const onInvoice = <T>(
    id: string,
    work: (tx: Tx, invoice: InvoiceRow) => Promise<T>,
    fieldPrefix = 'body',
  ) =>
    billingRules(
      () => db.transaction(async (tx) => work(tx, await findInvoice(tx, staffScope, id, true))),
      fieldPrefix,
    );

  async function withLines(id: string, scope: AccessScope = staffScope) {
    const row = await findInvoice(db, scope, id);
    return presentInvoiceWithLines(row, await linesOf(db, id), scope);
  }

  return {
    async listInvoices(scope: AccessScope, query: InvoiceListQuery) {
      const page = await listInvoices(db, scope, query);
      return { ...page, items: page.items.map(presentInvoice) };
    },

    getInvoice: (scope: AccessScope, id: string) => withLines(id, scope),

    /** A manual charge line on a draft: a product, an expense, a goodwill credit. */
    async addCharge(id: string, body: ChargeBody, now = new Date()) {
      await onInvoice(
        id,
        async (tx, invoice) => {
          assertInvoiceAllows(invoice.status, 'edit');
          const [charge] = await tx
            .insert(billingCharges)
            .values({
              clientId: invoice.clientId,
              chargedOn: body.date ?? periodEnd(invoice.period),
              description: body.description,
              quantity: body.quantity,
              unit: body.unit ?? null,
              unitPrice: body.unitPrice,
              taxable: body.taxable,
              productId: body.productId ?? null,
              createdBy: actorOf(),
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          const [line] = billCharges([
            {
              id: charge!.id,
              description: charge!.description,
              date: charge!.chargedOn,
              quantity: charge!.quantity,
              unitPrice: charge!.unitPrice,
              taxable: charge!.taxable,
              productId: charge!.productId,
            },
          ]);
          const existing = await linesOf(tx, invoice.id);
          const position = existing.reduce((max, l) => Math.max(max, l.position), 0) + 1;
          const values = rowOfLine(line!, {
            invoiceId: invoice.id,
            clientId: invoice.clientId,
            position,
            unit: charge!.unit,
          });
          const totals = totalsOf([...existing, values], invoice);
          const own = totals.lines.find((t) => t.key === values.key)!;
          await insertLines(
            tx,
            { id: invoice.id, status: 'draft', clientId: invoice.clientId },
            [{ ...values, ...totalsColumns(own) }],
            now,
          );
          await writeTotals(tx, invoice.id, existing, totals, {}, now);
          await recordAudit(tx, {
            action: 'add_charge',
            entityType: 'invoice',
            entityId: invoice.id,
            clientId: invoice.clientId,
            changes: {
              chargeId: charge!.id,
              description: charge!.description,
              amount: line!.amount,
              total: totals.total,
            },
          });
        },
        'body',
      );
      return withLines(id);
    },

    /** Removes a charge line from a draft (and the charge with it); lines a run made follow the agreements. */
    async removeLine(id: string, lineId: string, now = new Date()) {
      await onInvoice(id, async (tx, invoice) => {
        assertInvoiceAllows(invoice.status, 'edit');
        const [line] = await tx
          .select()
          .from(invoiceLines)
          .where(and(eq(invoiceLines.id, lineId), eq(invoiceLines.invoiceId, invoice.id)));
        if (!line) throw notFound('INVOICE_LINE_NOT_FOUND', 'Invoice line', lineId);
        if (line.kind !== 'charge') {
          throw new AppError(
            'INVOICE_LINE_NOT_REMOVABLE',
            `A ${line.kind} line follows the agreements and the approved work: change those (or credit the invoice once issued); only charge lines are removed by hand.`,
          );
        }
        await tx.delete(invoiceLines).where(eq(invoiceLines.id, line.id));
        if (line.chargeId) await tx.delete(billingCharges).where(eq(billingCharges.id, line.chargeId));
        const totals = await retotal(tx, invoice, now);
        await recordAudit(tx, {
          action: 'remove_line',
          entityType: 'invoice',
          entityId: invoice.id,
          clientId: invoice.clientId,
          changes: {
            lineId,
            key: line.key,
            description: line.description,
            amount: line.amount,
            total: totals.total,
          },
        });
      });
      return withLines(id);
    },

    /** Sets or removes the invoice discount and line discounts of a draft. */
    async setDiscounts(id: string, body: DiscountsBody, now = new Date()) {
      await onInvoice(
        id,
        async (tx, invoice) => {
          assertInvoiceAllows(invoice.status, 'edit');
          const lines = await linesOf(tx, invoice.id);
          const byId = new Map(lines.map((l) => [l.id, l]));
          const unknown = (body.lines ?? []).flatMap((l, i) => (byId.has(l.lineId) ? [] : [i]));
          if (unknown.length)
            throw new AppError(
              'VALIDATION_FAILED',
              'Some lines are not on this invoice.',
              unknown.map((i) => ({
                field: `body.lines.${i}.lineId`,
                message: 'is not a line of this invoice',
              })),
            );
          const invoiceDiscount =
            body.invoice === undefined
              ? { discountKind: invoice.discountKind, discountValue: invoice.discountValue }
              : discountColumns(body.invoice);
          for (const l of body.lines ?? []) Object.assign(byId.get(l.lineId)!, discountColumns(l.discount));
          const totals = totalsOf(lines, { ...invoiceDiscount, taxRateBp: invoice.taxRateBp });
          for (const l of body.lines ?? []) {
            await tx
              .update(invoiceLines)
              .set({ ...discountColumns(l.discount), updatedAt: now })
              .where(eq(invoiceLines.id, l.lineId));
          }
          const stored = await linesOf(tx, invoice.id);
          await writeTotals(tx, invoice.id, stored, totals, invoiceDiscount, now);
          await recordAudit(tx, {
            action: 'set_discounts',
            entityType: 'invoice',
            entityId: invoice.id,
            clientId: invoice.clientId,
            changes: {
              ...(body.invoice !== undefined ? { invoice: body.invoice } : {}),
              lines: body.lines ?? [],
              discount: totals.discount,
              total: totals.total,
            },
          });
        },
        'body',
      );
      return withLines(id);
    },

    /** Gives a draft the year's next number, its due date and the seller as set now; immutable after. */
    async issueInvoice(id: string, body: { issueDate?: string }, now = new Date()) {
      // Read before the transaction: other modules' services use their own connection, which the
      // embedded store (one connection) would make wait for this transaction.
      const { clientId } = await findInvoice(db, staffScope, id);
      const client = await ports.client(staffScope, clientId);
      const email = await ports.billingEmail(clientId);
      await onInvoice(
        id,
        async (tx, invoice) => {
          const lines = await linesOf(tx, invoice.id);
          assertIssuable(invoice.status, lines.length, invoice.total);
          const issueDate = body.issueDate ?? today(now);
          const settings = await readSettings(tx);
          // An invoice names who issues it; its PDF cannot be made without.
          if (!settings.sellerName.trim())
            throw new AppError(
              'SELLER_NOT_SET',
              'Set the seller’s name in the billing settings before issuing: an invoice names who issues it.',
            );
          const { number, year, sequence } = await takeNumber(tx, 'invoice', issueDate);
          const status = settlementStatus(invoice.total, invoice.amountPaid, invoice.amountCredited);
          await tx
            .update(invoices)
            .set({
              status,
              number,
              numberYear: year,
              numberSequence: sequence,
              issueDate,
              dueDate: dueDate(issueDate, invoice.paymentTermsDays),
              seller: sellerOf(settings),
              buyer: client ? buyerOf(client, email) : { ...invoice.buyer, email },
              issuedAt: now,
              issuedBy: actorOf(),
              settledOn: status === 'paid' ? issueDate : null,
              updatedAt: now,
            })
            .where(eq(invoices.id, invoice.id));
          await recordAudit(tx, {
            action: 'issue',
            entityType: 'invoice',
            entityId: invoice.id,
            clientId: invoice.clientId,
            changes: { number, issueDate, total: invoice.total, status: ['draft', status] },
          });
        },
        'body',
      );
      return withLines(id);
    },

    /** Voids an issued invoice nobody paid or credited: it keeps its number; its work is billable again. */
    async voidInvoice(id: string, reason: string, now = new Date()) {
      await onInvoice(id, async (tx, invoice) => {
        if (invoice.kind === 'credit_note') {
          throw new AppError(
            'CONFLICT',
            'A credit note is not voided; issue an invoice for its amount instead.',
          );
        }
        assertVoidable(invoice.status, invoice.amountPaid, invoice.amountCredited);
        await tx
          .update(invoices)
          .set({ status: 'void', voidedAt: now, voidReason: reason, updatedAt: now })
          .where(eq(invoices.id, invoice.id));
        const released = await ports.time.detachFromInvoice(tx, invoice.id);
        await recordAudit(tx, {
          action: 'void',
          entityType: 'invoice',
          entityId: invoice.id,
          clientId: invoice.clientId,
          changes: {
            number: invoice.number,
            status: [invoice.status, 'void'],
            reason,
            timeEntriesReleased: released,
          },
        });
      });
      return withLines(id);
    },

    /** Deletes a draft; its time entries and charges wait for the next run. */
    async discardDraft(id: string) {
      await onInvoice(id, async (tx, invoice) => {
        assertInvoiceAllows(invoice.status, 'discard');
        const released = await ports.time.detachFromInvoice(tx, invoice.id);
        await tx.delete(invoices).where(inArray(invoices.id, [invoice.id]));
        await recordAudit(tx, {
          action: 'discard',
          entityType: 'invoice',
          entityId: invoice.id,
          clientId: invoice.clientId,
          changes: { period: invoice.period, total: invoice.total, timeEntriesReleased: released },
        });
      });
    },
  };
}

export type InvoicesService = ReturnType<typeof createInvoicesService>;
export type { InvoiceLineRow };
