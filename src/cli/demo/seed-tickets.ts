/**
 * `keel seed --demo`, the helpdesk: the demo tickets (./tickets.ts) written through the tickets
 * service, each at its own time in the past, so entitlement, SLA policy, clocks, history and audit
 * are what they would be had the tickets come in then; then the SLA notice sweep records the
 * warnings and breaches due now.
 *
 * When: a resolved ticket came in on its day, in the requester's working hours (alerts at any hour),
 * and every step follows in business minutes of its SLA calendar. An open ticket came in so that its
 * calendar counts the planned business minutes between then and now, so its clocks stand where the
 * plan says (healthy, near breach, breached) on whatever day the demo is seeded.
 *
 * Idempotent, and a run cut off is completed: demo tickets are found by their tag, client (or sender)
 * and subject; one found with fewer steps in its history than planned gets the rest, later than
 * what it has. A second run adds nothing.
 */
import type { Keel } from '../../app.js';
import { businessTime, createCalendar } from '../../domain/calendar/index.js';
import type { BusinessTime } from '../../domain/sla/clocks.js';
import { type Priority, priorityOf } from '../../domain/sla/priority.js';
import type { Actor } from '../../modules/tickets/index.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { SlaTier } from './agreements.js';
import { demoHolidays } from './holidays.js';
import type { DemoClientRef } from './seed-agreements.js';
import { demoSlaCalendars, demoSlaPolicies } from './sla.js';
import {
  DEMO_TICKET_TAG,
  type DemoTicket,
  type DemoTicketStep,
  demoTickets,
  stepMinutes,
} from './tickets.js';
import { demoMsp, demoStaff } from './users.js';

type Listed = Awaited<ReturnType<Keel['tickets']['service']['list']>>['items'][number];
type Targets = { responseMinutes: number; resolutionMinutes: number };
type Schedule = { time: BusinessTime; targets: Record<Priority, Targets> };

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Tickets whose steps are written side by side. */
const LANES = 4;

export type TicketTally = { tickets: number; steps: number; notices: number };

const keyOf = (owner: string, subject: string) => `${owner}|${subject.trim().toLowerCase()}`;

/**
 * Every demo ticket stored, resolved ones included, by client and subject and by sender and
 * subject: a triage ticket staff have since given a client is still found by its sender.
 */
async function storedDemoTickets(keel: Keel): Promise<Map<string, Listed>> {
  const found = new Map<string, Listed>();
  const remember = (key: string, t: Listed) => {
    if (!found.has(key)) found.set(key, t);
  };
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await keel.tickets.service.list(
      staffScope,
      { limit: 200, cursor, include_resolved: true },
      null,
    );
    for (const t of res.items) {
      if (!t.tags.includes(DEMO_TICKET_TAG)) continue;
      if (t.clientId) remember(keyOf(t.clientId, t.subject), t);
      if (t.requesterEmail) remember(keyOf(t.requesterEmail, t.subject), t);
    }
    if (!res.nextCursor) return found;
    cursor = res.nextCursor;
  }
  throw new Error('Too many tickets to list.');
}

/** A planned ticket as stored: by its client, else by who sent it. */
const lookUp = (stored: Map<string, Listed>, p: Planned) =>
  stored.get(p.key) ??
  (p.ticket.requesterEmail ? stored.get(keyOf(p.ticket.requesterEmail, p.ticket.subject)) : undefined) ??
  null;

type Planned = { ticket: DemoTicket; ref: DemoClientRef | null; key: string };

/** The demo tickets of the live demo clients (and triage), each with the key it is found by. */
function plannedTickets(refs: readonly DemoClientRef[]): Planned[] {
  const ids = new Map(refs.map((r) => [r.spec.name, r]));
  return demoTickets.flatMap((ticket): Planned[] => {
    if (ticket.client === null)
      return [{ ticket, ref: null, key: keyOf(ticket.requesterEmail!, ticket.subject) }];
    const ref = ids.get(ticket.client);
    return ref ? [{ ticket, ref, key: keyOf(ref.id, ticket.subject) }] : [];
  });
}

/** Kinds of history a step leaves (a reply, a status move); SLA notices and the rest are not steps. */
const stepKinds = new Set(['reply', 'status', 'assigned', 'priority']);

/** How many planned steps a stored ticket has had: one per distinct instant of its step events. */
async function progressOf(keel: Keel, ticketId: string) {
  const events = await keel.tickets.service.history(staffScope, ticketId);
  const done = new Set(events.filter((e) => stepKinds.has(e.kind)).map((e) => e.at));
  const last = Math.max(...events.map((e) => Date.parse(e.at)));
  return { done: done.size, last };
}

