/**
 * Credit notes: the only way to correct an issued invoice. A credit note credits the whole invoice,
 * or chosen lines, each fully or by a net amount (before tax). Its tax follows the line's: a part of
 * a line takes its share of the line's tax (net × line tax / line net, rounded half away from zero),
 * and the credit that uses up a line takes exactly the tax still left on it — so crediting a line in
 * parts, or an invoice in several notes, adds up to the invoice to the cent.
 *
 * Nothing is credited beyond what remains: per line, the net and tax not yet credited; per invoice,
 * its total less every credit note against it. Asking for more throws CREDIT_EXCEEDS_REMAINING.
 * Payments do not limit a credit: crediting a paid invoice leaves client credit (receivables.ts).
 */
import { minorUnits } from './checks.js';
import { BillingRuleError, invalid } from './errors.js';
import { assertInvoiceAllows, type InvoiceStatus } from './invoice-status.js';
import { divideRounded } from './money.js';
import type { LineTotals } from './totals.js';

export type CreditableInvoice = {
  id: string;
  status: InvoiceStatus;
  /** The invoice's lines with their net and tax (InvoiceTotals.lines). */
  lines: readonly Pick<LineTotals, 'key' | 'net' | 'tax'>[];
};

/** What a credit note credited on one invoice line. */
export type CreditedLine = { lineKey: string; net: number; tax: number };

export type CreditRequest =
  | { kind: 'full' }
  /** `net` omitted: whatever is left of the line. */
  | { kind: 'lines'; lines: readonly { lineKey: string; net?: number }[] };

export type CreditNote = {
  invoiceId: string;
  lines: (CreditedLine & { gross: number })[];
  net: number;
  tax: number;
  total: number;
};

type Left = { key: string; lineNet: number; lineTax: number; net: number; tax: number };

function remainingByLine(invoice: CreditableInvoice, credited: readonly CreditedLine[]): Map<string, Left> {
  const left = new Map<string, Left>();
  for (const l of invoice.lines)
    left.set(l.key, { key: l.key, lineNet: l.net, lineTax: l.tax, net: l.net, tax: l.tax });
  for (const [i, c] of credited.entries()) {
    const line = left.get(c.lineKey);
    if (!line)
      throw invalid(
        `credited[${i}].lineKey`,
        'UNKNOWN_REFERENCE',
        `no line ${c.lineKey} on invoice ${invoice.id}`,
      );
    line.net -= c.net;
    line.tax -= c.tax;
  }
  return left;
}

/** What is still creditable on an invoice: its total less every credit note against it. */
export function creditableRemaining(invoice: CreditableInvoice, credited: readonly CreditedLine[]): number {
  let left = 0;
  for (const l of remainingByLine(invoice, credited).values()) left += l.net + l.tax;
  return left;
}

function exceeds(detail: string): BillingRuleError {
  return new BillingRuleError('CREDIT_EXCEEDS_REMAINING', detail);
}

/** The credit note `request` makes against `invoice`, given the credit notes already issued against it. */
export function creditNote(
  invoice: CreditableInvoice,
  credited: readonly CreditedLine[],
  request: CreditRequest,
): CreditNote {
  assertInvoiceAllows(invoice.status, 'credit');
  const left = remainingByLine(invoice, credited);
  const remaining = creditableRemaining(invoice, credited);
  let lines: CreditedLine[];
  if (request.kind === 'full') {
    if (remaining <= 0) throw exceeds(`Invoice ${invoice.id} has nothing left to credit.`);
    lines = [...left.values()]
      .filter((l) => l.net !== 0 || l.tax !== 0)
      .map((l) => ({ lineKey: l.key, net: l.net, tax: l.tax }));
  } else {
    if (request.lines.length === 0)
      throw invalid('lines', 'UNKNOWN_REFERENCE', 'name at least one line to credit');
    const seen = new Set<string>();
    lines = request.lines.map((r, i) => {
      const line = left.get(r.lineKey);
      if (!line)
        throw invalid(
          `lines[${i}].lineKey`,
          'UNKNOWN_REFERENCE',
          `no line ${r.lineKey} on invoice ${invoice.id}`,
        );
      if (seen.has(r.lineKey))
        throw invalid(`lines[${i}].lineKey`, 'DUPLICATE', `line ${r.lineKey} is named twice`);
      seen.add(r.lineKey);
      if (line.net <= 0) throw exceeds(`Line ${r.lineKey} has nothing left to credit.`);
      const net = r.net === undefined ? line.net : minorUnits(r.net, `lines[${i}].net`);
      if (net === 0) throw invalid(`lines[${i}].net`, 'INVALID_AMOUNT', 'a credit of nothing');
      if (net > line.net)
        throw exceeds(`Line ${r.lineKey} has ${line.net} left to credit; ${net} was asked.`);
      const tax =
        net === line.net
          ? line.tax
          : Math.min(line.tax, divideRounded(BigInt(net) * BigInt(line.lineTax), line.lineNet));
      return { lineKey: r.lineKey, net, tax };
    });
  }
  const net = lines.reduce((s, l) => s + l.net, 0);
  const tax = lines.reduce((s, l) => s + l.tax, 0);
  if (net + tax > remaining) {
    throw exceeds(
      `Invoice ${invoice.id} has ${remaining} left to credit; this credit note is for ${net + tax}.`,
    );
  }
  return {
    invoiceId: invoice.id,
    lines: lines.map((l) => ({ ...l, gross: l.net + l.tax })),
    net,
    tax,
    total: net + tax,
  };
}
