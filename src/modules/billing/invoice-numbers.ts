/**
 * Gap-free numbers: the year's counter row is incremented by an upsert inside the issuing
 * transaction, which holds the row lock until it commits. Two issues at once take turns; an issue
 * that rolls back gives its number back with it, so no number is ever skipped.
 */
import { sql } from 'drizzle-orm';
import { creditNotePrefix, nextInvoiceNumber } from '../../domain/billing/index.js';
import type { DbOrTx } from '../../platform/db/store.js';
import { invoiceNumberCounters } from './billing.tables.js';

export type IssuedNumber = { number: string; year: number; sequence: number };

export async function takeNumber(
  tx: DbOrTx,
  kind: 'invoice' | 'credit_note',
  issueDate: string,
): Promise<IssuedNumber> {
  const year = Number(issueDate.slice(0, 4));
  const result = (await tx.execute(sql`
    insert into ${invoiceNumberCounters} (year, kind, last_sequence) values (${year}, ${kind}, 1)
    on conflict (year, kind) do update
      set last_sequence = ${invoiceNumberCounters}.last_sequence + 1, updated_at = now()
    returning last_sequence`)) as unknown as { rows: { last_sequence: number | string }[] };
  const sequence = Number(result.rows[0]!.last_sequence);
  const number = nextInvoiceNumber(
    issueDate,
    sequence === 1 ? null : sequence - 1,
    kind === 'credit_note' ? creditNotePrefix : '',
  );
  return { number, year, sequence };
}