/** Whether a demo ticket is missing, or has not had every step its plan gives it. */
export async function ticketsPending(keel: Keel, refs: readonly DemoClientRef[]): Promise<boolean> {
  const stored = await storedDemoTickets(keel);
  for (const planned of plannedTickets(refs)) {
    const found = lookUp(stored, planned);
    if (!found) return true;
    if ((await progressOf(keel, found.id)).done < planned.ticket.steps.length) return true;
  }
  return false;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Business time in a zone's working day, 08:00–17:30 on weekdays: when people write in. */
const workingDays = new Map<string, BusinessTime>();
function workingDayIn(zone: string): BusinessTime {
  let time = workingDays.get(zone);
  if (!time) {
    const hours = Object.fromEntries(weekdays.map((d) => [d, [['08:00', '17:30']] as const]));
    time = businessTime(createCalendar({ timeZone: zone, businessHours: hours }));
    workingDays.set(zone, time);
  }
  return time;
}

/**
 * The latest instant from which `minutes` business minutes have passed by `now`: when an open
 * ticket of that age came in. Whole minutes; business time never runs backwards, so a bisection.
 */
function cameInAt(time: BusinessTime, now: number, minutes: number): number {
  let lo = now - 400 * DAY;
  let hi = now;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (time.minutesBetween(mid, now, []) >= minutes) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo / MINUTE) * MINUTE;
}

/** Each step's instant after `start`, kept in order, after `after` and before `now`. */
function instantsOf(time: BusinessTime, start: number, minutes: number[], after: number, now: number) {
  const out: number[] = [];
  for (const [i, m] of minutes.entries()) {
    const at = Math.max(time.due(start, m, []), (out.at(-1) ?? after) + 1000);
    out.push(Math.min(at, now - (minutes.length - i) * 1000));
  }
  return out;
}

/** When a resolved ticket came in: on its day, in the requester's working hours (alerts: any time). */
function arrivalOf(ticket: DemoTicket, zone: string, now: number, daysBack: number): number {
  const a = ticket.arrival!;
  const day = Math.floor((now - (a.daysAgo + daysBack) * DAY) / DAY) * DAY;
  return a.anyTime ? day + a.minute * MINUTE : workingDayIn(zone).due(day, a.minute, []);
}

/**
 * When a ticket came in and when each of its steps happened, on `schedule`: an open ticket so that
 * its age is the planned one now; a resolved one on its day, moved back a day at a time while its
 * last step would not be over by now.
 */
export function timeline(
  ticket: DemoTicket,
  zone: string,
  schedule: Schedule,
  priority: Priority,
  now: number,
) {
  const { age, steps } = stepMinutes(ticket, schedule.targets[priority]);
  if (age !== null) {
    const start = cameInAt(schedule.time, now, age);
    return { start, steps: instantsOf(schedule.time, start, steps, start, now) };
  }
  for (let back = 0; ; back++) {
    const start = arrivalOf(ticket, zone, now, back);
    const at = steps.map((m) => schedule.time.due(start, m, []));
    if ((at.at(-1) ?? start) <= now - 5 * MINUTE || back >= 60)
      return { start, steps: instantsOf(schedule.time, start, steps, start, now) };
  }
}

const kindKey = (kind: string) => kind.replace('-', '_');

/**
 * Seeds the demo tickets that are missing and completes those cut off, in the order they came in,
 * then runs the SLA notice sweep. `slaIds` are the demo's SLA policies by tier.
 */
