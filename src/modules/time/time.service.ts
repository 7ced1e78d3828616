import { asc, inArray } from 'drizzle-orm';
import { describeProblem, type ReviewAction, review, statusAfterEdit } from '../../domain/time/workflow.js';
import { diff, recordAudit, recordAuditOf } from '../../platform/audit/audit.js';
import { currentContext } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/store.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { TimePorts } from './time.ports.js';
import { presentEntry } from './time.presenters.js';
import { entryColumns, findEntry, listEntries, type TimeEntryRow, written } from './time.queries.js';
import type { CreateTimeEntryInput, TimeEntryListQuery, UpdateTimeEntryInput } from './time.schemas.js';
import { timeEntries } from './time.tables.js';
import { createTimeBilling, queueForBilling } from './time-billing.js';
import { checkOverlap, entitlementColumns, type Override, overrideOf } from './time-entry-decide.js';
import { type Draft, draftColumns, draftOf, type WorkInput, workInputOf } from './time-entry-draft.js';

/** Who acts: technicians change their own entries; approvers (time:approve) anyone's. */
export type Caller = { userId: string; canApprove: boolean };

/** What an audit row says about an entry. */
const audited = (row: Omit<TimeEntryRow, 'invoiceId'>) => ({
  technicianId: row.technicianId,
  ticketId: row.ticketId,
  projectRef: row.projectRef,
  activity: row.activity,
  workType: row.workType,
  startedAt: row.startedAt.toISOString(),
  endedAt: row.endedAt.toISOString(),
  minutes: row.minutes,
  status: row.status,
  outcome: row.outcomeKind,
  rule: row.ruleCode,
  billable: row.billable,
  ...(row.billableOverride !== null
    ? { billableOverride: row.billableOverride, billableOverrideReason: row.billableOverrideReason }
    : {}),
});

function checkOwner(caller: Caller, technicianId: string) {
  if (technicianId !== caller.userId && !caller.canApprove)
    throw new AppError('FORBIDDEN', 'Only approvers (time:approve) change other technicians’ time.');
}

function checkUnlocked(row: TimeEntryRow, what: string) {
  if (row.invoiceId !== null)
    throw new AppError('CONFLICT', `Time entry ${row.id} is on an invoice: it can no longer be ${what}.`);
  if (row.status === 'approved')
    throw new AppError('CONFLICT', `Time entry ${row.id} is approved: it can no longer be ${what}.`);
}

const keptOverride = (row: TimeEntryRow): Override =>
  row.billableOverride === null
    ? null
    : { billable: row.billableOverride, reason: row.billableOverrideReason ?? '' };

