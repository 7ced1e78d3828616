/**
 * Charges outside agreements: products and licences sold, hardware, an expense passed on — anything
 * entered as quantity × unit price on a date. Licences resold monthly are agreement lines
 * (licence_resale agreements) and bill as recurring lines; these are the one-offs. Quantities may
 * have up to three decimals; the amount is quantity × unit price rounded half away from zero.
 */
import { calendarDate, minorUnits, quantityMilli } from './checks.js';
import { invalid } from './errors.js';
import type { InvoiceLineBase } from './invoice-lines.js';
import { divideRounded } from './money.js';

export type ChargeInput = {
  id: string;
  description: string;
  /** The day the product was delivered or the expense incurred. */
  date: string;
  quantity: number;
  /** Minor units; negative for a refund or a goodwill credit. */
  unitPrice: number;
  taxable: boolean;
  productId?: string | null;
};

export type ChargeLine = InvoiceLineBase & { kind: 'charge'; chargeId: string; productId: string | null };

export function billCharges(charges: readonly ChargeInput[]): ChargeLine[] {
  const seen = new Set<string>();
  return charges.map((c, i) => {
    if (seen.has(c.id)) throw invalid(`charges[${i}].id`, 'DUPLICATE', `charge ${c.id} is given twice`);
    seen.add(c.id);
    calendarDate(c.date, `charges[${i}].date`);
    const milli = quantityMilli(c.quantity, `charges[${i}].quantity`);
    const price = minorUnits(c.unitPrice, `charges[${i}].unitPrice`, true);
    return {
      kind: 'charge',
      key: `charge:${c.id}`,
      chargeId: c.id,
      productId: c.productId ?? null,
      description: c.description,
      quantity: c.quantity,
      unitPrice: price,
      amount: divideRounded(BigInt(milli) * BigInt(price), 1000n),
      from: c.date,
      to: c.date,
      taxable: c.taxable,
    };
  });
}
