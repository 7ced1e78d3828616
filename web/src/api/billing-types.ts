/**
 * Shapes of the billing API (src/modules/billing/*.schemas.ts). Money is integer minor units in the
 * invoice's (or the settings') currency; calendar dates are 'YYYY-MM-DD'; periods 'YYYY-MM'.
 */

export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceStatus = 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';
export type LineKind = 'recurring' | 'adjustment' | 'one_off' | 'work' | 'charge' | 'credit';
export type Span = { from: string; to: string };

/** As asked: a percentage in basis points (1000 = 10 %) or a fixed amount in minor units. */
export type DiscountInput = { kind: 'percent'; basisPoints: number } | { kind: 'fixed'; amount: number };
/** As stored: `value` is basis points for a percentage, minor units for a fixed amount. */
export type Discount = { kind: 'percent' | 'fixed'; value: number } | null;

export type InvoiceLine = {
  id: string;
  position: number;
  key: string;
  kind: LineKind;
  description: string;
  agreementId: string | null;
  agreementLineId: string | null;
  timeEntryId: string | null;
  chargeId: string | null;
  creditsLineId: string | null;
  cycle: Span | null;
  /** The dates billed (proration dates), both included. */
  servicePeriod: Span | null;
  quantity: number;
  unit: string | null;
  unitPrice: number;
  /** Before discounts; negative for a credit. */
  amount: number;
  discount: Discount;
  lineDiscount: number;
  invoiceDiscount: number;
  net: number;
  tax: number;
  gross: number;
  taxable: boolean;
  /** The rule's own fields; staff only. */
  detail?: Record<string, unknown>;
};

export type Party = {
  name: string;
  address: Record<string, string | undefined>;
  email: string | null;
  taxId: string | null;
};

