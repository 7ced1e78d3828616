/**
 * Writes an invoice's new lines in one statement. A billing run writes hundreds of thousands of
 * lines, so each row travels as a positional JSON array (no column names repeated per row) and what
 * every line of the invoice shares — the invoice, its status, the client, the instant — is sent once.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns.js';
import type { DbOrTx } from '../../platform/db/store.js';
import type { NewInvoiceLine } from './invoice-lines.rows.js';

/** A line as written: what rowOfLine gives, with its totals. */
export type LineToWrite = Omit<
  NewInvoiceLine,
  'id' | 'invoiceId' | 'invoiceStatus' | 'clientId' | 'createdAt' | 'updatedAt'
>;

/** [name, cast, value of the row] in the order of the arrays. */
const columns: [string, string, (l: LineToWrite) => unknown][] = [
  ['position', 'int', (l) => l.position],
  ['key', 'text', (l) => l.key],
  ['kind', 'text', (l) => l.kind],
  ['description', 'text', (l) => l.description],
  ['agreement_id', 'uuid', (l) => l.agreementId ?? null],
  ['agreement_line_id', 'text', (l) => l.agreementLineId ?? null],
  ['time_entry_id', 'uuid', (l) => l.timeEntryId ?? null],
  ['charge_id', 'uuid', (l) => l.chargeId ?? null],
  ['credits_line_id', 'uuid', (l) => l.creditsLineId ?? null],
  ['cycle_from', 'date', (l) => l.cycleFrom ?? null],
  ['cycle_to', 'date', (l) => l.cycleTo ?? null],
  ['from_date', 'date', (l) => l.fromDate ?? null],
  ['to_date', 'date', (l) => l.toDate ?? null],
  ['quantity', 'numeric', (l) => l.quantity],
  ['unit', 'text', (l) => l.unit ?? null],
  ['unit_price', 'bigint', (l) => l.unitPrice],
  ['amount', 'bigint', (l) => l.amount],
  ['discount_kind', 'text', (l) => l.discountKind ?? null],
  ['discount_value', 'bigint', (l) => l.discountValue ?? null],
  ['line_discount', 'bigint', (l) => l.lineDiscount ?? 0],
  ['invoice_discount', 'bigint', (l) => l.invoiceDiscount ?? 0],
  ['net', 'bigint', (l) => l.net],
  ['tax', 'bigint', (l) => l.tax ?? 0],
  ['gross', 'bigint', (l) => l.gross],
  ['taxable', 'boolean', (l) => l.taxable ?? true],
];
const detailAt = columns.length + 1;

const names = sql.raw(['id', ...columns.map(([name]) => name), 'detail'].join(', '));
const values = sql.raw(
  [
    '(r->>0)::uuid',
    ...columns.map(([, cast], i) => `(r->>${i + 1})::${cast}`),
    `coalesce(r->${detailAt}, '{}'::jsonb)`,
  ].join(', '),
);

export async function insertLines(
  tx: DbOrTx,
  invoice: { id: string; status: NewInvoiceLine['invoiceStatus']; clientId: string },
  lines: readonly LineToWrite[],
  now: Date,
): Promise<void> {
  if (!lines.length) return;
  const rows = lines.map((l) => [newId(), ...columns.map(([, , value]) => value(l)), l.detail ?? {}]);
  await tx.execute(sql`
    insert into invoice_lines (invoice_id, invoice_status, client_id, created_at, updated_at, ${names})
    select ${invoice.id}::uuid, ${invoice.status}, ${invoice.clientId}::uuid, ${now}, ${now}, ${values}
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r`);
}
