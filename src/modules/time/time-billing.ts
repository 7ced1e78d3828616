/**
 * What billing reads from and writes to time entries, always through these functions. An entry
 * reaches an invoice only approved and billable, and only once: `attachToInvoice` claims entries
 * whose invoice is still unset in the caller's transaction, so two runs at once cannot both claim
 * one entry (the second finds it taken and fails, rolling its own invoice back).
 */
import { and, asc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { EntitlementOutcome } from '../../domain/entitlement/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { presentEntry } from './time.presenters.js';
import type { TimeEntryRow } from './time.queries.js';
import { timeEntries } from './time.tables.js';

/** An approved entry as billing prices it: the rates and minutes entitlement decided at save time. */
export type BillableEntry = {
  id: string;
  clientId: string;
  technicianId: string;
  ticketId: string | null;
  projectRef: string | null;
  activity: string | null;
  category: string | null;
  workType: string;
  startedAt: Date;
  endedAt: Date;
  /** The client's calendar date of the start. */
  workDate: string;
  minutes: number;
  note: string;
  outcomeKind: EntitlementOutcome['kind'];
  ruleCode: string;
  agreementId: string | null;
  /** Minor units per hour; null when nothing prices the entry's time. */
  rate: number | null;
  afterHours: boolean;
  afterHoursMinutes: number;
  /** Thousandths: 1500 = ×1.5. */
  afterHoursMultiplierMilli: number;
  /** Minutes drawn from a block, minor units drawn from a retainer. */
  drawnMinutes: number;
  drawnAmount: number;
  billable: boolean;
  /** True when a person overrode entitlement's decision (their reason is on the entry). */
  overridden: boolean;
  /** Minor units entitlement (or the override) priced, before billing's increments and minimums. */
  amount: number;
  entitlement: EntitlementOutcome;
};

const toBillable = (r: TimeEntryRow): BillableEntry => ({
  id: r.id,
  clientId: r.clientId!,
  technicianId: r.technicianId,
  ticketId: r.ticketId,
  projectRef: r.projectRef,
  activity: r.activity,
  category: r.category,
  workType: r.workType,
  startedAt: r.startedAt,
  endedAt: r.endedAt,
  workDate: r.workDate,
  minutes: r.minutes,
  note: r.note,
  outcomeKind: r.outcomeKind as EntitlementOutcome['kind'],
  ruleCode: r.ruleCode,
  agreementId: r.agreementId,
  rate: r.rate,
  afterHours: r.afterHours,
  afterHoursMinutes: r.afterHoursMinutes,
  afterHoursMultiplierMilli: r.afterHoursMultiplierMilli,
  drawnMinutes: r.drawnMinutes,
  drawnAmount: r.drawnAmount,
  billable: r.billable,
  overridden: r.billableOverride !== null,
  amount: r.amount,
  entitlement: r.entitlement,
});

/** A period of work by start instant: [from, to). */
export type StartRange = { clientId: string; from: Date; to: Date };

export function createTimeBilling(db: Db) {
  return {
    /**
     * Approved entries of a client that started in [from, to) and are on no invoice, oldest first:
     * the billable ones only by default; `drawing: true` adds the approved work that drew from a
     * block or retainer without billing, which a billing run needs to carry balances forward.
     */
    async listUninvoiced(range: StartRange, opts: { drawing?: boolean } = {}, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(timeEntries)
        .where(
          and(
            eq(timeEntries.clientId, range.clientId),
            eq(timeEntries.status, 'approved'),
            isNull(timeEntries.invoiceId),
            gte(timeEntries.startedAt, range.from),
            lt(timeEntries.startedAt, range.to),
            opts.drawing
              ? sql`(${timeEntries.billable} or ${timeEntries.drawnMinutes} > 0 or ${timeEntries.drawnAmount} > 0)`
              : eq(timeEntries.billable, true),
          ),
        )
        .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id));
      return rows.map(toBillable);
    },

    /**
     * Entries of a client that started in [from, to) and are not approved yet (draft, submitted or
     * rejected): what the pre-invoice leak report lists as pending approval. All clients when
     * `clientId` is absent.
     */
    async listPendingApproval(range: Omit<StartRange, 'clientId'> & { clientId?: string }, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(timeEntries)
        .where(
          and(
            range.clientId
              ? eq(timeEntries.clientId, range.clientId)
              : sql`${timeEntries.clientId} is not null`,
            ne(timeEntries.status, 'approved'),
            gte(timeEntries.startedAt, range.from),
            lt(timeEntries.startedAt, range.to),
          ),
        )
        .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id));
      return rows.map(presentEntry);
    },

    /**
     * Puts entries on an invoice, in the caller's transaction. Every entry must be the client's,
     * approved, billable and on no invoice yet; otherwise nothing is claimed and CONFLICT is thrown,
     * which rolls back the caller's transaction with it.
     */
    async attachToInvoice(
      tx: DbOrTx,
      claim: { invoiceId: string; clientId: string; entryIds: readonly string[] },
      now = new Date(),
    ): Promise<number> {
      const ids = [...new Set(claim.entryIds)];
      if (!ids.length) return 0;
      const claimed = await tx
        .update(timeEntries)
        .set({ invoiceId: claim.invoiceId, updatedAt: now })
        .where(
          and(
            inArray(timeEntries.id, ids),
            eq(timeEntries.clientId, claim.clientId),
            eq(timeEntries.status, 'approved'),
            eq(timeEntries.billable, true),
            isNull(timeEntries.invoiceId),
          ),
        )
        .returning({ id: timeEntries.id });
      if (claimed.length !== ids.length) {
        const taken = ids.filter((id) => !claimed.some((c) => c.id === id));
        throw new AppError(
          'CONFLICT',
          `${taken.length} time entries are not approved billable work of this client on no invoice: ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? ' …' : ''}.`,
        );
      }
      await recordAudit(tx, {
        action: 'attach_time',
        entityType: 'invoice',
        entityId: claim.invoiceId,
        clientId: claim.clientId,
        changes: { timeEntryIds: ids },
      });
      return ids.length;
    },

    /** Takes every entry off an invoice (a draft invoice discarded), in the caller's transaction. */
    async detachFromInvoice(tx: DbOrTx, invoiceId: string, now = new Date()): Promise<number> {
      const released = await tx
        .update(timeEntries)
        .set({ invoiceId: null, updatedAt: now })
        .where(eq(timeEntries.invoiceId, invoiceId))
        .returning({ id: timeEntries.id, clientId: timeEntries.clientId });
      if (released.length)
        await recordAudit(tx, {
          action: 'detach_time',
          entityType: 'invoice',
          entityId: invoiceId,
          clientId: released[0]!.clientId,
          changes: { timeEntryIds: released.map((r) => r.id) },
        });
      return released.length;
    },
  };
}
