/**
 * Aging of receivables as of a date: each open invoice's balance falls in one bucket by the days past
 * its due date — current (not yet due, or due that very day), 1–30, 31–60, 61–90, 90+ — per client
 * and in all. Only money still owed counts (balance > 0).
 */
import { calendarDate, minorUnits } from './checks.js';
import { daysBetween } from './periods.js';

export const agingBuckets = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export type AgingTotals = Record<AgingBucket, number> & { total: number };

export type AgingInvoice = { clientId: string; dueDate: string; balance: number };

export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

/** Days `asOf` is past `due`; 0 or less when not past. */
export const daysPastDue = (due: string, asOf: string): number => daysBetween(due, asOf);

const empty = (): AgingTotals => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0, total: 0 });

export function aging(
  invoices: readonly AgingInvoice[],
  asOf: string,
): { total: AgingTotals; byClient: Record<string, AgingTotals> } {
  calendarDate(asOf, 'asOf');
  const total = empty();
  const byClient: Record<string, AgingTotals> = {};
  invoices.forEach((inv, i) => {
    calendarDate(inv.dueDate, `invoices[${i}].dueDate`);
    minorUnits(inv.balance, `invoices[${i}].balance`, true);
    if (inv.balance <= 0) return;
    const bucket = agingBucket(daysPastDue(inv.dueDate, asOf));
    const client = byClient[inv.clientId] ?? empty();
    byClient[inv.clientId] = client;
    for (const t of [total, client]) {
      t[bucket] += inv.balance;
      t.total += inv.balance;
    }
  });
  return { total, byClient };
}