export function createTimeService(db: Db, ports: TimePorts) {
  /** Writes a new entry: overlap, entitlement and billing decided in the same transaction. */
  async function insertEntry(tx: Tx, draft: Draft, note: string, override: (decided: boolean) => Override) {
    await checkOverlap(tx, draft, null);
    const columns = await entitlementColumns(tx, draft, null, override);
    const [row] = await tx
      .insert(timeEntries)
      .values({ ...draftColumns(draft), note, ...columns })
      .returning();
    await recordAudit(tx, {
      action: 'create',
      entityType: 'time_entry',
      entityId: row!.id,
      clientId: row!.clientId,
      changes: audited(row!),
    });
    return written(row!);
  }

  async function reviewMany(
    caller: Caller,
    ids: readonly string[],
    action: ReviewAction,
    now: Date,
    reason?: string,
  ) {
    const unique = [...new Set(ids)];
    return db.transaction(async (tx) => {
      const rows = await tx
        .select(entryColumns)
        .from(timeEntries)
        .where(inArray(timeEntries.id, unique))
        .orderBy(asc(timeEntries.id))
        .for('update', { of: timeEntries });
      const missing = unique.filter((id) => !rows.some((r) => r.id === id));
      if (missing.length)
        throw new AppError('NOT_FOUND', `No time entry ${missing.join(', ')}.`, [
          ...missing.map((id) => ({ field: `body.ids.${ids.indexOf(id)}`, message: 'is not a time entry' })),
        ]);
      if (action === 'submit') for (const r of rows) checkOwner(caller, r.technicianId);
      const refused: FieldError[] = [];
      for (const r of rows) {
        const result = review(r, action);
        if (!result.ok)
          refused.push({
            field: `body.ids.${ids.indexOf(r.id)}`,
            message: describeProblem(result.problem, action),
            code: result.problem.code,
          });
      }
      if (refused.length)
        throw new AppError(
          'CONFLICT',
          refused.length === 1
            ? refused[0]!.message
            : `${refused.length} of ${unique.length} entries cannot be ${action === 'submit' ? 'submitted' : `${action}d`}; none changed.`,
          refused,
        );
      const set =
        action === 'submit'
          ? { status: 'submitted' as const, submittedAt: now, rejectionReason: null }
          : action === 'approve'
            ? { status: 'approved' as const, reviewedBy: caller.userId, reviewedAt: now }
            : {
                status: 'rejected' as const,
                reviewedBy: caller.userId,
                reviewedAt: now,
                rejectionReason: reason ?? null,
              };
      const updated = (
        await tx
          .update(timeEntries)
          .set({ ...set, updatedAt: now })
          .where(inArray(timeEntries.id, unique))
          .returning()
      ).map(written);
      if (action === 'approve') await queueForBilling(tx, updated);
      const ctx = currentContext();
      await recordAuditOf(
        tx,
        updated.map((r) => ({
          ctx,
          entry: {
            action,
            entityType: 'time_entry',
            entityId: r.id,
            clientId: r.clientId,
            changes: {
              status: [rows.find((b) => b.id === r.id)!.status, r.status],
              ...(reason ? { reason } : {}),
            },
          },
        })),
      );
      const order = new Map(unique.map((id, i) => [id, i]));
      return updated.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(presentEntry);
    });
  }

  return {
    insertEntry,

    async create(caller: Caller, input: CreateTimeEntryInput) {
      const technicianId = input.technicianId ?? caller.userId;
      checkOwner(caller, technicianId);
      const draft = await draftOf(ports, workInputOf(technicianId, input));
      const row = await db.transaction((tx) =>
        insertEntry(tx, draft, input.note, (decided) =>
          overrideOf(input.billable, input.billableReason, null, decided),
        ),
      );
      return presentEntry(row);
    },

    async get(id: string) {
      return presentEntry(await findEntry(db, id));
    },

    async list(query: TimeEntryListQuery, caller: Caller) {
      const page = await listEntries(db, query, caller.userId);
      return { ...page, items: page.items.map(presentEntry) };
    },

    /** Any edit decides entitlement again, and a submitted or rejected entry goes back to draft. */
    async update(caller: Caller, id: string, patch: UpdateTimeEntryInput, now = new Date()) {
      const current = await findEntry(db, id);
      checkOwner(caller, current.technicianId);
      checkUnlocked(current, 'edited');
      const subjectChanged =
        patch.ticketId !== undefined || patch.projectRef !== undefined || patch.activity !== undefined;
      const subject = subjectChanged
        ? {
            ticketId: patch.ticketId ?? null,
            projectRef: patch.projectRef ?? null,
            activity: patch.activity ?? null,
            clientId:
              patch.clientId !== undefined ? patch.clientId : patch.ticketId ? null : current.clientId,
            category: patch.category ?? null,
          }
        : {
            ticketId: current.ticketId,
            projectRef: current.projectRef,
            activity: current.activity,
            // A ticket entry takes its client from the ticket, as it is now.
            clientId:
              patch.clientId !== undefined ? patch.clientId : current.ticketId ? null : current.clientId,
            category: patch.category !== undefined ? patch.category : current.category,
          };
      const start = patch.startedAt ? Date.parse(patch.startedAt) : current.startedAt.getTime();
      const input: WorkInput = {
        technicianId: current.technicianId,
        ...subject,
        workType: patch.workType ?? current.workType,
        agreementHint: patch.agreementId !== undefined ? patch.agreementId : current.agreementHint,
        start,
        end: patch.durationMinutes
          ? null
          : patch.endedAt
            ? Date.parse(patch.endedAt)
            : current.endedAt.getTime(),
        durationMinutes: patch.durationMinutes ?? null,
      };
      const draft = await draftOf(ports, input);
      const row = await db.transaction(async (tx) => {
        const before = await findEntry(tx, id, true);
        if (before.updatedAt.getTime() !== current.updatedAt.getTime())
          throw new AppError(
            'CONFLICT',
            `Time entry ${id} changed while this change was prepared: try again.`,
          );
        await checkOverlap(tx, draft, id);
        const columns = await entitlementColumns(tx, draft, id, (decided) =>
          overrideOf(patch.billable, patch.billableReason, keptOverride(before), decided),
        );
        const [after] = await tx
          .update(timeEntries)
          .set({
            ...draftColumns(draft),
            note: patch.note ?? before.note,
            status: statusAfterEdit(before.status),
            ...columns,
            updatedAt: now,
          })
          .where(inArray(timeEntries.id, [id]))
          .returning()
          .then((rows) => rows.map(written));
        await recordAudit(tx, {
          action: 'update',
          entityType: 'time_entry',
          entityId: id,
          clientId: after!.clientId,
          changes: diff(audited(before), audited(after!)),
        });
        return after!;
      });
      return presentEntry(row);
    },

    async remove(caller: Caller, id: string) {
      const current = await findEntry(db, id);
      checkOwner(caller, current.technicianId);
      await db.transaction(async (tx) => {
        const row = await findEntry(tx, id, true);
        checkUnlocked(row, 'deleted');
        await tx.delete(timeEntries).where(inArray(timeEntries.id, [id]));
        await recordAudit(tx, {
          action: 'delete',
          entityType: 'time_entry',
          entityId: id,
          clientId: row.clientId,
          changes: audited(row),
        });
      });
    },

    submit: (caller: Caller, ids: readonly string[], now = new Date()) =>
      reviewMany(caller, ids, 'submit', now),
    approve: (caller: Caller, ids: readonly string[], now = new Date()) =>
      reviewMany(caller, ids, 'approve', now),
    reject: (caller: Caller, ids: readonly string[], reason: string, now = new Date()) =>
      reviewMany(caller, ids, 'reject', now, reason),

    ...createTimeBilling(db),
  };
}

export type TimeService = ReturnType<typeof createTimeService>;
