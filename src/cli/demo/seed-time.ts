/**
 * `keel seed --demo`, the time sheets: the year of work ./work.ts plans, imported through the time
 * module's bulk path at its real past instants (so entitlement decides each entry's coverage, block
 * draw-down and rate against the agreements in force that day, in the order the work was done), then
 * submitted, approved and rejected through the service's workflow at the times the weekly routine
 * gives them.
 *
 * Idempotent, and a run cut off is completed: an entry is found by its technician and start; one
 * found behind its planned status (created but never submitted, submitted but not yet approved) is
 * moved on. Planned work that overlaps someone's other stored entry is left out, never forced in.
 */
import type { Keel } from '../../app.js';
import type { TimeEntry } from '../../modules/time/index.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { DemoClientRef } from './seed-agreements.js';
import { DEMO_TICKET_TAG } from './tickets.js';
import { demoStaff } from './users.js';
import { type EntryStatus, type PlannedEntry, planWork, type WorkTicket, workMonths } from './work.js';

const DAY = 86_400_000;
/** The most ids one review call takes (the API's limit). */
const BATCH = 500;
/** Entries per import call. */
const IMPORT_SLICE = 500;

export type TimeTally = {
  entries: number;
  submitted: number;
  approved: number;
  rejected: number;
  /** Planned work left out because it overlaps another stored entry of the same person. */
  skipped: number;
};

type Caller = { userId: string; canApprove: boolean };

/** Every demo ticket of the live demo clients, with what its time entry needs. */
async function workTickets(keel: Keel, refs: readonly DemoClientRef[], staff: Map<string, string>) {
  const names = new Map(refs.map((r) => [r.id, r.spec.name]));
  const emails = new Map([...staff].map(([email, id]) => [id, email]));
  const out: WorkTicket[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await keel.tickets.service.list(
      staffScope,
      { limit: 200, cursor, include_resolved: true },
      null,
    );
    for (const t of res.items) {
      const client = t.clientId ? names.get(t.clientId) : undefined;
      if (!client || !t.tags.includes(DEMO_TICKET_TAG)) continue;
      out.push({
        id: t.id,
        client,
        assignee: t.assigneeId ? (emails.get(t.assigneeId) ?? null) : null,
        source: t.source,
        subject: t.subject,
        createdAt: Date.parse(t.createdAt),
        resolvedAt: t.resolvedAt ? Date.parse(t.resolvedAt) : null,
      });
    }
    if (!res.nextCursor) return out;
    cursor = res.nextCursor;
  }
  throw new Error('Too many tickets to list.');
}

/** The demo staff who exist, by email. */
async function staffIds(keel: Keel): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const u of demoStaff) {
    const user = await keel.identity.service.findUserByEmail(u.email);
    if (user) ids.set(u.email, user.id);
  }
  return ids;
}

/** Every stored entry of these people that started on or after `from`. */
async function storedEntries(keel: Keel, people: readonly string[], from: number): Promise<TimeEntry[]> {
  const caller: Caller = { userId: people[0]!, canApprove: true };
  const out: TimeEntry[] = [];
  for (const technician of people) {
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= 10_000) throw new Error('Too many time entries to list.');
      const res = await keel.time.service.list(
        { technician, from: new Date(from).toISOString(), limit: 200, cursor },
        caller,
      );
      out.push(...res.items);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
  }
  return out;
}

const keyOf = (technicianId: string, start: number) => `${technicianId}|${start}`;

/** Where the plan stands against what is stored. */
type Reading = {
  plan: PlannedEntry[];
  staff: Map<string, string>;
  clients: Map<string, string>;
  /** Planned entries still to write. */
  missing: PlannedEntry[];
  /** Stored entries of the plan, by planned entry. */
  found: Map<PlannedEntry, TimeEntry>;
  skipped: number;
};

