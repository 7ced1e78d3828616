/**
 * Which overdue invoices are due a reminder on a date: issued or partially paid, money still owed,
 * at least `firstAfterDays` days past due, not reminded in the last `repeatEveryDays` days, and fewer
 * than `maxReminders` sent (null: no cap). The reminder job runs this daily; sending twice on one day
 * is impossible because the job records lastRemindedOn.
 */
import { calendarDate } from './checks.js';
import { invalid } from './errors.js';
import type { InvoiceStatus } from './invoice-status.js';
import { daysBetween } from './periods.js';

export type ReminderPolicy = { firstAfterDays: number; repeatEveryDays: number; maxReminders: number | null };

/** A first reminder a week past due, then every 14 days, at most 3. */
export const defaultReminderPolicy: ReminderPolicy = {
  firstAfterDays: 7,
  repeatEveryDays: 14,
  maxReminders: 3,
};

export type ReminderCandidate = {
  invoiceId: string;
  clientId: string;
  status: InvoiceStatus;
  dueDate: string;
  balance: number;
  lastRemindedOn: string | null;
  remindersSent: number;
};

export type ReminderDue = {
  invoiceId: string;
  clientId: string;
  daysOverdue: number;
  reminderNumber: number;
};

function checkPolicy(p: ReminderPolicy): void {
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (
    !whole(p.firstAfterDays) ||
    !whole(p.repeatEveryDays) ||
    p.repeatEveryDays < 1 ||
    (p.maxReminders !== null && !whole(p.maxReminders))
  ) {
    throw invalid('policy', 'INVALID_POLICY', 'expected whole days ≥ 0 (repeat ≥ 1) and a whole cap or null');
  }
}

export function remindersDue(
  invoices: readonly ReminderCandidate[],
  asOf: string,
  policy: ReminderPolicy = defaultReminderPolicy,
): ReminderDue[] {
  calendarDate(asOf, 'asOf');
  checkPolicy(policy);
  const out: ReminderDue[] = [];
  invoices.forEach((inv, i) => {
    calendarDate(inv.dueDate, `invoices[${i}].dueDate`);
    if (inv.status !== 'issued' && inv.status !== 'partially_paid') return;
    if (inv.balance <= 0) return;
    const daysOverdue = daysBetween(inv.dueDate, asOf);
    if (daysOverdue < Math.max(1, policy.firstAfterDays)) return;
    if (policy.maxReminders !== null && inv.remindersSent >= policy.maxReminders) return;
    if (inv.lastRemindedOn !== null) {
      calendarDate(inv.lastRemindedOn, `invoices[${i}].lastRemindedOn`);
      if (daysBetween(inv.lastRemindedOn, asOf) < policy.repeatEveryDays) return;
    }
    out.push({
      invoiceId: inv.invoiceId,
      clientId: inv.clientId,
      daysOverdue,
      reminderNumber: inv.remindersSent + 1,
    });
  });
  return out;
}
