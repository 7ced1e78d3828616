/**
 * What billing reads from and writes to time entries, always through these functions. An entry
 * reaches an invoice only approved, and only once: approval queues the work that bills or draws
 * (time_entry_invoices), and `attachToInvoice` claims queued entries whose invoice is still unset in
 * the caller's transaction, so two runs at once cannot both claim one entry (the second finds it
 * taken and fails, rolling its own invoice back).
 */
import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { EntitlementOutcome } from '../../domain/entitlement/types.js';
import { recordAudit, recordAuditOf } from '../../platform/audit/audit.js';
import { currentContext } from '../../platform/context.js';
import { rawRows } from '../../platform/db/recordset.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { presentEntry } from './time.presenters.js';
import { type TimeEntryRow, written } from './time.queries.js';
import { timeEntries, timeEntryInvoices } from './time.tables.js';

/**
 * An approved entry as billing prices it: the rates and minutes entitlement decided at save time
 * (its outcome, whole), and what a person's override made of them. The rest of the entry is not
 * read: a billing run reads hundreds of thousands of these, and every field costs the database.
 */
export type BillableEntry = {
  id: string;
  clientId: string;
  ticketId: string | null;
  projectRef: string | null;
  activity: string | null;
  workType: string;
  startedAt: Date;
  /** The client's calendar date of the start. */
  workDate: string;
  minutes: number;
  note: string;
  outcomeKind: EntitlementOutcome['kind'];
  /** Minor units per hour; null when nothing prices the entry's time. */
  rate: number | null;
  billable: boolean;
  /** True when a person overrode entitlement's decision (their reason is on the entry). */
  overridden: boolean;
  /** Minor units entitlement (or the override) priced, before billing's increments and minimums. */
  amount: number;
  entitlement: EntitlementOutcome;
};

/** The entry columns billing reads, in the order the JSON rows below carry them. */
const billableColumns = [
  timeEntries.id,
  timeEntries.clientId,
  timeEntries.ticketId,
  timeEntries.projectRef,
  timeEntries.activity,
  timeEntries.workType,
  timeEntries.startedAt,
  timeEntries.workDate,
  timeEntries.minutes,
  timeEntries.note,
  timeEntries.outcomeKind,
  timeEntries.rate,
  timeEntries.billable,
  timeEntries.billableOverride,
  timeEntries.amount,
  timeEntries.entitlement,
] as const;

// biome-ignore format: one JSON row, as billableColumns lists it
type JsonRow = [string, string, string | null, string | null, string | null, string, string, string, number,
  string, string, number | null, boolean, boolean | null, number, EntitlementOutcome];

const toBillable = (r: JsonRow): BillableEntry => ({
  id: r[0],
  clientId: r[1],
  ticketId: r[2],
  projectRef: r[3],
  activity: r[4],
  workType: r[5],
  startedAt: new Date(r[6]),
  workDate: r[7],
  minutes: r[8],
  note: r[9],
  outcomeKind: r[10] as EntitlementOutcome['kind'],
  rate: r[11],
  billable: r[12],
  overridden: r[13] !== null,
  amount: r[14],
  entitlement: r[15],
});

const byClientThenStart = (a: BillableEntry, b: BillableEntry) =>
  a.clientId < b.clientId
    ? -1
    : a.clientId > b.clientId
      ? 1
      : a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Approved entries that bill or draw join the work billing reads (time_entry_invoices), in the
 * approving transaction. The rest never reach an invoice.
 */
export async function queueForBilling(tx: DbOrTx, rows: readonly TimeEntryRow[]) {
  const queued = rows.filter(
    (r) => r.status === 'approved' && r.clientId && (r.billable || r.drawnMinutes > 0 || r.drawnAmount > 0),
  );
  if (!queued.length) return;
  await tx
    .insert(timeEntryInvoices)
    .values(queued.map((r) => ({ timeEntryId: r.id, clientId: r.clientId!, startedAt: r.startedAt })))
    .onConflictDoNothing();
}

const uuidList =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})*$/i;

/** A uuid[] literal: one parameter for any number of ids (checked, so nothing else gets in). */
function uuidArray(ids: readonly string[]) {
  const list = ids.join(',');
  if (ids.length && !uuidList.test(list)) {
    const bad = ids.find((id) => !uuidList.test(id));
    throw new AppError('VALIDATION_FAILED', `Not a time entry id: ${bad}.`);
  }
  return sql`${`{${list}}`}::uuid[]`;
}

/** Clients' work by start instant: [from, to). */
export type StartRange = { clientIds: readonly string[]; from: Date; to: Date };

/** Entries to put on one invoice of a client. */
export type Claim = { invoiceId: string; clientId: string; entryIds: readonly string[] };