async function read(keel: Keel, refs: readonly DemoClientRef[], now: Date): Promise<Reading | null> {
  const staff = await staffIds(keel);
  if (staff.size < demoStaff.length) return null;
  const tickets = await workTickets(keel, refs, staff);
  const plan = planWork({ now: now.getTime(), clients: refs.map((r) => r.spec), tickets });
  const from = Date.parse(`${workMonths(now.getTime())[0]}-01T00:00:00Z`) - DAY;
  const stored = await storedEntries(keel, [...staff.values()], from);
  const byKey = new Map(stored.map((e) => [keyOf(e.technicianId, Date.parse(e.startedAt)), e]));
  // What else each person has on each day: planned work never overlaps it.
  const byDay = new Map<string, TimeEntry[]>();
  for (const e of stored) {
    const key = `${e.technicianId}|${Math.floor(Date.parse(e.startedAt) / DAY)}`;
    byDay.set(key, [...(byDay.get(key) ?? []), e]);
  }
  const overlaps = (technicianId: string, start: number, end: number) => {
    const day = Math.floor(start / DAY);
    for (let d = day - 1; d <= day + 1; d++)
      for (const e of byDay.get(`${technicianId}|${d}`) ?? [])
        if (Date.parse(e.startedAt) < end && Date.parse(e.endedAt) > start) return true;
    return false;
  };
  const found = new Map<PlannedEntry, TimeEntry>();
  const missing: PlannedEntry[] = [];
  let skipped = 0;
  for (const p of plan) {
    const technicianId = staff.get(p.technician)!;
    const have = byKey.get(keyOf(technicianId, p.start));
    if (have) found.set(p, have);
    else if (overlaps(technicianId, p.start, p.end)) skipped++;
    else missing.push(p);
  }
  const clients = new Map(refs.map((r) => [r.spec.name, r.id]));
  return { plan, staff, clients, missing, found, skipped };
}

/**
 * The review steps a stored entry still needs to reach its planned status. Approved and rejected
 * entries are where a person's review left them.
 */
function stepsFor(planned: PlannedEntry, current: EntryStatus) {
  if (current === 'approved' || current === 'rejected' || planned.status === 'draft')
    return { submit: false, review: false };
  return { submit: current === 'draft', review: planned.status !== 'submitted' };
}

/** Whether any planned entry is missing, or behind its planned status. */
export async function timePending(
  keel: Keel,
  refs: readonly DemoClientRef[],
  now = new Date(),
): Promise<boolean> {
  const r = await read(keel, refs, now);
  if (!r) return false;
  if (r.missing.length) return true;
  for (const [p, e] of r.found) {
    const s = stepsFor(p, e.status);
    if (s.submit || s.review) return true;
  }
  return false;
}