export type InvoiceSummary = {
  id: string;
  clientId: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  period: string;
  /** '2026-000123' or 'CN-2026-000004'; null while a draft. */
  number: string | null;
  creditedInvoiceId: string | null;
  issueDate: string | null;
  dueDate: string | null;
  paymentTermsDays: number;
  currency: string;
  taxRateBp: number;
  discount: Discount;
  subtotal: number;
  discountTotal: number;
  netTotal: number;
  taxTotal: number;
  total: number;
  amountPaid: number;
  amountCredited: number;
  /** total − paid − credited, never below zero. */
  balance: number;
  buyer: Party;
  seller: (Party & { phone: string | null; paymentInstructions: string | null }) | null;
  reference: string | null;
  notes: string;
  billingRunId: string | null;
  issuedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Invoice = InvoiceSummary & { lines: InvoiceLine[] };

export type InvoiceFilters = {
  clientId?: string;
  period?: string;
  status?: InvoiceStatus | '';
  kind?: InvoiceKind | '';
};

/** A line a billing run would add (dry run). */
export type PlannedLine = {
  key: string;
  kind: LineKind;
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  from: string | null;
  to: string | null;
  taxable: boolean;
};

export type RunOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export type ClientOutcome = {
  clientId: string;
  clientName: string;
  outcome: RunOutcome;
  invoiceId: string | null;
  linesAdded: number;
  amountAdded: number;
  /** The invoice total after the run, tax included (what it would be, on a dry run). */
  total: number | null;
  reason?: string;
  lines?: PlannedLine[];
  skippedEntries?: { entryId: string; reason: string }[];
};

export type RunInput = { period: string; clientId?: string | null; dryRun: boolean };

export type RunResult = {
  /** Null on a dry run, which records nothing. */
  id: string | null;
  period: string;
  clientId: string | null;
  dryRun: boolean;
  status: 'running' | 'succeeded' | 'failed';
  clientsTotal: number;
  clientsDone: number;
  invoicesCreated: number;
  invoicesUpdated: number;
  clientsSkipped: number;
  linesAdded: number;
  amountAdded: number;
  problems: { clientId: string; error: string }[];
  clients: ClientOutcome[];
};

export type RunRecord = Omit<RunResult, 'clients'> & {
  trigger: string;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
};

export type LeakReport = {
  period: string;
  unbilledWork: {
    entryId: string;
    clientId: string;
    workDate: string;
    minutes: number;
    workType: string;
    amount: number;
    reason: string;
  }[];
  pendingApproval: {
    entryId: string;
    clientId: string | null;
    technicianId: string;
    workDate: string;
    minutes: number;
    status: string;
    billable: boolean;
  }[];
  agreementsNotBilled: { agreementId: string; clientId: string; name: string; cycle: Span }[];
  quantityMismatches: {
    agreementId: string;
    clientId: string;
    lineId: string;
    description: string;
    source: string;
    counted: number;
    billed: number;
  }[];
};

export type Aging = {
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
};
export type AgingBucket = Exclude<keyof Aging, 'total'>;

export type ClientReceivables = {
  clientId: string;
  clientName: string;
  openBalance: number;
  /** Money received that no invoice took, and credit notes beyond what was owed. */
  credit: number;
  overdue: number;
  aging: Aging;
  openInvoices: number;
  paidInvoices: number;
  averageDaysToPay: number | null;
  paidLate: number;
  /** 0–1; null before the first paid invoice. */
  lateShare: number | null;
  overdueInvoices: number;
};

export type Receivables = {
  asOf: string;
  currency: string;
  total: { openBalance: number; credit: number; overdue: number; aging: Aging };
  clients: ClientReceivables[];
};

export type AgingReport = {
  asOf: string;
  currency: string;
  total: Aging;
  clients: (Aging & { clientId: string; clientName: string })[];
  invoices: {
    invoiceId: string;
    number: string | null;
    clientId: string;
    clientName: string;
    issueDate: string;
    dueDate: string;
    total: number;
    balance: number;
    daysPastDue: number;
    bucket: AgingBucket;
  }[];
};

export type PaymentMethod = 'bank_transfer' | 'card' | 'direct_debit' | 'cash' | 'cheque' | 'other';

export type PaymentInput = {
  clientId: string;
  date: string;
  amount: number;
  method: PaymentMethod;
  reference?: string;
  note?: string;
  /** Absent: the client's open invoices, oldest due first; what is left is client credit. */
  invoiceId?: string | null;
};

export type PaymentAllocation = {
  invoiceId: string;
  invoiceNumber: string | null;
  amount: number;
  appliedOn: string;
};

export type Payment = {
  id: string;
  clientId: string;
  date: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  reference: string;
  note: string;
  allocations: PaymentAllocation[];
  /** What no invoice took: the client's credit. */
  unallocated: number;
  voided: { at: string; reason: string; allocations: PaymentAllocation[] } | null;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Mailing = {
  id: string;
  kind: 'invoice' | 'reminder';
  level: number | null;
  sentTo: string[];
  status: 'queued' | 'sent' | 'failed';
  requestedBy: string | null;
  requestedAt: string;
  sentAt: string | null;
  error: string | null;
};

export type CreditNoteInput =
  | { kind: 'full'; issueDate?: string; reason?: string }
  | { kind: 'lines'; lines: { lineId: string; net?: number }[]; issueDate?: string; reason?: string };

export type ChargeInput = {
  description: string;
  quantity: number;
  unit?: string | null;
  unitPrice: number;
  date?: string;
  taxable: boolean;
};

/** The seller's postal address as printed on invoices; every part optional. */
export type SellerAddress = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

/** The billing settings row: the seller on invoices, currency and terms, reminders, the run schedule. */
export type BillingSettings = {
  sellerName: string;
  sellerAddress: SellerAddress;
  sellerTaxId: string | null;
  sellerEmail: string | null;
  sellerPhone: string | null;
  /** Bank details or a payment link, printed under the totals. */
  paymentInstructions: string | null;
  /** BCP 47: the language and number format of the PDF. */
  locale: string;
  /** ISO 4217: the currency of invoices and payments. */
  currency: string;
  /** Used when an agreement names none (a break-fix client). */
  defaultPaymentTermsDays: number;
  /** How many months back a run corrects cycles already billed. */
  reviewMonths: number;
  reminderFirstAfterDays: number;
  reminderRepeatEveryDays: number;
  /** Null: no cap. */
  reminderMax: number | null;
  remindersEnabled: boolean;
  scheduleEnabled: boolean;
  /** Day of the month, 1–28, the run for that month starts. */
  scheduleDay: number;
  /** Local 'HH:MM' in scheduleTimeZone. */
  scheduleTime: string;
  scheduleTimeZone: string;
  /** Also run when each month closes, for the work done in it. */
  scheduleWorkAtPeriodEnd: boolean;
  /** Issue the drafts a scheduled run makes; off, a person reviews and issues them. */
  scheduleAutoIssue: boolean;
  updatedAt: string;
};

/** PATCH /api/v1/billing/settings: only what changes; sellerAddress is replaced whole. */
export type BillingSettingsPatch = Partial<Omit<BillingSettings, 'updatedAt'>>;

/** The date layouts the accounting packages' import wizards read. */
export type CsvDateFormat = 'MM/dd/yyyy' | 'dd/MM/yyyy' | 'yyyy-MM-dd';

/** The codes an accounting import needs that Keel's invoices do not carry. */
export type ExportSettings = {
  /** The Xero revenue account for every line (Xero's default sales account is 200). */
  xeroAccountCode: string;
  /** Tax rate in basis points → the Xero tax rate's name, e.g. {"2000": "20% (VAT on Income)"}. */
  xeroTaxTypes: Record<string, string>;
  xeroDateFormat: CsvDateFormat;
  /** Tax rate in basis points → the QuickBooks Online tax code. */
  quickBooksTaxCodes: Record<string, string>;
  quickBooksDateFormat: CsvDateFormat;
};

export type ExportFormat = 'quickbooks' | 'xero' | 'generic';
export type ExportKind = 'invoices' | 'credit_notes';

/** GET /api/v1/billing/exports: documents issued from `from` to `to`, both included. */
export type ExportQuery = { format: ExportFormat; from: string; to: string; kind?: ExportKind };

export type ScheduledRun = {
  slot: string;
  kind: 'period_start' | 'period_end';
  /** The period the run billed. */
  period: string;
  dueAt: string;
  claimedAt: string;
  finishedAt: string | null;
  runId: string | null;
  invoicesIssued: number;
  error: string | null;
};
