/**
 * The demo MSP's time sheets: a year of time entries (the 12 full months before the current one and
 * the current month so far) by its technicians and service manager, on the demo clients' tickets and
 * on general activities (./work-templates.ts), each at a real past instant in the client's own
 * office hours (evenings and Saturdays for after-hours work), never two at once for one person.
 *
 * Data and planning only, and deterministic: each client's month comes from a generator seeded by
 * its name and the month, a ticket's entry from the ticket itself. ./seed-time.ts writes the plan
 * through the time service, so entitlement decides every entry's coverage as it does for real.
 *
 * Approval follows the weekly routine: technicians submit a week on the Monday after (before the
 * month's billing run when a month ends first), the service manager approves it that morning. The
 * last two weeks are still in the queue (submitted, a few rejected) and this week's are drafts.
 */
import { addPeriods, periodOf, periodStart } from '../../domain/billing/index.js';
import { formatDay, localDayOf, parseDay, weekdayOf } from '../../domain/calendar/zone.js';
import type { AgreementKind } from './agreements.js';
import type { DemoClientSpec } from './clients.js';
import { atLocal } from './local-time.js';
import { type Rng, seededRng } from './random.js';
import { initialsOf } from './tickets.js';
import { demoMsp, demoStaff } from './users.js';
import {
  goodwill,
  internalTemplates,
  rejectionReasons,
  reviewTemplate,
  type WorkAudience,
  type WorkSlot,
  type WorkTemplate,
  type WorkVars,
  workTemplates,
} from './work-templates.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** A technician's breather between two pieces of work. */
const GAP = 10 * MINUTE;

/** Full months of history before the current one. */
export const WORK_MONTHS = 12;

export type EntryStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

/** A demo ticket as stored: what its time entry needs. */
export type WorkTicket = {
  id: string;
  /** The client's name. */
  client: string;
  /** The assignee's email; null: unassigned (nobody logged time). */
  assignee: string | null;
  source: string;
  subject: string;
  createdAt: number;
  resolvedAt: number | null;
};

export type PlannedEntry = {
  /** Staff email. */
  technician: string;
  /** Client name; null: the MSP's own work. */
  client: string | null;
  ticketId: string | null;
  activity: string | null;
  /** Service category of activity work; ticket work takes the ticket's. */
  category: string | null;
  workType: string;
  /** Epoch ms; whole minutes. */
  start: number;
  end: number;
  note: string;
  /** A person's override of entitlement's decision, with the reason. */
  override: { billable: boolean; reason: string } | null;
  status: EntryStatus;
  /** When the technician submitted it and the manager reviewed it (null while not yet). */
  submittedAt: number | null;
  reviewedAt: number | null;
  rejection: string | null;
};

const technicians = demoStaff.filter((u) => u.role === 'technician').map((u) => u.email);
const manager = demoStaff.find((u) => u.role === 'manager')!.email;

/** The MSP's calendar month of an instant, 'YYYY-MM'. */
export const mspMonthOf = (at: number) =>
  formatDay(localDayOf(demoMsp.timeZone, Math.floor(at / MINUTE))).slice(0, 7);

/** The months of history: the 12 full months before the current one, then the current one. */
export function workMonths(now: number): string[] {
  const current = mspMonthOf(now);
  return Array.from({ length: WORK_MONTHS + 1 }, (_, i) => addPeriods(current, i - WORK_MONTHS));
}

const roundTo5 = (minutes: number) => Math.max(5, Math.round(minutes / 5) * 5);
const dayOf = (date: string) => parseDay(date)!;

/** The client's work: who it is for, from when to when, and who usually does it. */
type ClientWork = {
  spec: DemoClientSpec;
  audiences: Set<WorkAudience>;
  pool: WorkTemplate[];
  from: string;
  until: string | null;
  primary: string;
  other: string;
};

const audienceOf: Partial<Record<AgreementKind, WorkAudience>> = {
  'managed-services': 'managed',
  'time-and-materials': 'break-fix',
  'block-hours': 'block',
  retainer: 'retainer',
  'licence-resale': 'licences',
};

