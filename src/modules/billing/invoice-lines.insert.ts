/**
 * Writes invoices' new lines in one statement. A billing run writes tens of thousands of lines, so
 * each row travels as a positional JSON array (no column names repeated per row), the instant is
 * sent once, and the rows are built straight from the lines and their totals, with no copies between.
 */
import { sql } from 'drizzle-orm';
import type { LineTotals } from '../../domain/billing/index.js';
import { newId } from '../../platform/db/columns.js';
import type { DbOrTx } from '../../platform/db/store.js';
import type { NewInvoiceLine } from './invoice-lines.rows.js';

/** A line as written: what rowOfLine gives; its totals come with it or from the invoice's totals. */
export type LineToWrite = Omit<
  NewInvoiceLine,
  'id' | 'invoiceId' | 'invoiceStatus' | 'clientId' | 'createdAt' | 'updatedAt' | 'net' | 'gross'
> &
  Partial<Pick<NewInvoiceLine, 'net' | 'gross'>>;

type Totals = Pick<LineTotals, 'lineDiscount' | 'invoiceDiscount' | 'net' | 'tax' | 'gross'>;

/** Columns and casts, in the order positionalRow writes them (after the id at 0). */
const columns: [string, string][] = [
  ['invoice_id', 'uuid'],
  ['invoice_status', 'text'],
  ['client_id', 'uuid'],
  ['position', 'int'],
  ['key', 'text'],
  ['kind', 'text'],
  ['description', 'text'],
  ['agreement_id', 'uuid'],
  ['agreement_line_id', 'text'],
  ['time_entry_id', 'uuid'],
  ['charge_id', 'uuid'],
  ['credits_line_id', 'uuid'],
  ['cycle_from', 'date'],
  ['cycle_to', 'date'],
  ['from_date', 'date'],
  ['to_date', 'date'],
  ['quantity', 'numeric'],
  ['unit', 'text'],
  ['unit_price', 'bigint'],
  ['amount', 'bigint'],
  ['discount_kind', 'text'],
  ['discount_value', 'bigint'],
  ['line_discount', 'bigint'],
  ['invoice_discount', 'bigint'],
  ['net', 'bigint'],
  ['tax', 'bigint'],
  ['gross', 'bigint'],
  ['taxable', 'boolean'],
];

type InvoiceOfLines = { id: string; status: NewInvoiceLine['invoiceStatus']; clientId: string };

function positionalRow(invoice: InvoiceOfLines, l: LineToWrite, t: Totals) {
  return [
    newId(),
    invoice.id,
    invoice.status,
    invoice.clientId,
    l.position,
    l.key,
    l.kind,
    l.description,
    l.agreementId ?? null,
    l.agreementLineId ?? null,
    l.timeEntryId ?? null,
    l.chargeId ?? null,
    l.creditsLineId ?? null,
    l.cycleFrom ?? null,
    l.cycleTo ?? null,
    l.fromDate ?? null,
    l.toDate ?? null,
    l.quantity,
    l.unit ?? null,
    l.unitPrice,
    l.amount,
    l.discountKind ?? null,
    l.discountValue ?? null,
    t.lineDiscount,
    t.invoiceDiscount,
    t.net,
    t.tax,
    t.gross,
    l.taxable ?? true,
    l.detail ?? {},
  ];
}

const detailAt = columns.length + 1;
const names = sql.raw(['id', ...columns.map(([name]) => name), 'detail'].join(', '));
const values = sql.raw(
  [
    '(r->>0)::uuid',
    ...columns.map(([, cast], i) => `(r->>${i + 1})::${cast}`),
    `coalesce(r->${detailAt}, '{}'::jsonb)`,
  ].join(', '),
);

const ownTotals = (l: LineToWrite): Totals => ({
  lineDiscount: l.lineDiscount ?? 0,
  invoiceDiscount: l.invoiceDiscount ?? 0,
  net: l.net ?? l.amount,
  tax: l.tax ?? 0,
  gross: l.gross ?? l.amount,
});

/** Lines to add to one invoice; each line's totals are taken from `totals` (the invoice's, by line key) when given, else from the line itself. */
export type LinesOfInvoice = {
  invoice: InvoiceOfLines;
  lines: readonly LineToWrite[];
  totals?: ReadonlyMap<string, Totals>;
};

/** Inserts the lines of each invoice, all in one statement. */
export async function insertLinesOf(tx: DbOrTx, groups: readonly LinesOfInvoice[], now: Date): Promise<void> {
  const rows = groups.flatMap(({ invoice, lines, totals }) =>
    lines.map((l) => positionalRow(invoice, l, totals?.get(l.key) ?? ownTotals(l))),
  );
  if (!rows.length) return;
  await tx.execute(sql`
    insert into invoice_lines (created_at, updated_at, ${names})
    select ${now}, ${now}, ${values}
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r`);
}

/** Inserts `lines` on the invoice (see LinesOfInvoice for their totals). */
export function insertLines(
  tx: DbOrTx,
  invoice: InvoiceOfLines,
  lines: readonly LineToWrite[],
  now: Date,
  totals?: ReadonlyMap<string, Totals>,
): Promise<void> {
  return insertLinesOf(tx, [{ invoice, lines, totals }], now);
}