export function createTimeBilling(db: Db) {
  return {
    /**
     * Approved entries of the clients that started in [from, to) and are on no invoice, by client
     * then oldest first: the billable ones only by default; `drawing: true` adds the approved work
     * that drew from a block or retainer without billing, which a billing run needs to carry
     * balances forward.
     */
    async listUninvoiced(range: StartRange, opts: { drawing?: boolean } = {}, tx: DbOrTx = db) {
      if (!range.clientIds.length) return [];
      // Rows come back as one JSON array: hundreds of thousands of entries in a run decode in
      // JSON.parse rather than field by field in the driver (four times the CPU).
      const row = sql.join(
        billableColumns.map((c) => sql`t.${sql.identifier(c.name)}`),
        sql`, `,
      );
      const [result] = await rawRows(
        tx,
        sql`
        select coalesce(json_agg(json_build_array(${row})), '[]')::text as rows
        from ${timeEntryInvoices} w join ${timeEntries} t on t.id = w.time_entry_id
        where w.client_id = any(${uuidArray(range.clientIds)}) and w.invoice_id is null
          and w.started_at >= ${range.from} and w.started_at < ${range.to}
          ${opts.drawing ? sql`` : sql`and t.billable`}`,
      );
      // Ordered here rather than by the aggregate, which sorts the wide rows it has built.
      return (JSON.parse(result!.rows as string) as JsonRow[]).map(toBillable).sort(byClientThenStart);
    },

    /**
     * Entries of a client that started in [from, to) and are not approved yet (draft, submitted or
     * rejected): what the pre-invoice leak report lists as pending approval. All clients when
     * `clientId` is absent.
     */
    async listPendingApproval(range: Omit<StartRange, 'clientIds'> & { clientId?: string }, tx: DbOrTx = db) {
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
      return rows.map((r) => presentEntry(written(r)));
    },

    /**
     * Puts entries on invoices, in the caller's transaction. Every entry must be its client's
     * approved work that bills or draws, on no invoice yet; otherwise nothing is claimed and CONFLICT
     * is thrown, which rolls back the caller's transaction with it.
     */
    async attachToInvoices(tx: DbOrTx, claims: readonly Claim[]): Promise<number> {
      const wanted = claims.flatMap((c) => [...new Set(c.entryIds)]);
      if (!wanted.length) return 0;
      // Each statement claims for clients that have one invoice in it: the waiting rows are then
      // read client by client through their index, rather than by hashing the whole table.
      const rounds: Claim[][] = [];
      for (const claim of claims) {
        const round = rounds.find((r) => !r.some((c) => c.clientId === claim.clientId));
        if (round) round.push(claim);
        else rounds.push([claim]);
      }
      const got = new Set<string>();
      for (const round of rounds) {
        const ids = round.flatMap((c) => [...new Set(c.entryIds)]);
        if (!ids.length) continue;
        // Named twice: to join on, and as a list the planner reads the waiting index with.
        const clients = uuidArray(round.map((c) => c.clientId));
        const claimed = await rawRows(
          tx,
          sql`update ${timeEntryInvoices} w set invoice_id = m.invoice_id
            from unnest(${clients}, ${uuidArray(round.map((c) => c.invoiceId))})
              as m(client_id, invoice_id)
            where w.client_id = m.client_id and w.client_id = any(${clients}) and w.invoice_id is null
              and w.time_entry_id = any(${uuidArray(ids)})
            returning w.time_entry_id as id`,
        );
        for (const c of claimed) got.add(String(c.id));
      }
      if (got.size !== wanted.length) {
        const taken = wanted.filter((id) => !got.has(id));
        throw new AppError(
          'CONFLICT',
          `${taken.length} time entries are not approved work of their client waiting to be billed: ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? ' …' : ''}.`,
        );
      }
      const ctx = currentContext();
      await recordAuditOf(
        tx,
        claims
          .filter((c) => c.entryIds.length)
          .map((c) => ({
            ctx,
            entry: {
              action: 'attach_time',
              entityType: 'invoice',
              entityId: c.invoiceId,
              clientId: c.clientId,
              changes: { timeEntryIds: [...new Set(c.entryIds)] },
            },
          })),
      );
      return wanted.length;
    },

    /** Takes every entry off an invoice (a draft invoice discarded), in the caller's transaction. */
    async detachFromInvoice(tx: DbOrTx, invoiceId: string): Promise<number> {
      const released = await tx
        .update(timeEntryInvoices)
        .set({ invoiceId: null })
        .where(eq(timeEntryInvoices.invoiceId, invoiceId))
        .returning({ id: timeEntryInvoices.timeEntryId, clientId: timeEntryInvoices.clientId });
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