function clientWork(spec: DemoClientSpec): ClientWork | null {
  if (spec.kind === 'prospect' || spec.status !== 'active') return null;
  const signed = spec.intendedAgreements.filter((a) => a.status === 'active');
  if (!signed.length) return null;
  const audiences = new Set<WorkAudience>();
  for (const a of signed) {
    const audience = audienceOf[a.kind];
    if (audience) audiences.add(audience);
    if (a.kind === 'subscription' && a.services.some((s) => s === 'backup' || s === 'm365-backup'))
      audiences.add('backup');
  }
  const pool = workTemplates.filter((t) => t.for.some((a) => audiences.has(a)));
  if (!pool.length) return null;
  const from = signed.map((a) => a.startsOn).sort()[0]!;
  const until = signed.every((a) => a.ending)
    ? signed
        .map((a) => a.ending!.on)
        .sort()
        .at(-1)!
    : null;
  // Tom looks after the European clients, Priya after the ones across the Atlantic.
  const european = spec.timeZone.startsWith('Europe/');
  return {
    spec,
    audiences,
    pool,
    from,
    until,
    primary: technicians[european ? 0 : 1]!,
    other: technicians[european ? 1 : 0]!,
  };
}

/** Pieces of work a month: contract clients call most, licence buyers hardly ever. */
function monthlyCount(rng: Rng, w: ClientWork, month: string): number {
  const { spec, audiences } = w;
  const some = () => (rng.next() < 0.35 ? 1 : 0);
  switch (spec.kind) {
    case 'contract':
      return Math.min(8, Math.max(3, Math.round(spec.profile.users / 15) + 3)) + rng.int(-1, 1);
    case 'single-service':
      return rng.int(1, 3);
    case 'hybrid':
      return rng.int(3, 6);
    case 'break-fix':
      // Ten prepaid hours a month: enough most months, not at quarter end, when overage is billed.
      if (audiences.has('block')) return Number(month.slice(5)) % 3 === 0 ? rng.int(13, 15) : rng.int(7, 10);
      return rng.int(1, 4);
    case 'reseller':
      return audiences.has('retainer') ? rng.int(5, 8) + some() : some();
    default:
      return some();
  }
}

function pickWeighted(rng: Rng, pool: readonly WorkTemplate[]): WorkTemplate {
  const total = pool.reduce((s, t) => s + t.weight, 0);
  let roll = rng.next() * total;
  for (const t of pool) {
    roll -= t.weight;
    if (roll < 0) return t;
  }
  return pool.at(-1)!;
}

/** The days of a month a slot falls on: weekdays, or Saturdays. */
function daysFor(month: string, slot: WorkSlot): number[] {
  const first = dayOf(periodStart(month));
  const out: number[] = [];
  for (let d = first; formatDay(d).startsWith(month); d++) {
    const weekday = weekdayOf(d);
    if (slot === 'weekend' ? weekday === 6 : weekday >= 1 && weekday <= 5) out.push(d);
  }
  return out;
}

/** Local start window [from, latest end] of a slot, minutes of the day. */
const slotHours: Record<WorkSlot, { from: [number, number]; end: number }> = {
  business: { from: [8 * 60 + 30, 15 * 60 + 30], end: 17 * 60 + 30 },
  evening: { from: [19 * 60, 21 * 60], end: 23 * 60 + 30 },
  weekend: { from: [9 * 60, 12 * 60], end: 16 * 60 },
};

function varsOf(rng: Rng, spec: DemoClientSpec): WorkVars {
  const ini = initialsOf(spec.name);
  const [a, b] = rng.sample(spec.contacts, 2);
  const first = (a ?? spec.contacts[0]!).name.split(' ')[0]!;
  const last = (b ?? spec.contacts[0]!).name.split(' ').slice(1).join(' ');
  return {
    site: rng.pick(spec.sites).name,
    server: `${ini}-${rng.pick(['FS01', 'DC01', 'APP01', 'SQL01', 'HV01'])}`,
    device: `${ini}-LT-${String(rng.int(1, 60)).padStart(3, '0')}`,
    employee: `${first} ${last}`.trim(),
  };
}

