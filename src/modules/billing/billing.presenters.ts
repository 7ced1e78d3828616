import type { AccessScope } from '../../platform/auth/principal.js';
import type { InvoiceRow } from './billing-run.client.js';
import type { BillingRunRow } from './billing-run.service.js';
import type { InvoiceLineRow } from './invoice-lines.rows.js';
import type { BillingSettingsRow } from './settings.service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const discount = (kind: 'percent' | 'fixed' | null, value: number | null) =>
  kind === null || value === null ? null : { kind, value };
const span = (from: string | null, to: string | null) => (from && to ? { from, to } : null);

export function presentLine(row: InvoiceLineRow, scope?: AccessScope) {
  return {
    id: row.id,
    position: row.position,
    key: row.key,
    kind: row.kind,
    description: row.description,
    agreementId: row.agreementId,
    agreementLineId: row.agreementLineId,
    timeEntryId: row.timeEntryId,
    chargeId: row.chargeId,
    creditsLineId: row.creditsLineId,
    cycle: span(row.cycleFrom, row.cycleTo),
    servicePeriod: span(row.fromDate, row.toDate),
    quantity: row.quantity,
    unit: row.unit,
    unitPrice: row.unitPrice,
    amount: row.amount,
    discount: discount(row.discountKind, row.discountValue),
    lineDiscount: row.lineDiscount,
    invoiceDiscount: row.invoiceDiscount,
    net: row.net,
    tax: row.tax,
    gross: row.gross,
    taxable: row.taxable,
    // How a line was priced (entitlement's rule, minutes drawn) is the MSP's working, not the client's.
    ...(scope?.kind === 'client' ? {} : { detail: row.detail }),
  };
}

export function presentInvoice(row: InvoiceRow) {
  return {
    id: row.id,
    clientId: row.clientId,
    kind: row.kind,
    status: row.status,
    period: row.period,
    number: row.number,
    creditedInvoiceId: row.creditedInvoiceId,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    paymentTermsDays: row.paymentTermsDays,
    currency: row.currency,
    taxRateBp: row.taxRateBp,
    discount: discount(row.discountKind, row.discountValue),
    subtotal: row.subtotal,
    discountTotal: row.discountTotal,
    netTotal: row.netTotal,
    taxTotal: row.taxTotal,
    total: row.total,
    amountPaid: row.amountPaid,
    amountCredited: row.amountCredited,
    balance: Math.max(0, row.total - row.amountPaid - row.amountCredited),
    buyer: row.buyer,
    seller: row.seller,
    reference: row.reference,
    notes: row.notes,
    billingRunId: row.billingRunId,
    issuedAt: iso(row.issuedAt),
    voidedAt: iso(row.voidedAt),
    voidReason: row.voidReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const presentInvoiceWithLines = (
  row: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  scope?: AccessScope,
) => ({
  ...presentInvoice(row),
  lines: lines.map((l) => presentLine(l, scope)),
});

export type Invoice = ReturnType<typeof presentInvoiceWithLines>;

export function presentRun(row: BillingRunRow) {
  return {
    id: row.id,
    period: row.period,
    clientId: row.clientId,
    dryRun: row.dryRun,
    status: row.status,
    trigger: row.trigger,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    clientsTotal: row.clientsTotal,
    clientsDone: row.clientsDone,
    invoicesCreated: row.invoicesCreated,
    invoicesUpdated: row.invoicesUpdated,
    clientsSkipped: row.clientsSkipped,
    linesAdded: row.linesAdded,
    amountAdded: row.amountAdded,
    problems: row.problems,
    error: row.error,
  };
}

export function presentSettings(row: BillingSettingsRow) {
  const { id: _id, createdAt: _created, updatedAt, ...rest } = row;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}
