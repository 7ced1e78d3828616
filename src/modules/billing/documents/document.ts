/**
 * The presentation model of an invoice or a credit note: everything the PDF and the accounting
 * exports need, already decided by the billing rules. Nothing here is computed again; the
 * documents only check that the figures add up (document-check.ts) and present them.
 *
 * Money is integer minor units of `currency` (cents for EUR, yen for JPY), dates are calendar
 * dates written 'YYYY-MM-DD'. A credit note carries positive amounts like an invoice: its kind
 * says which way the money goes, and each export writes the sign its importer expects.
 */

export type DocumentKind = 'invoice' | 'credit_note';

/** The same shape as a client's billing address, so the billing module can pass it as it is. */
export type PostalAddress = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

/** Calendar dates, both inclusive. */
export type DateSpan = { from: string; to: string };

export type DocumentSeller = {
  /** The MSP's legal or trading name. */
  name: string;
  address: PostalAddress;
  taxId?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Bank details or a payment link, printed under the totals; line breaks are kept. */
  paymentInstructions?: string | null;
};

export type DocumentBuyer = {
  /** The client's name as the accounting package knows the customer. */
  name: string;
  address: PostalAddress;
  /** The billing contact the document is sent to. */
  email?: string | null;
  taxId?: string | null;
};

export type InvoiceDocumentLine = {
  description: string;
  /** The dates a prorated or in-arrears line covers, printed under its description. */
  servicePeriod?: DateSpan | null;
  /** A decimal with at most two decimals: 15, '1.5', '0.25' (hours, users, devices). */
  quantity: string | number;
  /** What one of the quantity is: 'user', 'device', 'hour'. */
  unit?: string | null;
  unitPrice: number;
  /** Taken off this line before tax; never negative. */
  discount: number;
  /** Basis points: 2000 = 20 %. */
  taxRateBp: number;
  taxAmount: number;
  /** The line's net amount: after its discount, before tax. */
  amount: number;
  /** The revenue account the accounting package books this line to (Xero AccountCode). */
  accountCode?: string | null;
  /** The product or service as the accounting package names it (QuickBooks item, Xero item code). */
  itemCode?: string | null;
  /** The accounting package's name for this line's tax rate (Xero TaxType, QuickBooks tax code). */
  taxCode?: string | null;
};

export type InvoiceDocument = {
  kind: DocumentKind;
  /** '2026-000123', 'CN-2026-000004'; null while the document is a draft. */
  number: string | null;
  /** The number of the invoice a credit note corrects; null on invoices. */
  creditsInvoiceNumber: string | null;
  issueDate: string;
  /** When payment is due; a credit note has none. */
  dueDate: string | null;
  /** The billing period the document belongs to. */
  period: { start: string; end: string } | null;
  /** ISO 4217 code; its minor-unit digits come from Intl. */
  currency: string;
  /** BCP 47 locale for amounts and dates in the PDF; 'en-US' when absent. */
  locale?: string | null;
  /** Payment terms as words: 'Net 30'. */
  terms?: string | null;
  /** The client's own reference, such as a purchase order number. */
  reference?: string | null;
  seller: DocumentSeller;
  buyer: DocumentBuyer;
  lines: InvoiceDocumentLine[];
  /** Sum of the lines before their discounts: Σ (amount + discount). */
  subtotal: number;
  /** Sum of the line discounts. */
  discountTotal: number;
  /** Sum of the line taxes. */
  taxTotal: number;
  /** subtotal − discountTotal + taxTotal. */
  total: number;
  /** Paid on an invoice; applied or refunded on a credit note. */
  amountPaid: number;
  /** total − amountPaid. */
  balanceDue: number;
  /** A closing note printed on the document. */
  notes?: string | null;
};