/** One piece of work before it has its place in someone's day. */
type Task = {
  /** Tickets are placed first: their time is fixed by the ticket. */
  rank: number;
  technician: string;
  alternate: string | null;
  client: string | null;
  ticketId: string | null;
  activity: string | null;
  category: string | null;
  workType: string;
  preferred: number;
  latest: number;
  minutes: number;
  note: string;
  override: PlannedEntry['override'];
};

function activityTask(
  rng: Rng,
  w: ClientWork,
  month: string,
  t: WorkTemplate,
  skipFrom: string | null,
): Task | null {
  const slot = slotHours[t.slot];
  const day = rng.pick(daysFor(month, t.slot));
  const minutes = roundTo5(rng.int(t.minutes[0], t.minutes[1]));
  const at = roundTo5(rng.int(slot.from[0], slot.from[1]));
  const vars = varsOf(rng, w.spec);
  const goodwillVisit = w.audiences.has('break-fix') && t.workType === 'onsite' && rng.next() < 0.08;
  const date = formatDay(day);
  if (date < w.from || (w.until !== null && date > w.until)) return null;
  if (t.ticketed && skipFrom !== null && date >= skipFrom) return null;
  const zone = w.spec.timeZone;
  return {
    rank: 1,
    technician: w.primary,
    alternate: w.other,
    client: w.spec.name,
    ticketId: null,
    activity: t.activity(vars),
    category: t.category,
    workType: t.workType,
    preferred: atLocal(zone, day, at),
    latest: atLocal(zone, day, slot.end - minutes),
    minutes,
    note: t.note(vars),
    override: goodwillVisit ? goodwill : null,
  };
}

function clientTasks(w: ClientWork, months: readonly string[], skipFrom: string | null): Task[] {
  const tasks: Task[] = [];
  for (const month of months) {
    const rng = seededRng(`work|${w.spec.name}|${month}`);
    const count = monthlyCount(rng, w, month);
    for (let i = 0; i < count; i++) {
      const task = activityTask(rng, w, month, pickWeighted(rng, w.pool), skipFrom);
      if (task) tasks.push(task);
    }
    // The service manager's quarterly review with each contract client, in the quarter's first month.
    if (w.spec.kind === 'contract' && Number(month.slice(5)) % 3 === 1) {
      const r = seededRng(`review|${w.spec.name}|${month}`);
      const day = r.pick(daysFor(month, 'business'));
      const minutes = roundTo5(r.int(reviewTemplate.minutes[0], reviewTemplate.minutes[1]));
      const at = roundTo5(r.int(9 * 60 + 30, 15 * 60));
      if (formatDay(day) >= w.from)
        tasks.push({
          rank: 1,
          technician: manager,
          alternate: null,
          client: w.spec.name,
          ticketId: null,
          activity: reviewTemplate.activity,
          category: reviewTemplate.category,
          workType: reviewTemplate.workType,
          preferred: atLocal(w.spec.timeZone, day, at),
          latest: atLocal(w.spec.timeZone, day, 17 * 60 - minutes),
          minutes,
          note: reviewTemplate.note,
          override: reviewTemplate.override,
        });
    }
  }
  return tasks;
}

function internalTasks(months: readonly string[]): Task[] {
  const tasks: Task[] = [];
  for (const technician of technicians) {
    for (const month of months) {
      const rng = seededRng(`internal|${technician}|${month}`);
      // Two of the internal kinds of work a month each.
      for (const t of rng.sample(internalTemplates, 2)) {
        const day = rng.pick(daysFor(month, 'business'));
        const minutes = roundTo5(rng.int(t.minutes[0], t.minutes[1]));
        const at = roundTo5(rng.int(9 * 60, 15 * 60));
        tasks.push({
          rank: 1,
          technician,
          alternate: null,
          client: null,
          ticketId: null,
          activity: t.activity,
          category: null,
          workType: 'internal',
          preferred: atLocal(demoMsp.timeZone, day, at),
          latest: atLocal(demoMsp.timeZone, day, 17 * 60 + 30 - minutes),
          minutes,
          note: t.note,
          override: null,
        });
      }
    }
  }
  return tasks;
}