/** Runs `call` on the ids grouped by `key`, at most BATCH at a time, in key order. */
async function inGroups<K extends string | number>(
  items: readonly { id: string; key: K }[],
  call: (key: K, ids: string[]) => Promise<unknown>,
) {
  const groups = new Map<K, string[]>();
  for (const { id, key } of items) groups.set(key, [...(groups.get(key) ?? []), id]);
  for (const key of [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ids = groups.get(key)!;
    for (let i = 0; i < ids.length; i += BATCH) await call(key, ids.slice(i, i + BATCH));
  }
}

/**
 * Writes the planned entries that are missing, oldest first (so a block's hours are drawn in the
 * order the work was done), then moves every entry on to its planned status.
 */
export async function seedTime(
  keel: Keel,
  refs: readonly DemoClientRef[],
  log: (line: string) => void,
  now = new Date(),
): Promise<TimeTally> {
  const tally: TimeTally = { entries: 0, submitted: 0, approved: 0, rejected: 0, skipped: 0 };
  const r = await read(keel, refs, now);
  if (!r) return tally;
  tally.skipped = r.skipped;
  const service = keel.time.service;
  const status = new Map<PlannedEntry, { id: string; status: EntryStatus }>(
    [...r.found].map(([p, e]) => [p, { id: e.id, status: e.status }]),
  );
  const managerId = r.staff.get(demoStaff.find((u) => u.role === 'manager')!.email)!;
  const approver: Caller = { userId: managerId, canApprove: true };
  if (r.missing.length)
    log(`Time: ${r.missing.length} entries to write over ${workMonths(now.getTime()).length} months…`);
  // In slices, so a long import shows progress and an interrupted one keeps what it wrote.
  for (let i = 0; i < r.missing.length; i += IMPORT_SLICE) {
    const slice = r.missing.slice(i, i + IMPORT_SLICE);
    const entries = await keel.time.imports.createMany(
      approver,
      slice.map((p) => ({
        technicianId: r.staff.get(p.technician)!,
        ...(p.ticketId
          ? { ticketId: p.ticketId }
          : {
              activity: p.activity,
              clientId: p.client ? r.clients.get(p.client)! : null,
              category: p.category,
            }),
        workType: p.workType,
        startedAt: new Date(p.start).toISOString(),
        endedAt: new Date(p.end).toISOString(),
        note: p.note,
        ...(p.override ? { billable: p.override.billable, billableReason: p.override.reason } : {}),
      })),
    );
    for (const [j, entry] of entries.entries()) status.set(slice[j]!, { id: entry.id, status: 'draft' });
    tally.entries += entries.length;
    if (tally.entries < r.missing.length)
      log(`Time: ${tally.entries} of ${r.missing.length} entries written…`);
  }

  const submit: { id: string; key: string }[] = [];
  const approve: { id: string; key: number }[] = [];
  const reject: { id: string; key: string }[] = [];
  for (const [p, e] of status) {
    const steps = stepsFor(p, e.status);
    if (steps.submit)
      submit.push({ id: e.id, key: `${String(p.submittedAt).padStart(15, '0')}|${p.technician}` });
    if (steps.review && p.status === 'approved') approve.push({ id: e.id, key: p.reviewedAt! });
    if (steps.review && p.status === 'rejected')
      reject.push({ id: e.id, key: `${String(p.reviewedAt).padStart(15, '0')}|${p.rejection}` });
  }
  await inGroups(submit, async (key, ids) => {
    const [at, email] = key.split('|') as [string, string];
    await service.submit({ userId: r.staff.get(email)!, canApprove: false }, ids, new Date(Number(at)));
    tally.submitted += ids.length;
  });
  await inGroups(approve, async (at, ids) => {
    await service.approve(approver, ids, new Date(at));
    tally.approved += ids.length;
  });
  await inGroups(reject, async (key, ids) => {
    const [at, reason] = [key.slice(0, 15), key.slice(16)];
    await service.reject(approver, ids, reason, new Date(Number(at)));
    tally.rejected += ids.length;
  });
  return tally;
}

export type TimeCounts = {
  total: number;
  from: string;
  byStatus: Record<EntryStatus, number>;
  /** Entries by what entitlement decided: covered, block, retainer, out_of_scope, time_materials, internal. */
  byOutcome: Record<string, number>;
  billable: number;
  billableMinutes: number;
  afterHours: number;
};

/** The demo staff's time entries of the year, as the time sheet and approval queue show them. */
export async function timeCounts(keel: Keel, now = new Date()): Promise<TimeCounts> {
  const staff = await staffIds(keel);
  const from = `${workMonths(now.getTime())[0]}-01`;
  const entries = staff.size
    ? await storedEntries(keel, [...staff.values()], Date.parse(`${from}T00:00:00Z`))
    : [];
  const byStatus: Record<EntryStatus, number> = { draft: 0, submitted: 0, approved: 0, rejected: 0 };
  const byOutcome: Record<string, number> = {};
  for (const e of entries) {
    byStatus[e.status]++;
    byOutcome[e.entitlement.kind] = (byOutcome[e.entitlement.kind] ?? 0) + 1;
  }
  const billable = entries.filter((e) => e.billable);
  return {
    total: entries.length,
    from,
    byStatus,
    byOutcome,
    billable: billable.length,
    billableMinutes: billable.reduce((s, e) => s + e.minutes, 0),
    afterHours: entries.filter((e) => e.entitlement.afterHours).length,
  };
}
