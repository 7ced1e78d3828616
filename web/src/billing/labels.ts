import type {
  AgingBucket,
  InvoiceStatus,
  InvoiceSummary,
  LineKind,
  PaymentMethod,
  RunOutcome,
} from '../api/billing-types';
import type { Tone } from '../ui/badge';

export const statusLabels: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};

export const statusTone: Record<InvoiceStatus, Tone> = {
  draft: 'muted',
  issued: 'warn',
  partially_paid: 'warn',
  paid: 'good',
  void: 'danger',
};

/** A credit note owes nothing: its state is told plainly, not as money waiting. */
export const toneOf = (i: Pick<InvoiceSummary, 'kind' | 'status'>): Tone =>
  i.kind === 'credit_note' && i.status !== 'void' ? 'neutral' : statusTone[i.status];

export const lineKindLabels: Record<LineKind, string> = {
  recurring: 'Recurring',
  adjustment: 'Adjustment',
  one_off: 'One-off',
  work: 'Work',
  charge: 'Charge',
  credit: 'Credit',
};

export const outcomeLabels: Record<RunOutcome, string> = {
  created: 'New draft',
  updated: 'Added to draft',
  unchanged: 'Nothing to add',
  skipped: 'Skipped',
  failed: 'Failed',
};

export const outcomeTone: Record<RunOutcome, Tone> = {
  created: 'good',
  updated: 'good',
  unchanged: 'muted',
  skipped: 'muted',
  failed: 'danger',
};

export const methodLabels: Record<PaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  card: 'Card',
  direct_debit: 'Direct debit',
  cash: 'Cash',
  cheque: 'Cheque',
  other: 'Other',
};

export const bucketLabels: Record<AgingBucket, string> = {
  current: 'Current',
  days1to30: '1–30 days',
  days31to60: '31–60 days',
  days61to90: '61–90 days',
  over90: '90+ days',
};

export const agingBuckets = Object.keys(bucketLabels) as AgingBucket[];

/** How people name an invoice: its number once issued; before that it is a draft for a period. */
export function invoiceName(i: Pick<InvoiceSummary, 'number' | 'kind' | 'period'>): string {
  if (i.number) return i.number;
  return i.kind === 'credit_note' ? 'Draft credit note' : `Draft ${i.period}`;
}

/** A period 'YYYY-MM' as people read it: "March 2026". */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A calendar date 'YYYY-MM-DD' as people read it, never shifted by the browser's zone. */
export function formatDay(day: string | null): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "1 – 31 Mar 2026" for the dates a line bills, both included. */
export const formatSpan = (span: { from: string; to: string } | null) =>
  span
    ? span.from === span.to
      ? formatDay(span.from)
      : `${formatDay(span.from)} – ${formatDay(span.to)}`
    : '';

/** Quantities to three decimals at most, as stored: 15, 1.5, 0.333. */
export const formatQuantity = (q: number) =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(q);
