/**
 * Invoice totals: discounts, then tax, in minor units.
 *
 *  1. Line discounts: a percentage (basis points: 1,000 = 10 %) of the line, rounded half away from
 *     zero, or a fixed amount up to the line's (charge lines only). A percentage applies to a credit
 *     line too, so a credit for a discounted service is discounted alike.
 *  2. The invoice discount: a percentage of, or a fixed amount up to, the sum of the charge lines
 *     after their own discounts; it is shared across those lines by largest remainder (money.ts), so
 *     each line knows its net and the shares add up to the discount exactly. Credits are not
 *     discounted again (they already carry the price of the period they correct).
 *  3. Tax: the client's rate in basis points (2,000 = 20 %) on the sum of the taxable lines' net
 *     amounts, rounded ONCE PER INVOICE, half away from zero — not per line, so a rate's rounding
 *     error is at most half a minor unit per invoice however many lines it has. The tax is then
 *     shared across the taxable lines by largest remainder, so line taxes add up to it (exports
 *     and credit notes need them).
 * total = subtotal − discount + tax.
 */
import { basisPoints, minorUnits } from './checks.js';
import { invalid } from './errors.js';
import { allocate, percentOf } from './money.js';

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'fixed'; amount: number };

export type TotalsLine = { key: string; amount: number; taxable: boolean; discount?: Discount | null };

export type TotalsInput = {
  lines: readonly TotalsLine[];
  invoiceDiscount?: Discount | null;
  /** The client's tax rate, basis points. */
  taxRate: number;
};

export type LineTotals = {
  key: string;
  amount: number;
  lineDiscount: number;
  /** This line's share of the invoice discount. */
  invoiceDiscount: number;
  /** amount − both discounts. */
  net: number;
  /** This line's share of the invoice's tax; 0 on lines that are not taxable. */
  tax: number;
  gross: number;
  taxable: boolean;
};

export type InvoiceTotals = {
  /** Sum of the lines before discounts. */
  subtotal: number;
  /** Line discounts plus the invoice discount. */
  discount: number;
  net: number;
  /** Net of the taxable lines. */
  taxableBase: number;
  taxRate: number;
  tax: number;
  total: number;
  lines: LineTotals[];
};

function lineDiscount(line: TotalsLine, i: number): number {
  const d = line.discount;
  if (!d) return 0;
  const field = `lines[${i}].discount`;
  if (d.kind === 'percent') return percentOf(line.amount, basisPoints(d.basisPoints, `${field}.basisPoints`));
  minorUnits(d.amount, `${field}.amount`);
  if (d.amount > 0 && line.amount < 0)
    throw invalid(field, 'INVALID_DISCOUNT', 'a fixed discount on a credit line');
  if (d.amount > line.amount && d.amount > 0) {
    throw invalid(field, 'INVALID_DISCOUNT', `a discount of ${d.amount} on a line of ${line.amount}`);
  }
  return d.amount;
}

function invoiceDiscountOf(d: Discount | null | undefined, base: number): number {
  if (!d) return 0;
  if (d.kind === 'percent') return percentOf(base, basisPoints(d.basisPoints, 'invoiceDiscount.basisPoints'));
  minorUnits(d.amount, 'invoiceDiscount.amount');
  if (d.amount > base) {
    throw invalid(
      'invoiceDiscount.amount',
      'INVALID_DISCOUNT',
      `a discount of ${d.amount} on charges of ${base}`,
    );
  }
  return d.amount;
}

export function invoiceTotals(input: TotalsInput): InvoiceTotals {
  const taxRate = basisPoints(input.taxRate, 'taxRate');
  const keys = new Set<string>();
  const first = input.lines.map((line, i) => {
    minorUnits(line.amount, `lines[${i}].amount`, true);
    if (keys.has(line.key)) throw invalid(`lines[${i}].key`, 'DUPLICATE', `line ${line.key} is given twice`);
    keys.add(line.key);
    const discount = lineDiscount(line, i);
    return { line, discount, afterLine: line.amount - discount };
  });
  const charges = first.map((l) => Math.max(0, l.afterLine));
  const base = charges.reduce((s, n) => s + n, 0);
  const invoiceDiscount = invoiceDiscountOf(input.invoiceDiscount, base);
  const shares = base > 0 ? allocate(invoiceDiscount, charges) : charges.map(() => 0);
  const nets = first.map((l, i) => l.afterLine - shares[i]!);
  const taxableNets = first.map((l, i) => (l.line.taxable ? nets[i]! : 0));
  const taxableBase = taxableNets.reduce((s, n) => s + n, 0);
  const tax = percentOf(taxableBase, taxRate);
  const taxes = taxableBase !== 0 ? allocate(tax, taxableNets) : taxableNets.map(() => 0);
  const lines: LineTotals[] = first.map((l, i) => ({
    key: l.line.key,
    amount: l.line.amount,
    lineDiscount: l.discount,
    invoiceDiscount: shares[i]!,
    net: nets[i]!,
    tax: taxes[i]!,
    gross: nets[i]! + taxes[i]!,
    taxable: l.line.taxable,
  }));
  const subtotal = first.reduce((s, l) => s + l.line.amount, 0);
  const discount = first.reduce((s, l) => s + l.discount, 0) + invoiceDiscount;
  const net = subtotal - discount;
  return { subtotal, discount, net, taxableBase, taxRate, tax, total: net + tax, lines };
}
