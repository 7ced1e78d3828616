/**
 * Invoice lines between the billing rules and the table: a rule's line becomes a row (the fields
 * every line has as columns, the kind's own fields as `detail`), and the rows of standing invoices
 * become again what the rules read — the agreement charges already billed and the block and retainer
 * draws of invoiced work.
 */
import type {
  AgreementCharge,
  BillingLine,
  DatedDraw,
  LineTotals,
  RecordedDraw,
  RecurringAdjustment,
  RecurringCharge,
  WorkGroupLine,
  WorkLine,
} from '../../domain/billing/index.js';
import type { invoiceLines } from './billing.tables.js';

export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type NewInvoiceLine = typeof invoiceLines.$inferInsert;

/** A line as it goes on an invoice: work grouped (groupWorkLines), everything else as the rules said. */
export type InvoiceLineInput = Exclude<BillingLine, WorkLine> | WorkGroupLine;

const unitNames: Record<string, string | null> = {
  per_user: 'user',
  per_device: 'device',
  per_site: 'site',
  flat: null,
};

/** What one of a line's quantity is, for the document: 'user', 'hour' … or null. */
export function unitOf(line: InvoiceLineInput, agreementUnits: ReadonlyMap<string, string>): string | null {
  if (line.kind === 'work') return 'hour';
  if (line.kind === 'charge') return null;
  return unitNames[agreementUnits.get(`${line.agreementId}:${line.lineId}`) ?? 'flat'] ?? null;
}

function detailOf(line: InvoiceLineInput): Record<string, unknown> {
  switch (line.kind) {
    case 'recurring':
      return { role: line.role, quantitySource: line.quantitySource, prorated: line.prorated };
    case 'adjustment':
      return { role: line.role, sequence: line.sequence, changes: line.changes };
    case 'one_off':
      return {};
    case 'work':
      return {
        outcomeKind: line.outcomeKind,
        ruleCode: line.ruleCode,
        workType: line.workType,
        entries: line.entryIds.length,
        workedMinutes: line.workedMinutes,
        billedMinutes: line.billedMinutes,
        afterHoursMinutes: line.afterHoursMinutes,
        afterHoursMultiplier: line.afterHoursMultiplier,
        rate: line.rate,
        drawnMinutes: line.drawnMinutes,
        drawnAmount: line.drawnAmount,
        overageMinutes: line.overageMinutes,
        draws: line.draws,
        note: line.note,
      };
    case 'charge':
      return { productId: line.productId };
  }
}

/** A new row for a rule's line; its totals (discount shares, tax) are set by the caller. */
export function rowOfLine(
  line: InvoiceLineInput,
  at: { invoiceId: string; clientId: string; position: number; unit: string | null },
): Omit<NewInvoiceLine, 'net' | 'gross'> & { taxable: boolean; discountKind: null; discountValue: null } {
  const cycle = line.kind === 'recurring' || line.kind === 'adjustment' ? line.cycle : null;
  return {
    invoiceId: at.invoiceId,
    invoiceStatus: 'draft',
    clientId: at.clientId,
    position: at.position,
    key: line.key,
    kind: line.kind,
    description: line.description,
    agreementId: 'agreementId' in line ? line.agreementId : null,
    agreementLineId: 'lineId' in line ? line.lineId : null,
    // A line of several entries names none; time_entry_invoices says which entries it holds.
    timeEntryId: line.kind === 'work' && line.entryIds.length === 1 ? line.entryIds[0]! : null,
    chargeId: line.kind === 'charge' ? line.chargeId : null,
    creditsLineId: null,
    cycleFrom: cycle?.from ?? null,
    cycleTo: cycle?.to ?? null,
    fromDate: line.from,
    toDate: line.to,
    quantity: line.quantity,
    unit: at.unit,
    unitPrice: line.unitPrice,
    amount: line.amount,
    discountKind: null,
    discountValue: null,
    taxable: line.taxable,
    detail: detailOf(line),
  };
}

/** The totals columns of a line from the invoice's totals. */
export const totalsColumns = (t: LineTotals) => ({
  lineDiscount: t.lineDiscount,
  invoiceDiscount: t.invoiceDiscount,
  net: t.net,
  tax: t.tax,
  gross: t.gross,
});

/** A standing line as the recurring rule reads what was billed; null for lines of other kinds. */
export function chargeOfRow(row: InvoiceLineRow): AgreementCharge | null {
  if (row.kind !== 'recurring' && row.kind !== 'adjustment' && row.kind !== 'one_off') return null;
  const d = row.detail as Record<string, any>;
  const base = {
    key: row.key,
    description: row.description,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    amount: row.amount,
    from: row.fromDate!,
    to: row.toDate!,
    taxable: row.taxable,
    agreementId: row.agreementId!,
    lineId: row.agreementLineId!,
  };
  if (row.kind === 'one_off') return { ...base, kind: 'one_off' };
  const cycle = { from: row.cycleFrom!, to: row.cycleTo! };
  if (row.kind === 'recurring') {
    return {
      ...base,
      kind: 'recurring',
      role: d.role,
      quantitySource: d.quantitySource,
      cycle,
      prorated: d.prorated,
    } satisfies RecurringCharge;
  }
  return {
    ...base,
    kind: 'adjustment',
    role: d.role,
    cycle,
    sequence: d.sequence,
    changes: d.changes,
  } satisfies RecurringAdjustment;
}

/**
 * What an invoiced work line drew from a block or retainer, by date. Lines written one per entry
 * (before work was grouped) say it in their own fields.
 */
export function drawsOfRow(row: Pick<InvoiceLineRow, 'agreementId' | 'fromDate' | 'detail'>): RecordedDraw[] {
  const d = row.detail as { draws?: DatedDraw[]; drawnMinutes?: number; drawnAmount?: number };
  if (!row.agreementId) return [];
  const agreementId = row.agreementId;
  const dated = d.draws ?? [
    { date: row.fromDate ?? '', minutes: d.drawnMinutes ?? 0, amount: d.drawnAmount ?? 0 },
  ];
  return dated
    .filter((x) => x.date && (x.minutes !== 0 || x.amount !== 0))
    .map((x) => ({ agreementId, date: x.date, minutes: x.minutes, amount: x.amount }));
}