const ticketNotes = [
  'Remote session with the user: found the cause and fixed it; details in the ticket.',
  'Diagnosed remotely, applied the fix and confirmed with the user.',
  'Checked the logs, applied the fix and tested it; see the ticket notes.',
];

/** The assignee's work on a ticket, soon after it came in and done before it was resolved. */
function ticketTask(t: WorkTicket, now: number): Task | null {
  if (!t.assignee) return null;
  const rng = seededRng(`ticket-work|${t.id}`);
  const onsite = t.source !== 'alert' && rng.next() < 0.12;
  let minutes = roundTo5(onsite ? rng.int(60, 150) : rng.int(15, t.source === 'alert' ? 45 : 75));
  const done = Math.min(t.resolvedAt ?? now, now - 5 * MINUTE);
  // Picked up a few minutes after it came in; at once when it was resolved within minutes.
  const delay = rng.int(3, 40) * MINUTE;
  const soon = Math.ceil((t.createdAt + MINUTE) / MINUTE) * MINUTE;
  const preferred = soon + delay + 5 * MINUTE <= done ? soon + delay : soon;
  // Resolved sooner than the usual effort: the entry is what fitted.
  if (preferred + minutes * MINUTE > done) minutes = Math.floor((done - preferred) / MINUTE);
  if (minutes < 5) return null;
  return {
    rank: 0,
    technician: t.assignee,
    alternate: null,
    client: t.client,
    ticketId: t.id,
    activity: null,
    category: null,
    workType: onsite ? 'onsite' : 'remote',
    preferred,
    latest: done - minutes * MINUTE,
    minutes,
    note: onsite ? `On site for: ${t.subject}` : rng.pick(ticketNotes),
    override: null,
  };
}

/** Who is busy when: each person's placed work, by UTC day. */
class Timeline {
  private readonly busy = new Map<string, [number, number][]>();

  private slots(who: string, day: number) {
    const key = `${who}|${day}`;
    let list = this.busy.get(key);
    if (!list) {
      list = [];
      this.busy.set(key, list);
    }
    return list;
  }

  private conflict(who: string, start: number, end: number): [number, number] | null {
    const first = Math.floor((start - GAP) / DAY);
    const last = Math.floor((end + GAP) / DAY);
    for (let d = first - 1; d <= last; d++)
      for (const [s, e] of this.slots(who, d)) if (s < end + GAP && e + GAP > start) return [s, e];
    return null;
  }

  /** The earliest start from `preferred` on, no later than `latest`, at which `who` is free. */
  fit(who: string, preferred: number, minutes: number, latest: number): number | null {
    let start = preferred;
    for (let tries = 0; tries < 40 && start <= latest; tries++) {
      const hit = this.conflict(who, start, start + minutes * MINUTE);
      if (!hit) return start;
      start = Math.ceil((hit[1] + GAP) / (5 * MINUTE)) * 5 * MINUTE;
    }
    return null;
  }

  take(who: string, start: number, end: number) {
    this.slots(who, Math.floor(start / DAY)).push([start, end]);
  }
}

/** Monday 00:00 UTC of the week of an instant. */
const weekStart = (at: number) => {
  const day = Math.floor(at / DAY);
  return (day - ((weekdayOf(day) + 6) % 7)) * DAY;
};

const weeksAgo = (at: number, now: number) => Math.round((weekStart(now) - weekStart(at)) / WEEK);

/**
 * Where an entry stands now in the weekly approval routine, and when it moved. `roll` is the
 * entry's own draw in [0, 1): it decides which of the week before last are still waiting.
 */
