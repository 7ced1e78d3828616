/**
 * Bulk creation of time entries that are already known (a year of history, another system's time
 * sheets): each entry is checked and decided by the same rules as a single save (time-entry-draft.ts,
 * time-entry-decide.ts), but what the rules read is read once per batch, not once per entry, and the
 * rows and their audit records are written in a few statements. On the embedded store a single save
 * costs some twenty statements; a thousand of them is what made `keel seed --demo` slow.
 *
 * All or nothing: one bad entry, or one that overlaps another of the same technician (stored or in
 * the batch), and nothing is written; the error names every entry at fault by its index.
 *
 * Entries are decided in the order the work was done (start, then position in the batch), so blocks
 * of hours and retainers are drawn as they would have been had each been saved when it was done.
 * Imported entries are drafts, like saved ones: they reach approval and billing through the workflow.
 */
import { and, gt, inArray, lt } from 'drizzle-orm';
import { auditInsertOf, markAudited } from '../../platform/audit/audit.js';
import { currentContext } from '../../platform/context.js';
import { rawRows, recordsetInsertReturning } from '../../platform/db/recordset.js';
import type { Db, Tx } from '../../platform/db/store.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { TimePorts } from './time.ports.js';
import { presentEntry, type TimeEntry } from './time.presenters.js';
import { drawnInPeriods, lockKey, written } from './time.queries.js';
import { CreateTimeEntryBody, type CreateTimeEntryInput } from './time.schemas.js';
import type { Caller } from './time.service.js';
import { timeEntries } from './time.tables.js';
import { columnsOf, decideDraft, drawPeriods, overrideOf } from './time-entry-decide.js';
import { type Draft, draftColumns, draftOf, workInputOf } from './time-entry-draft.js';

/** An entry to import: what POST /api/v1/time-entries takes, always naming whose work it is. */
export type ImportedEntry = Omit<CreateTimeEntryInput, 'technicianId' | 'note'> & {
  technicianId: string;
  note?: string;
};

/** Rows per INSERT: bounds one statement's JSON parameter whatever the batch's size. */
const CHUNK = 500;

/**
 * The ports with each answer kept for the batch: a batch's entries share a few technicians,
 * clients, tickets and days, and nothing they read changes while it is prepared.
 */
function remembered(ports: TimePorts): TimePorts {
  const answers = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let answer = answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = read();
      answers.set(key, answer);
    }
    return answer;
  };
  return {
    ticket: (id) => once(`ticket|${id}`, () => ports.ticket(id)),
    client: (id) => once(`client|${id}`, () => ports.client(id)),
    isStaff: (id) => once(`staff|${id}`, () => ports.isStaff(id)),
    workTypes: () => once('work-types', () => ports.workTypes()),
    unknownCategories: (codes) =>
      once(`categories|${[...codes].sort().join(',')}`, () => ports.unknownCategories(codes)),
    decidingContext: (clientId, day) =>
      once(`deciding|${clientId}|${day}`, () => ports.decidingContext(clientId, day)),
  };
}

/** A single save's field errors (body.startedAt) as the batch's (entries.3.startedAt). */
const atEntry = (i: number, fields: readonly FieldError[]) =>
  fields.map((f) => ({ ...f, field: `entries.${i}.${f.field.replace(/^body\./, '')}` }));

/** Runs a check of entry i, turning its field errors into the batch's. */
function collect<T>(i: number, fields: FieldError[], check: () => T): T | null {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields?.length) throw err;
    fields.push(...atEntry(i, err.fields));
    return null;
  }
}

const refuse = (fields: FieldError[]) =>
  new AppError(
    'UNPROCESSABLE',
    `${new Set(fields.map((f) => f.field.split('.')[1])).size} of the entries cannot be imported; none was.`,
    fields,
  );

type Prepared = { index: number; draft: Draft; note: string; input: ImportedEntry };

