/**
 * The rows an accounting import books, derived from a document's lines so that the package ends
 * up with exactly the amounts and taxes the client was sent, whatever it recomputes itself.
 *
 * - QuickBooks Online and Xero work out a line as quantity × rate. When a line's quantity times
 *   its unit price is not exactly its amount (a minimum charge, a rounding increment, a prorated
 *   fee), the row books quantity 1 at the amount and says the real quantity and price in words.
 * - Neither import takes a discount in money (Xero's Discount column is a percentage, which cannot
 *   express every amount exactly), so a discounted line becomes two rows: the line before its
 *   discount, and a negative "Discount" row. The discount row's tax is the discount × rate rounded
 *   half away from zero; the line row keeps the rest, so the two taxes still sum to the line's tax.
 */
import type { InvoiceDocument, InvoiceDocumentLine } from './document.js';
import { applyRate, minorToDecimal } from './money.js';
import { normalizeQuantity, quantityHundredths } from './quantity.js';

export type AccountingRow = {
  line: InvoiceDocumentLine;
  /** The line's position on the document, from 0. */
  lineIndex: number;
  isDiscount: boolean;
  /** The description to book, with the service dates and any real quantity written into it. */
  description: string;
  /** Canonical decimal string. */
  quantity: string;
  /** Minor units; quantity × rate is exactly `amount`. */
  rate: number;
  amount: number;
  taxAmount: number;
};

/** Whether quantity × unitPrice is exactly `amount` minor units. */
function multipliesOut(quantity: string | number, unitPrice: number, amount: number): boolean {
  return BigInt(quantityHundredths(quantity)) * BigInt(unitPrice) === BigInt(amount) * 100n;
}

function periodText(line: InvoiceDocumentLine): string {
  return line.servicePeriod ? ` (${line.servicePeriod.from} to ${line.servicePeriod.to})` : '';
}

/** The rows one document books, in line order, with the document's own signs (credit notes positive). */
export function accountingRows(doc: InvoiceDocument): AccountingRow[] {
  return doc.lines.flatMap((line, lineIndex): AccountingRow[] => {
    const gross = line.amount + line.discount;
    const discountTax = applyRate(line.discount, line.taxRateBp);
    const quantity = normalizeQuantity(line.quantity);
    const exact = multipliesOut(quantity, line.unitPrice, gross);
    const inWords = exact
      ? ''
      : `, ${quantity}${line.unit ? ` ${line.unit}` : ''} at ${minorToDecimal(line.unitPrice, doc.currency)}`;
    const main: AccountingRow = {
      line,
      lineIndex,
      isDiscount: false,
      description: `${line.description}${periodText(line)}${inWords}`,
      quantity: exact ? quantity : '1',
      rate: exact ? line.unitPrice : gross,
      amount: gross,
      taxAmount: line.taxAmount + discountTax,
    };
    if (line.discount === 0) return [main];
    return [
      main,
      {
        line,
        lineIndex,
        isDiscount: true,
        description: `Discount: ${line.description}${periodText(line)}`,
        quantity: '1',
        rate: -line.discount,
        amount: -line.discount,
        taxAmount: -discountTax,
      },
    ];
  });
}

/** The sign an importer that books credit notes as negative invoices wants: −1 for credit notes. */
export function signOf(doc: InvoiceDocument): 1 | -1 {
  return doc.kind === 'credit_note' ? -1 : 1;
}

/** The accounting package's tax name for a row: the line's own, else the caller's map by rate. */
export function taxCodeOf(line: InvoiceDocumentLine, taxCodes: Readonly<Record<number, string>> | undefined) {
  return line.taxCode ?? taxCodes?.[line.taxRateBp] ?? null;
}
