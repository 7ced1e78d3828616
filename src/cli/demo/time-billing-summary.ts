/**
 * What `keel seed --demo` prints about the year of time and billing: the time entries by approval
 * status and by what entitlement decided, the invoices, credit notes and payments, receivables and
 * aging today, and the clients who pay late. Invoices are in the billing settings' currency (Keel
 * keeps no currency per invoice yet), so amounts are shown without one.
 */
import type { Keel } from '../../app.js';
import { formatMinor } from '../../domain/classification/money.js';
import type { DemoClientRef } from './seed-agreements.js';
import { type BillingTally, billingCounts } from './seed-billing.js';
import { type TimeTally, timeCounts } from './seed-time.js';

const thousands = new Intl.NumberFormat('en');
const count = (n: number, word: string, many = `${word}s`) =>
  `${thousands.format(n)} ${n === 1 ? word : many}`;

const outcomeWords: [kind: string, words: string][] = [
  ['covered', 'covered'],
  ['block', 'drawn from a block'],
  ['retainer', 'drawn from a retainer'],
  ['out_of_scope', 'out of scope'],
  ['time_materials', 'time & materials'],
  ['internal', 'internal'],
];

/** The summary's lines, and notes for its end; `created` is what this run wrote (null: nothing was to do). */
export async function timeAndBillingLines(
  keel: Keel,
  refs: readonly DemoClientRef[],
  created: { time: TimeTally; billing: BillingTally } | null,
): Promise<{ lines: string[]; notes: string[] }> {
  const lines: string[] = [];
  const notes: string[] = [];
  const t = await timeCounts(keel);
  const s = t.byStatus;
  const decided = outcomeWords
    .filter(([kind]) => t.byOutcome[kind])
    .map(([kind, words]) => `${thousands.format(t.byOutcome[kind]!)} ${words}`)
    .join(', ');
  lines.push(
    `Time entries (GET /api/v1/time-entries): ${thousands.format(t.total)} by the demo staff since ${t.from}; ` +
      `${thousands.format(s.approved)} approved, ${s.submitted} submitted and ${s.rejected} rejected ` +
      `(the approval queue), ${s.draft} draft. Entitlement: ${decided}; ` +
      `${thousands.format(t.billable)} billable (${thousands.format(Math.round(t.billableMinutes / 60))} h), ` +
      `${t.afterHours} after hours.`,
  );
  const ct = created?.time;
  if (ct && ct.entries + ct.submitted + ct.approved + ct.rejected)
    lines.push(
      `Created now: ${count(ct.entries, 'time entry', 'time entries')}; ${ct.submitted} submitted, ` +
        `${ct.approved} approved, ${ct.rejected} rejected.`,
    );
  if (ct?.skipped)
    notes.push(
      `${count(ct.skipped, 'planned time entry was', 'planned time entries were')} left out: ` +
        'they overlap other time of the same person.',
    );

  const b = await billingCounts(keel, refs);
  const r = b.receivables;
  const a = r.total.aging;
  lines.push(
    '',
    `Billing (GET /api/v1/invoices): ${b.periods[0]} to ${b.periods.at(-1)}, ${count(b.invoices, 'invoice')} ` +
      `(${b.drafts} drafts waiting for review), ${count(b.creditNotes, 'credit note')}, ${count(b.payments, 'payment')}.`,
    `Receivables on ${r.asOf} (GET /api/v1/receivables): open ${formatMinor(r.total.openBalance)}, ` +
      `overdue ${formatMinor(r.total.overdue)}, client credit ${formatMinor(r.total.credit)}; aging: ` +
      `current ${formatMinor(a.current)}, 1–30 ${formatMinor(a.days1to30)}, 31–60 ${formatMinor(a.days31to60)}, ` +
      `61–90 ${formatMinor(a.days61to90)}, 90+ ${formatMinor(a.over90)}.`,
  );
  const late = r.clients
    .filter((c) => c.paidInvoices >= 3 && (c.lateShare ?? 0) >= 0.5)
    .sort((x, y) => (y.averageDaysToPay ?? 0) - (x.averageDaysToPay ?? 0));
  if (late.length)
    lines.push(
      `Late payers (paid late of paid, average days to pay): ${late
        .map(
          (c) =>
            `${c.clientName} ${c.paidLate}/${c.paidInvoices}, ${Math.round(c.averageDaysToPay ?? 0)} days`,
        )
        .join('; ')}.`,
    );
  const cb = created?.billing;
  if (cb && cb.runs + cb.issued + cb.creditNotes + cb.payments)
    lines.push(
      `Created now: ${count(cb.runs, 'billing run')}, ${cb.issued} invoices issued, ` +
        `${count(cb.creditNotes, 'credit note')}, ${count(cb.payments, 'payment')}.`,
    );
  for (const p of cb?.problems ?? []) notes.push(`Billing run: ${p}`);
  return { lines, notes };
}