/** Checks every entry against the other modules, before the transaction (see time-entry-draft.ts). */
async function prepare(ports: TimePorts, entries: readonly ImportedEntry[]): Promise<Prepared[]> {
  const fields: FieldError[] = [];
  const prepared: Prepared[] = [];
  for (const [index, entry] of entries.entries()) {
    const parsed = CreateTimeEntryBody.safeParse(entry);
    if (!parsed.success) {
      fields.push(
        ...parsed.error.issues.map((issue) => ({
          field: ['entries', index, ...issue.path].join('.'),
          message: issue.message,
        })),
      );
      continue;
    }
    const input = parsed.data;
    try {
      const draft = await draftOf(ports, workInputOf(entry.technicianId, input));
      prepared.push({ index, draft, note: input.note, input: entry });
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields?.length) throw err;
      fields.push(...atEntry(index, err.fields));
    }
  }
  if (fields.length) throw refuse(fields);
  return prepared;
}

/**
 * Refuses entries that overlap a stored entry of the same technician, or one another: a person
 * works on one thing at a time. Read under the technicians' locks, as a single save reads.
 */
async function checkOverlaps(tx: Tx, batch: readonly Prepared[]) {
  const technicians = [...new Set(batch.map((p) => p.draft.technicianId))];
  const from = Math.min(...batch.map((p) => p.draft.span.start));
  const to = Math.max(...batch.map((p) => p.draft.span.end));
  const stored = await tx
    .select({
      id: timeEntries.id,
      technicianId: timeEntries.technicianId,
      startedAt: timeEntries.startedAt,
      endedAt: timeEntries.endedAt,
    })
    .from(timeEntries)
    .where(
      and(
        inArray(timeEntries.technicianId, technicians),
        lt(timeEntries.startedAt, new Date(to)),
        gt(timeEntries.endedAt, new Date(from)),
      ),
    );
  type Span = { technicianId: string; start: number; end: number; index: number | null; id: string | null };
  const spans: Span[] = [
    ...stored.map((s) => ({
      technicianId: s.technicianId,
      start: s.startedAt.getTime(),
      end: s.endedAt.getTime(),
      index: null,
      id: s.id,
    })),
    ...batch.map((p) => ({
      technicianId: p.draft.technicianId,
      start: p.draft.span.start,
      end: p.draft.span.end,
      index: p.index,
      id: null,
    })),
  ].sort((a, b) => a.technicianId.localeCompare(b.technicianId) || a.start - b.start);
  const fields: FieldError[] = [];
  const describe = (s: Span) =>
    s.id === null
      ? `entry ${s.index} of the import`
      : `entry ${s.id} (${new Date(s.start).toISOString()} – ${new Date(s.end).toISOString()})`;
  // Sorted by start, a span overlaps an earlier one exactly when it starts before the latest end so far.
  let reach: Span | null = null;
  for (const s of spans) {
    if (reach && reach.technicianId === s.technicianId && s.start < reach.end) {
      const [mine, other] = s.index !== null ? [s, reach] : [reach, s];
      if (mine.index !== null)
        fields.push({
          field: `entries.${mine.index}.startedAt`,
          message: `overlaps ${describe(other)} of the same technician`,
        });
    }
    if (!reach || reach.technicianId !== s.technicianId || s.end > reach.end) reach = s;
  }
  if (fields.length)
    throw new AppError(
      'CONFLICT',
      `${new Set(fields.map((f) => f.field)).size} of the entries overlap other work of the same technician; none was imported.`,
      fields,
    );
}

/** Entries decided so far in the batch, by agreement: what they drew, by work date. */
type BatchDraws = Map<string, { workDate: string; minutes: number; amount: number }[]>;

/**
 * Decides each entry in the order the work was done, its blocks and retainers drawn by the stored
 * entries of their period (read once per period) and by the batch's earlier entries.
 */
