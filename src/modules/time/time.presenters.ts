import { lockOf } from '../../domain/time/workflow.js';
import type { TimeEntryRow } from './time.queries.js';
import type { timeTimers } from './time.tables.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentEntry(row: TimeEntryRow) {
  return {
    id: row.id,
    technicianId: row.technicianId,
    clientId: row.clientId,
    ticketId: row.ticketId,
    projectRef: row.projectRef,
    activity: row.activity,
    category: row.category,
    workType: row.workType,
    agreementHint: row.agreementHint,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt.toISOString(),
    minutes: row.minutes,
    note: row.note,
    status: row.status,
    billable: row.billable,
    billableOverride:
      row.billableOverride === null
        ? null
        : { billable: row.billableOverride, reason: row.billableOverrideReason ?? '' },
    amount: row.amount,
    entitlement: {
      kind: row.outcomeKind,
      agreementId: row.agreementId,
      rule: { code: row.ruleCode, explanation: row.ruleExplanation },
      billable: row.billableDecided,
      rate: row.rate,
      afterHours: row.afterHours,
      afterHoursMinutes: row.afterHoursMinutes,
      afterHoursMultiplier: row.afterHoursMultiplierMilli / 1000,
    },
    submittedAt: iso(row.submittedAt),
    reviewedBy: row.reviewedBy,
    reviewedAt: iso(row.reviewedAt),
    rejectionReason: row.rejectionReason,
    invoiceId: row.invoiceId,
    locked: lockOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type TimeEntry = ReturnType<typeof presentEntry>;

export function presentTimer(row: typeof timeTimers.$inferSelect) {
  return {
    userId: row.userId,
    startedAt: row.startedAt.toISOString(),
    clientId: row.clientId,
    ticketId: row.ticketId,
    projectRef: row.projectRef,
    activity: row.activity,
    category: row.category,
    workType: row.workType,
    note: row.note,
  };
}
