/**
 * Documents for the tests: an MSP in London invoicing a client whose name holds a comma, with a
 * month of managed seats, a prorated seat increase from the 10th, discounted remote support and a
 * licence whose description holds quotes and a line break. Totals are summed from the lines, so
 * a test that changes lines keeps a sound document.
 */
import type { InvoiceDocument, InvoiceDocumentLine } from './document.js';

export function buildLine(overrides: Partial<InvoiceDocumentLine> = {}): InvoiceDocumentLine {
  return {
    description: 'Managed services, per user',
    servicePeriod: null,
    quantity: 1,
    unit: null,
    unitPrice: 10_000,
    discount: 0,
    taxRateBp: 2_000,
    taxAmount: 2_000,
    amount: 10_000,
    accountCode: '200',
    itemCode: null,
    taxCode: null,
    ...overrides,
  };
}

export const sampleLines: InvoiceDocumentLine[] = [
  buildLine({
    description: 'Managed services, per user',
    servicePeriod: { from: '2026-03-01', to: '2026-03-31' },
    quantity: 15,
    unit: 'users',
    unitPrice: 4_500,
    amount: 67_500,
    taxAmount: 13_500,
    itemCode: 'MANAGED-USER',
  }),
  // 5 × 45.00 × 22/31 days = 159.677… → 159.68; not quantity × price, so exports book it as one.
  buildLine({
    description: 'Managed services, 5 more users from 10 March',
    servicePeriod: { from: '2026-03-10', to: '2026-03-31' },
    quantity: '5',
    unit: 'users',
    unitPrice: 4_500,
    amount: 15_968,
    taxAmount: 3_194,
    itemCode: 'MANAGED-USER',
  }),
  buildLine({
    description: 'Remote support (ticket #4411)',
    quantity: '1.25',
    unit: 'hours',
    unitPrice: 9_000,
    discount: 1_125,
    amount: 10_125,
    taxAmount: 2_025,
    itemCode: 'REMOTE-SUPPORT',
  }),
  buildLine({
    description: 'Firewall "Pro", licence\nrenewal for 12 months',
    quantity: 1,
    unitPrice: 30_000,
    amount: 30_000,
    taxRateBp: 0,
    taxAmount: 0,
    accountCode: '210',
  }),
];

/** The document's totals recomputed from its lines and amount paid. */
export function withTotals(doc: InvoiceDocument): InvoiceDocument {
  const discountTotal = doc.lines.reduce((sum, l) => sum + l.discount, 0);
  const subtotal = doc.lines.reduce((sum, l) => sum + l.amount + l.discount, 0);
  const taxTotal = doc.lines.reduce((sum, l) => sum + l.taxAmount, 0);
  const total = subtotal - discountTotal + taxTotal;
  return { ...doc, subtotal, discountTotal, taxTotal, total, balanceDue: total - doc.amountPaid };
}

export function buildInvoiceDocument(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return withTotals({
    kind: 'invoice',
    number: '2026-000123',
    creditsInvoiceNumber: null,
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    period: { start: '2026-03-01', end: '2026-03-31' },
    currency: 'GBP',
    locale: 'en-GB',
    terms: 'Net 30',
    reference: 'PO-7781',
    seller: {
      name: 'Northwind IT Services Ltd',
      address: { line1: '12 Bishopsgate', city: 'London', postalCode: 'EC2N 4AY', country: 'United Kingdom' },
      taxId: 'GB123456789',
      email: 'billing@northwind.example',
      phone: '+44 20 7946 0000',
      paymentInstructions: 'Bank transfer to Northwind IT Services Ltd\nSort code 12-34-56, account 12345678',
    },
    buyer: {
      name: 'Contoso, Ltd.',
      address: { line1: '1 Harbour Street', line2: 'Floor 3', city: 'Leeds', postalCode: 'LS1 4AP' },
      email: 'accounts@contoso.example',
    },
    lines: sampleLines,
    subtotal: 0,
    discountTotal: 0,
    taxTotal: 0,
    total: 0,
    amountPaid: 0,
    balanceDue: 0,
    notes: null,
    ...overrides,
  });
}

/** A credit note for part of invoice 2026-000123: the prorated seats, taken back. */
export function buildCreditNote(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return buildInvoiceDocument({
    kind: 'credit_note',
    number: 'CN-2026-000004',
    creditsInvoiceNumber: '2026-000123',
    issueDate: '2026-03-20',
    dueDate: null,
    reference: null,
    lines: [sampleLines[1]!],
    ...overrides,
  });
}

/** A decimal from an export back to minor units, exactly: ('-191.62', 2) → -19162. */
export function decimalToMinor(text: string, digits: number): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[3] ?? '').length !== digits)
    throw new RangeError(`not a ${digits}-digit decimal: ${text}`);
  const value = Number(`${match[2]}${match[3] ?? ''}`);
  return match[1] ? -value : value;
}