async function decideAll(tx: Tx, batch: readonly Prepared[]) {
  const stored = new Map<string, { minutes: number; amount: number }>();
  const periodKey = (p: { agreementId: string; from: string; to: string }) =>
    `${p.agreementId}|${p.from}|${p.to}`;
  for (const prepared of batch)
    for (const period of drawPeriods(prepared.draft)) {
      const key = periodKey(period);
      if (stored.has(key)) continue;
      const drawn = await drawnInPeriods(tx, [period], null);
      stored.set(key, {
        minutes: drawn.blockMinutes[period.agreementId] ?? 0,
        amount: drawn.retainerAmount[period.agreementId] ?? 0,
      });
    }

  const draws: BatchDraws = new Map();
  const fields: FieldError[] = [];
  const columns = new Map<number, ReturnType<typeof columnsOf>>();
  const chronological = [...batch].sort(
    (a, b) => a.draft.span.start - b.draft.span.start || a.index - b.index,
  );
  for (const p of chronological) {
    const drawn = {
      blockMinutes: {} as Record<string, number>,
      retainerAmount: {} as Record<string, number>,
    };
    for (const period of drawPeriods(p.draft)) {
      const before = stored.get(periodKey(period))!;
      const earlier = (draws.get(period.agreementId) ?? []).filter(
        (d) => d.workDate >= period.from && d.workDate <= period.to,
      );
      drawn.blockMinutes[period.agreementId] = before.minutes + earlier.reduce((s, d) => s + d.minutes, 0);
      drawn.retainerAmount[period.agreementId] = before.amount + earlier.reduce((s, d) => s + d.amount, 0);
    }
    const decided = collect(p.index, fields, () =>
      columnsOf(p.draft, decideDraft(p.draft, drawn), (billable) =>
        overrideOf(p.input.billable, p.input.billableReason, null, billable),
      ),
    );
    if (!decided) continue;
    columns.set(p.index, decided);
    if (decided.agreementId && (decided.drawnMinutes || decided.drawnAmount)) {
      const list = draws.get(decided.agreementId) ?? [];
      list.push({ workDate: p.draft.workDate, minutes: decided.drawnMinutes, amount: decided.drawnAmount });
      draws.set(decided.agreementId, list);
    }
  }
  if (fields.length) throw refuse(fields);
  return columns;
}

export function createTimeImport(db: Db, ports: TimePorts) {
  return {
    /**
     * Creates the entries as drafts, all or none, and returns them in the order given. Importing
     * writes other people's time sheets: it takes an approver (time:approve).
     */
    async createMany(caller: Caller, entries: readonly ImportedEntry[]): Promise<TimeEntry[]> {
      if (!caller.canApprove)
        throw new AppError('FORBIDDEN', 'Only approvers (time:approve) import time entries.');
      if (!entries.length) return [];
      const batch = await prepare(remembered(ports), entries);
      return db.transaction(async (tx) => {
        // Every technician's lock, then every drawing client's, each in one order: two imports, or
        // an import and a single save (technician, then client), never wait on each other in a cycle.
        const technicians = [...new Set(batch.map((p) => p.draft.technicianId))].sort();
        for (const id of technicians) await lockKey(tx, `time:technician:${id}`);
        await checkOverlaps(tx, batch);
        const drawing = [
          ...new Set(batch.filter((p) => drawPeriods(p.draft).length).map((p) => p.draft.clientId!)),
        ].sort();
        for (const id of drawing) await lockKey(tx, `time:draws:${id}`);
        const columns = await decideAll(tx, batch);

        const values = batch.map(({ index, draft, note }) => ({
          ...draftColumns(draft),
          note,
          ...columns.get(index)!,
        }));
        const created: TimeEntry[] = [];
        for (let i = 0; i < values.length; i += CHUNK) {
          const insert = recordsetInsertReturning(timeEntries, values.slice(i, i + CHUNK), 'id');
          const chunk = insert.rows(await rawRows(tx, insert.query)).map((row) => presentEntry(written(row)));
          const ctx = currentContext();
          const audits = chunk.map((entry) => ({
            ctx,
            entry: {
              action: 'import',
              entityType: 'time_entry',
              entityId: entry.id,
              clientId: entry.clientId,
              changes: entry,
            },
          }));
          await tx.execute(auditInsertOf(audits));
          markAudited(audits);
          created.push(...chunk);
        }
        return created;
      });
    },
  };
}

export type TimeImport = ReturnType<typeof createTimeImport>;