export async function seedTickets(
  keel: Keel,
  refs: readonly DemoClientRef[],
  slaIds: (tier: SlaTier) => string | null,
  log: (line: string) => void,
  now = new Date(),
): Promise<TicketTally> {
  const service = keel.tickets.service;
  const sla = keel.sla.service;
  const tally: TicketTally = { tickets: 0, steps: 0, notices: 0 };
  const nowMs = now.getTime();
  const stored = await storedDemoTickets(keel);

  type Job = {
    ticket: DemoTicket;
    ref: DemoClientRef | null;
    found: Listed | null;
    done: number;
    last: number;
  };
  const jobs: Job[] = [];
  for (const planned of plannedTickets(refs)) {
    const { ticket, ref } = planned;
    const found = lookUp(stored, planned);
    if (!found) {
      jobs.push({ ticket, ref, found, done: 0, last: 0 });
      continue;
    }
    const { done, last } = await progressOf(keel, found.id);
    if (done < ticket.steps.length) jobs.push({ ticket, ref, found, done, last });
  }
  if (!jobs.length) return tally;

  // Who is who: the technicians, each client's contacts, and the queues there are.
  const staff = new Map<string, string>();
  for (const u of demoStaff) {
    const user = await keel.identity.service.findUserByEmail(u.email);
    if (user) staff.set(u.email, user.id);
  }
  const manager = staff.get(demoStaff.find((u) => u.role === 'manager')!.email) ?? null;
  const contacts = new Map<string, Map<string, { id: string; siteId: string | null }>>();
  for (const ref of new Set(jobs.flatMap((j) => (j.ref ? [j.ref] : [])))) {
    const page = await keel.clients.service.listContacts(staffScope, ref.id, { limit: 200 });
    contacts.set(ref.id, new Map(page.items.flatMap((c) => (c.email ? [[c.email, c]] : []))));
  }
  const hasAlertsQueue = (await service.queues()).some((q) => q.code === 'alerts');

  // The SLA each ticket runs on: its client's, as the helpdesk resolves it; a best-effort ticket
  // (break-fix, triage) is paced on the demo's business hours.
  const [matrix, kindDefaults] = await Promise.all([sla.priorityMatrix(), sla.kindDefaults()]);
  const paced: Schedule = {
    time: businessTime(
      createCalendar({
        timeZone: demoMsp.timeZone,
        businessHours: demoSlaCalendars.business.hours,
        holidays: demoHolidays(now),
      }),
    ),
    targets: demoSlaPolicies['business-hours'].targets,
  };
  const schedules = new Map<string | null, Schedule>([[null, paced]]);
  const scheduleOf = async (policyId: string | null) => {
    if (!schedules.has(policyId)) {
      const resolved = policyId ? await sla.resolved(policyId) : null;
      schedules.set(policyId, resolved ? { time: resolved.time, targets: resolved.targets } : paced);
    }
    return schedules.get(policyId)!;
  };
  /** The policy a new ticket of the client gets: an agreement's in force, else its kind's default. */
  const expectedPolicy = (ref: DemoClientRef | null) => {
    if (!ref) return null;
    const named = ref.spec.intendedAgreements.filter(
      (a) => a.status === 'active' && a.ending === null && a.slaTier,
    );
    const a = named.find((x) => x.kind === 'managed-services') ?? named[0];
    return a ? slaIds(a.slaTier!) : (kindDefaults[kindKey(ref.spec.kind)] ?? null);
  };

  type Ready = Job & { start: number; steps: number[]; policyId: string | null };
  const ready: Ready[] = [];
  for (const job of jobs) {
    const zone = job.ref?.spec.timeZone ?? demoMsp.timeZone;
    if (job.found) {
      // Cut off last time: its remaining steps follow what it has, on the policy it got.
      const schedule = await scheduleOf(job.found.sla.policyId);
      const start = Date.parse(job.found.createdAt);
      const { steps } = stepMinutes(job.ticket, schedule.targets[job.found.priority]);
      ready.push({
        ...job,
        start,
        steps: instantsOf(schedule.time, start, steps, job.last, nowMs),
        policyId: job.found.sla.policyId,
      });
      continue;
    }
    const policyId = expectedPolicy(job.ref);
    const priority = priorityOf(matrix, job.ticket.impact, job.ticket.urgency);
    const t = timeline(job.ticket, zone, await scheduleOf(policyId), priority, nowMs);
    ready.push({ ...job, ...t, policyId });
  }
  // Oldest first, so ticket numbers follow the order tickets came in.
  ready.sort((a, b) => a.start - b.start);

  const staffActor = (userId: string | null): Actor => ({
    userId: userId ?? manager,
    contactId: null,
    staff: true,
    channel: 'web',
  });
  // First every ticket, oldest first, so their numbers follow the order they came in…
  type Live = { id: string; job: Ready; steps: number[]; who: Parameters<typeof runStep>[4] };
  const live: Live[] = [];
  for (const job of ready) {
    const { ticket, ref } = job;
    const contact = ref && ticket.contactEmail ? contacts.get(ref.id)?.get(ticket.contactEmail) : undefined;
    const assigneeId = ticket.assignee ? (staff.get(ticket.assignee) ?? null) : null;
    const requester: Actor = {
      userId: null,
      contactId: contact?.id ?? null,
      staff: false,
      channel: ticket.source === 'portal' ? 'portal' : ticket.source === 'alert' ? 'alert' : 'email',
    };
    const who = { requester, fromAddress: ticket.contactEmail };
    if (job.found) {
      live.push({
        id: job.found.id,
        job,
        steps: job.steps,
        who: { ...who, staff: staffActor(job.found.assigneeId) },
      });
      continue;
    }
    const created = await service.create(
      staffScope,
      {
        clientId: ref?.id ?? null,
        contactId: contact?.id ?? null,
        siteId: contact?.siteId ?? null,
        requesterEmail: ticket.requesterEmail,
        source: ticket.source,
        type: ticket.type,
        category: ticket.category,
        impact: ticket.impact,
        urgency: ticket.urgency,
        ...(ticket.source === 'alert' && hasAlertsQueue ? { queue: 'alerts' } : {}),
        assigneeId,
        tags: ticket.tags,
        subject: ticket.subject,
        description: ticket.description,
      },
      ticket.source === 'phone' ? staffActor(assigneeId) : requester,
      new Date(job.start),
    );
    tally.tickets++;
    if (tally.tickets % 100 === 0) log(`Tickets: ${tally.tickets} of ${ready.length} created…`);
    let steps = job.steps;
    // Another policy than expected (someone changed the defaults): pace the steps on the real one.
    if (created.sla.policyId !== job.policyId) {
      const schedule = await scheduleOf(created.sla.policyId);
      const { steps: minutes } = stepMinutes(ticket, schedule.targets[created.priority]);
      steps = instantsOf(schedule.time, job.start, minutes, job.start, nowMs);
    }
    live.push({ id: created.id, job, steps, who: { ...who, staff: staffActor(created.assigneeId) } });
  }

  // …then their replies, notes and status moves: each ticket's in order, several tickets at a time
  // (on PostgreSQL they run side by side; the embedded store takes them one after the other).
  const total = live.reduce((sum, l) => sum + l.job.ticket.steps.length - l.job.done, 0);
  let next = 0;
  let failed = false;
  const lane = async () => {
    for (let i = next++; i < live.length && !failed; i = next++) {
      const { id, job, steps, who } = live[i]!;
      for (let s = job.done; s < job.ticket.steps.length && !failed; s++) {
        await runStep(keel, id, job.ticket.steps[s]!, new Date(steps[s]!), who);
        if (++tally.steps % 250 === 0)
          log(`Tickets: ${tally.steps} of ${total} replies, notes and status moves…`);
      }
    }
  };
  // One lane failing stops the others before the error goes up: nothing keeps writing behind it.
  const lanes = Array.from({ length: LANES }, () =>
    lane().catch((err) => {
      failed = true;
      throw err;
    }),
  );
  const outcomes = await Promise.allSettled(lanes);
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  tally.notices = await keel.tickets.sweep(now);
  return tally;
}