function reviewOf(start: number, end: number, now: number, roll: number, rejection: string | null) {
  const ago = weeksAgo(start, now);
  const status: EntryStatus =
    ago <= 0
      ? 'draft'
      : rejection
        ? 'rejected'
        : ago === 1 || (ago === 2 && roll < 0.15)
          ? 'submitted'
          : 'approved';
  if (status === 'draft') return { status, submittedAt: null, reviewedAt: null, rejection: null };
  // Submitted the Monday after, or on the 1st when the month ends first: before its billing run.
  const month = periodOf(new Date(start).toISOString().slice(0, 10));
  const cut = Math.min(weekStart(start) + WEEK, Date.parse(`${periodStart(addPeriods(month, 1))}T00:00:00Z`));
  const submittedAt = Math.min(Math.max(cut + 9 * HOUR, end + 5 * MINUTE), now - 2 * MINUTE);
  const reviewed = Math.min(Math.max(cut + 9.5 * HOUR, submittedAt + MINUTE), now - MINUTE);
  return { status, submittedAt, reviewedAt: status === 'submitted' ? null : reviewed, rejection };
}

/** Last week's entries the manager sends back: about one in twelve, and at least two. */
function rejections(placed: readonly { start: number; roll: number }[], now: number) {
  const lastWeek = placed.filter((p) => weeksAgo(p.start, now) === 1).sort((a, b) => a.roll - b.roll);
  const count = Math.min(lastWeek.length, Math.max(2, Math.round(lastWeek.length / 12)));
  return new Map(lastWeek.slice(0, count).map((p, i) => [p, rejectionReasons[i % rejectionReasons.length]!]));
}

/**
 * The whole year's plan as of `now`: tickets' work first (its time is the ticket's), then the
 * activities, each in the first free slot of its technician from the preferred instant (or of the
 * other technician), in order; work that would end after `now` is left for later.
 */
export function planWork(input: {
  now: number;
  clients: readonly DemoClientSpec[];
  tickets: readonly WorkTicket[];
}): PlannedEntry[] {
  const { now } = input;
  const months = workMonths(now);
  const firstDay = periodStart(months[0]!);
  // From the first demo ticket on, helpdesk requests are the tickets' own entries.
  const firstTicket = input.tickets.reduce((min, t) => Math.min(min, t.createdAt), Number.POSITIVE_INFINITY);
  const skipFrom = Number.isFinite(firstTicket) ? new Date(firstTicket).toISOString().slice(0, 10) : null;
  const known = new Set(input.clients.map((c) => c.name));
  const tasks: Task[] = [
    ...input.tickets.flatMap((t) =>
      known.has(t.client) && t.createdAt >= Date.parse(`${firstDay}T00:00:00Z`)
        ? (ticketTask(t, now) ?? [])
        : [],
    ),
    ...input.clients.flatMap((spec) => {
      const w = clientWork(spec);
      return w ? clientTasks(w, months, skipFrom) : [];
    }),
    ...internalTasks(months),
  ];
  tasks.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.preferred - b.preferred ||
      a.technician.localeCompare(b.technician) ||
      (a.ticketId ?? a.activity ?? '').localeCompare(b.ticketId ?? b.activity ?? ''),
  );

  const timeline = new Timeline();
  const placed: (Task & { who: string; start: number; end: number; roll: number })[] = [];
  for (const t of tasks) {
    let who = t.technician;
    let start = timeline.fit(who, t.preferred, t.minutes, t.latest);
    if (start === null && t.alternate) {
      who = t.alternate;
      start = timeline.fit(who, t.preferred, t.minutes, t.latest);
    }
    if (start === null) continue;
    const end = start + t.minutes * MINUTE;
    timeline.take(who, start, end);
    if (end <= now - 5 * MINUTE)
      placed.push({ ...t, who, start, end, roll: seededRng(`review-status|${who}|${start}`).next() });
  }
  const rejected = rejections(placed, now);
  return placed
    .map(
      (p): PlannedEntry => ({
        technician: p.who,
        client: p.client,
        ticketId: p.ticketId,
        activity: p.activity,
        category: p.category,
        workType: p.workType,
        start: p.start,
        end: p.end,
        note: p.note,
        override: p.override,
        ...reviewOf(p.start, p.end, now, p.roll, rejected.get(p) ?? null),
      }),
    )
    .sort((a, b) => a.start - b.start || a.technician.localeCompare(b.technician));
}