async function runStep(
  keel: Keel,
  ticketId: string,
  step: DemoTicketStep,
  at: Date,
  who: { staff: Actor; requester: Actor; fromAddress: string | null },
) {
  const service = keel.tickets.service;
  const actor = step.by === 'assignee' ? who.staff : who.requester;
  if (step.message) {
    await service.reply(
      staffScope,
      ticketId,
      {
        body: step.message.body,
        public: step.message.public,
        ...(step.status ? { status: step.status } : {}),
        ...(step.by === 'requester' ? { fromAddress: who.fromAddress } : {}),
      },
      actor,
      at,
    );
  } else {
    await service.update(staffScope, ticketId, { status: step.status! }, actor, at);
  }
}

export type TicketCounts = {
  total: number;
  open: number;
  breached: number;
  paused: number;
  triage: number;
  resolved: number;
  closed: number;
};

/** The demo tickets as the queue shows them now. */
export async function ticketCounts(keel: Keel, now = new Date()): Promise<TicketCounts> {
  const all = [...new Map([...(await storedDemoTickets(keel)).values()].map((t) => [t.id, t])).values()];
  const open = all.filter((t) => t.resolvedAt === null);
  return {
    total: all.length,
    open: open.length,
    breached: open.filter(
      (t) => t.sla.nextDeadlineAt !== null && Date.parse(t.sla.nextDeadlineAt) <= now.getTime(),
    ).length,
    paused: open.filter((t) => t.sla.paused).length,
    triage: open.filter((t) => t.clientId === null).length,
    resolved: all.length - open.length,
    closed: all.filter((t) => t.closedAt !== null).length,
  };
}
