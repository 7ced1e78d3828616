/**
 * The demo MSP's helpdesk: a few hundred tickets over the last two months across its clients (many
 * for contract clients, some for break-fix and hybrid clients, none for prospects), each with its
 * requester, source, impact and urgency, technician, replies, internal notes and status moves; and a
 * handful still open now, some healthy, some close to their SLA target, some past it, some waiting
 * on the client or a vendor, some new, and a few in triage from unknown senders.
 *
 * Data only, and deterministic: each client's tickets come from a generator seeded by its name.
 * Times are not instants but business minutes on the ticket's SLA calendar (./seed-tickets.ts maps
 * them onto real instants when it seeds), so a ticket "near breach" is near breach whatever the day
 * the demo is seeded on.
 */
import type { Level } from '../../domain/sla/priority.js';
import type { RelationshipKind } from './agreements.js';
import { type DemoClientSpec, demoClients } from './clients.js';
import { type Rng, seededRng } from './random.js';
import { type Audience, type Template, templates, type Vars } from './ticket-templates.js';
import { demoStaff } from './users.js';

/** Every demo ticket carries this tag: the seed finds its own tickets by it (with client and subject). */
export const DEMO_TICKET_TAG = 'demo';

export const ticketStates = [
  'closed',
  'resolved',
  'healthy',
  'near-breach',
  'breached',
  'paused',
  'vendor',
  'new',
  'triage',
] as const;
export type TicketState = (typeof ticketStates)[number];
export const openStates: readonly TicketState[] = [
  'healthy',
  'near-breach',
  'breached',
  'paused',
  'vendor',
  'new',
  'triage',
];

export type TicketSource = 'email' | 'phone' | 'portal' | 'alert';

/**
 * A moment in a ticket's life: business minutes after it came in, as a share of its response or
 * resolution target (of its priority, on its SLA policy) or of its age now (open tickets), plus
 * business minutes spent waiting before it.
 */
export type Offset = { of: 'response' | 'resolution' | 'age'; share: number; plus?: number };

export type DemoTicketStep = {
  at: Offset;
  /** The assigned technician, or the requester answering. */
  by: 'assignee' | 'requester';
  /** A public reply or an internal note; null: a status change alone. */
  message: { public: boolean; body: string } | null;
  /** The status the ticket moves to with this step, if any. */
  status: string | null;
};

export type DemoTicket = {
  /** The client's name, or the sender's address for triage: with the subject, what identifies it. */
  client: string | null;
  contactEmail: string | null;
  requesterEmail: string | null;
  source: TicketSource;
  type: 'incident' | 'service_request';
  category: string | null;
  impact: Level;
  urgency: Level;
  tags: string[];
  subject: string;
  description: string;
  /** The technician's email; null: unassigned. */
  assignee: string | null;
  state: TicketState;
  /** Resolved and closed tickets: the day it came in and when in the requester's working day. */
  arrival: { daysAgo: number; minute: number; anyTime: boolean } | null;
  /** Open tickets: business minutes since it came in, now. */
  age: Offset | null;
  steps: DemoTicketStep[];
};

/** Two months of history. */
export const HISTORY_DAYS = 60;

const technicians = demoStaff.filter((u) => u.role === 'technician');
const manager = demoStaff.find((u) => u.role === 'manager')!;

const audienceOf: Record<RelationshipKind, Audience | null> = {
  contract: 'managed',
  hybrid: 'managed',
  'single-service': 'managed',
  subscription: 'backup',
  reseller: 'licences',
  'break-fix': 'break-fix',
  prospect: null,
};

/** Tickets over two months by relationship: contract clients call most, prospects not at all. */
const historyCount: Record<RelationshipKind, [min: number, max: number]> = {
  contract: [11, 15],
  hybrid: [6, 9],
  'single-service': [3, 5],
  subscription: [2, 3],
  reseller: [2, 3],
  'break-fix': [2, 5],
  prospect: [0, 0],
};

/**
 * The tickets open now, by client: every open state on every kind of calendar (round the clock,
 * extended, business hours, a kind's default policy, best effort), so the queue, the clocks and the
 * SLA screens all have something to show. `share` is how far along the ticket is (of its response
 * target for new tickets, of its resolution target otherwise).
 */
export const openPlan: readonly { client: string; state: TicketState; share?: number }[] = [
  // 24x7: every minute counts, so these stand where they are whatever the day.
  { client: 'Van der Berg Logistics B.V.', state: 'near-breach', share: 0.9 },
  { client: 'Van der Berg Logistics B.V.', state: 'healthy' },
  { client: 'Harborview Credit Union', state: 'breached' },
  { client: 'Harborview Credit Union', state: 'paused' },
  { client: 'Alpenblick Hotels GmbH', state: 'new', share: 0.85 },
  { client: 'Alpenblick Hotels GmbH', state: 'healthy' },
  // Extended hours.
  { client: 'Brightwater Dental Group', state: 'paused' },
  { client: 'Brightwater Dental Group', state: 'healthy' },
  { client: 'Kestrel Legal LLP', state: 'near-breach' },
  { client: 'Summit Ridge Family Medicine', state: 'breached', share: 1.4 },
  { client: 'Lone Star Title & Escrow', state: 'vendor' },
  { client: 'Baltic Gate Shipping GmbH', state: 'healthy' },
  { client: 'Sierra Nevada Orthopedics', state: 'new' },
  { client: 'Casa Oliveira Restaurantes', state: 'paused' },
  // Business hours.
  { client: 'Hartmann & Vogel Steuerberatung', state: 'healthy' },
  { client: 'Hartmann & Vogel Steuerberatung', state: 'vendor' },
  { client: 'Atelier Marchetti Architectes', state: 'near-breach', share: 0.85 },
  { client: 'Maple & Finch Accounting', state: 'breached', share: 2 },
  { client: 'Bellamy & Cross Recruitment', state: 'healthy' },
  { client: 'Greenleaf Property Management', state: 'new', share: 0.3 },
  { client: 'Clearwater Veterinary Clinic', state: 'healthy' },
  // No SLA in the agreement: the default policy of the client's kind.
  { client: 'Rosso Ceramiche S.r.l.', state: 'paused' },
  { client: 'Coastal Realty Partners', state: 'healthy' },
  // Break-fix: best effort, no clock.
  { client: 'Hudson Valley Print Shop', state: 'healthy' },
  { client: 'Zahnarztpraxis Dr. Weiss', state: 'new' },
];

const defaultShare: Partial<Record<TicketState, number>> = {
  new: 0.5,
  healthy: 0.3,
  'near-breach': 0.88,
  breached: 1.6,
  paused: 0.8,
  vendor: 0.9,
};

const between = (rng: Rng, min: number, max: number) =>
  Math.round((min + rng.next() * (max - min)) * 100) / 100;

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** "Brightwater Dental Group" → "BDG": the prefix of the client's device names. */
export function initialsOf(name: string): string {
  const words = strip(name)
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w));
  return words
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

const split = (full: string) => {
  const [first, ...rest] = full.split(' ');
  return { first: first!, last: rest.join(' ') };
};

/** Someone of the client's own locale who is not a contact: a first and a last name of two contacts. */
function employeeOf(rng: Rng, spec: DemoClientSpec): string {
  const names = new Set(spec.contacts.map((c) => c.name));
  const people = spec.contacts.map((c) => split(c.name));
  for (let tries = 0; tries < 10; tries++) {
    const [a, b] = rng.sample(people, 2);
    const name = `${a!.first} ${b!.last}`;
    if (!names.has(name)) return name;
  }
  return `${people[0]!.first} ${people.at(-1)!.last}`;
}

function varsFor(rng: Rng, spec: DemoClientSpec, requester: DemoClientSpec['contacts'][number]): Vars {
  const ini = initialsOf(spec.name);
  const others = spec.contacts.filter((c) => c.email !== requester.email);
  return {
    first: split(requester.name).first,
    name: requester.name,
    colleague: rng.pick(others.length ? others : spec.contacts).name,
    employee: employeeOf(rng, spec),
    site: requester.site,
    server: `${ini}-${rng.pick(['FS01', 'DC01', 'APP01', 'SQL01', 'HV01'])}`,
    device: `${ini}-LT-${String(rng.int(1, 60)).padStart(3, '0')}`,
    domain: requester.email.split('@')[1]!,
  };
}

const acks = [
  (v: Vars, tech: string) =>
    `Hi ${v.first},\n\nThanks for letting us know. ${tech} here: I am looking into it now and will keep you posted.`,
  (v: Vars, tech: string) =>
    `Hi ${v.first},\n\nGot it, I am on it and will come back to you as soon as I know more.\n\n${tech}`,
  (v: Vars, tech: string) =>
    `Hi ${v.first},\n\nThis is with me now. I may connect to your computer remotely in the next few minutes.\n\n${tech}`,
];

const genericAsk = {
  incident: [
    (v: Vars) => `Hi ${v.first}, when did this start, and is anyone else affected?`,
    () => 'It started this morning; as far as I know it is only me.',
  ],
  service_request: [
    (v: Vars) => `Hi ${v.first}, by when do you need this?`,
    () => 'By the end of the week would be perfect, thanks.',
  ],
} as const;

type Draft = Omit<DemoTicket, 'state' | 'arrival' | 'age' | 'steps'> & {
  template: Template;
  vars: Vars;
  tech: string;
};

const reply = (at: Offset, body: string, status: string | null = null): DemoTicketStep => ({
  at,
  by: 'assignee',
  message: { public: true, body },
  status,
});
const note = (at: Offset, body: string, status: string | null = null): DemoTicketStep => ({
  at,
  by: 'assignee',
  message: { public: false, body },
  status,
});
const move = (at: Offset, status: string): DemoTicketStep => ({ at, by: 'assignee', message: null, status });
const answer = (at: Offset, body: string): DemoTicketStep => ({
  at,
  by: 'requester',
  message: { public: true, body },
  status: 'open',
});

/**
 * The first response: a reply to a person; taking the ticket on (in progress) for a call, and for an
 * alert with a note of what the technician found.
 */
function ack(rng: Rng, d: Draft, at: Offset): DemoTicketStep {
  if (d.source === 'alert') return note(at, d.template.note(d.vars), 'in_progress');
  if (d.source === 'phone') return move(at, 'in_progress');
  return reply(at, rng.pick(acks)(d.vars, d.tech), 'in_progress');
}

const askOf = (d: Draft) => d.template.ask ?? genericAsk[d.type];

/** A resolved (or closed) ticket's life: answered, perhaps waiting on the client or a vendor, fixed. */
function historySteps(rng: Rng, d: Draft, closed: boolean): DemoTicketStep[] {
  const v = d.vars;
  const person = d.source !== 'alert';
  // Mostly in time; now and then late, as in any helpdesk.
  const respond = rng.next() < 0.08 ? between(rng, 1.1, 2.5) : between(rng, 0.1, 0.85);
  const steps = [ack(rng, d, { of: 'response', share: respond })];
  let share = between(rng, 0.1, 0.25);
  let waited = 0;
  if (person && rng.next() < 0.25) {
    const [question, reply_] = askOf(d);
    steps.push(reply({ of: 'resolution', share }, question(v), 'waiting_client'));
    waited += rng.int(45, 900);
    steps.push(answer({ of: 'resolution', share, plus: waited }, reply_(v)));
    share += between(rng, 0.03, 0.1);
  }
  if (d.template.vendor && rng.next() < 0.5) {
    const [waiting, back] = d.template.vendor;
    steps.push(note({ of: 'resolution', share, plus: waited }, waiting(v), 'waiting_vendor'));
    waited += rng.int(120, 1500);
    steps.push(note({ of: 'resolution', share, plus: waited }, back(v), 'in_progress'));
    share += between(rng, 0.03, 0.1);
  }
  if (person && rng.next() < 0.35) {
    steps.push(note({ of: 'resolution', share, plus: waited }, d.template.note(v)));
    share += between(rng, 0.05, 0.2);
  }
  const resolve =
    rng.next() < 0.08 ? between(rng, 1.05, 1.7) : Math.min(0.95, share + between(rng, 0.05, 0.5));
  const fixed = { of: 'resolution', share: resolve, plus: waited } as const;
  steps.push(
    person ? reply(fixed, d.template.fix(v), 'resolved') : note(fixed, d.template.fix(v), 'resolved'),
  );
  // Closed after a few days without a complaint.
  if (closed) steps.push(move({ ...fixed, plus: waited + rng.int(1200, 3600) }, 'closed'));
  return steps;
}

/**
 * An open ticket's life so far, in shares of its age now. Its last step comes before the warning
 * or due instant it is meant to have passed, so the notice sweep records that warning or breach.
 */
function openSteps(rng: Rng, d: Draft, state: TicketState): DemoTicketStep[] {
  const v = d.vars;
  const age = (share: number, plus = 0): Offset => ({ of: 'age', share, plus });
  const first = () => ack(rng, d, { of: 'response', share: between(rng, 0.3, 0.7) });
  // An alert's first response already says what was found.
  const person = d.source !== 'alert';
  const found = () => (person ? [note(age(0.25), `Working theory: ${lower(d.template.note(v))}`)] : []);
  switch (state) {
    case 'new':
    case 'triage':
      return [];
    case 'healthy':
      // A public update a few business minutes ago keeps the update clock of P1 and P2 fresh.
      return [
        first(),
        ...(person && rng.next() < 0.5 ? [note(age(0.5), d.template.note(v))] : []),
        reply(age(1, -rng.int(5, 20)), progress(d, 'on track')),
      ];
    case 'near-breach':
      // Before the warning (75% of the target, about 85% of this age): the sweep records it.
      return [first(), ...found(), reply(age(0.6), progress(d, 'on track'))];
    case 'breached':
      // Before the due instant (at most half this age): the sweep records the breach.
      return [first(), ...found(), reply(age(0.4), progress(d, 'late'))];
    case 'paused': {
      const [question] = askOf(d);
      return [first(), reply(age(between(rng, 0.4, 0.6)), question(v), 'waiting_client')];
    }
    case 'vendor': {
      const [waiting] = d.template.vendor!;
      return [first(), note(age(0.5), waiting(v), 'waiting_vendor')];
    }
    default:
      throw new Error(`${state} is not an open state`);
  }
}

const lower = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** A public progress update: to the requester, or to whoever follows an alert in the portal. */
function progress(d: Draft, how: 'on track' | 'late'): string {
  const hello = d.source === 'alert' ? 'Hello,' : `Hi ${d.vars.first},`;
  return how === 'on track'
    ? `${hello}\n\nA quick update: we have found the cause and are working on the fix. We will update you again shortly.\n\n${d.tech}`
    : `${hello}\n\nSorry this is taking longer than planned: the first fix did not hold and we are trying another approach. We will update you again this afternoon.\n\n${d.tech}`;
}

/** P1 and P2 by the default matrix: they have an update clock. */
const urgent = (t: Template) =>
  (t.impact === 'high' && t.urgency !== 'low') || (t.impact === 'medium' && t.urgency === 'high');

/**
 * Which templates can tell a story of this state: waiting needs a requester or a vendor, and a
 * ticket near its resolution target is one without an update clock, so nothing else breaches first.
 */
const fits = (t: Template, state: TicketState) =>
  state === 'paused'
    ? !t.alert
    : state === 'vendor'
      ? t.vendor !== undefined
      : state === 'near-breach'
        ? !urgent(t)
        : true;

function draft(rng: Rng, spec: DemoClientSpec, state: TicketState, taken: Set<string>): Draft | null {
  const audience = audienceOf[spec.kind];
  if (!audience) return null;
  const pool = templates.filter((t) => t.for.includes(audience) && fits(t, state));
  const portal = spec.contacts.filter((c) => c.portalAccess);
  for (let tries = 0; tries < 25; tries++) {
    const template = rng.pick(pool);
    const roll = rng.next();
    const source: TicketSource = template.alert
      ? 'alert'
      : roll < 0.5
        ? 'email'
        : roll < 0.75 || !portal.length
          ? 'phone'
          : 'portal';
    const requester = source === 'portal' ? rng.pick(portal) : rng.pick(spec.contacts);
    const vars = varsFor(rng, spec, requester);
    const subject = template.subject(vars);
    if (taken.has(subject.toLowerCase())) continue;
    taken.add(subject.toLowerCase());
    const techRoll = rng.next();
    const tech = techRoll < 0.1 ? manager : technicians[techRoll < 0.55 ? 0 : 1]!;
    // Now and then the requester says it is more pressing than usual (not on the open tickets,
    // whose clocks are planned).
    const pressing = state === 'closed' && rng.next() < 0.15 && template.urgency !== 'high';
    const urgency: Level = pressing ? 'high' : template.urgency;
    const person = source !== 'alert';
    return {
      client: spec.name,
      contactEmail: person ? requester.email : null,
      requesterEmail: source === 'email' || source === 'portal' ? requester.email : null,
      source,
      type: template.type,
      category: template.category,
      impact: template.impact,
      urgency,
      tags: [DEMO_TICKET_TAG, ...template.tags],
      subject,
      description:
        source === 'phone'
          ? `Phoned in by ${requester.name}:\n\n${template.description(vars)}`
          : template.description(vars),
      assignee: tech.email,
      template,
      vars,
      tech: split(tech.name).first,
    };
  }
  return null;
}

const ticketOf = (d: Draft, rest: Pick<DemoTicket, 'state' | 'arrival' | 'age' | 'steps'>): DemoTicket => {
  const { template: _t, vars: _v, tech: _tech, ...ticket } = d;
  return { ...ticket, ...rest };
};

/** One client's tickets: its history first, then those open now. */
export function ticketsOf(spec: DemoClientSpec): DemoTicket[] {
  const rng = seededRng(`tickets: ${spec.name}`);
  const taken = new Set<string>();
  const out: DemoTicket[] = [];
  const [min, max] = historyCount[spec.kind];
  const count = rng.int(min, max);
  for (let i = 0; i < count; i++) {
    const daysAgo = rng.int(1, HISTORY_DAYS);
    const d = draft(rng, spec, 'closed', taken);
    if (!d) continue;
    // Tickets resolved in the last week are not closed yet.
    const state: TicketState = daysAgo <= 6 ? 'resolved' : 'closed';
    const anyTime = d.source === 'alert';
    out.push(
      ticketOf(d, {
        state,
        arrival: { daysAgo, minute: rng.int(0, anyTime ? 1439 : 569), anyTime },
        age: null,
        steps: historySteps(rng, d, state === 'closed'),
      }),
    );
  }
  for (const plan of openPlan.filter((p) => p.client === spec.name)) {
    const d = draft(rng, spec, plan.state, taken);
    if (!d) continue;
    const share = plan.share ?? defaultShare[plan.state]!;
    out.push(
      ticketOf(
        { ...d, assignee: plan.state === 'new' ? null : d.assignee },
        {
          state: plan.state,
          arrival: null,
          age: { of: plan.state === 'new' ? 'response' : 'resolution', share },
          steps: openSteps(rng, d, plan.state),
        },
      ),
    );
  }
  return out;
}

const portalClient = demoClients[0]!;
const portalFirst = split(portalClient.contacts[0]!.name).first;

/** Mail from senders Keel does not know: no client yet, so it waits in triage. */
export const triageTickets: readonly DemoTicket[] = [
  {
    from: 'd.kowalski@fastmail.example',
    subject: 'Quote for 15 laptops and Microsoft 365 set-up',
    body:
      'Hello,\n\nWe are opening a second office in January and need 15 laptops with Microsoft 365 set up, ' +
      'plus someone to look after them. Could you send us a quote?\n\nDorota Kowalski\nOffice manager',
    share: 0.4,
  },
  {
    from: 'info@pinewood-bakery.example',
    subject: 'Our website is down, can you help?',
    body:
      'Hi, a friend gave us your address. Our website shows an error since this morning and our web ' +
      'person is on holiday. Can you have a look? We are not clients yet.\n\nMaeve',
    share: 1.5,
  },
  {
    from: 'accounts@office-supplies-direct.example',
    subject: 'Statement of account, November',
    body: 'Dear customer,\n\nPlease find your statement of account attached. Kind regards, Accounts team',
    share: 3,
  },
  {
    from: `${portalFirst.toLowerCase()}.w@eir-mail.example`,
    subject: "Writing from my phone: can't sign in to the practice laptop",
    body:
      `Hi, it's ${portalFirst} from ${portalClient.name}, writing from my personal email because I can't ` +
      'sign in to my laptop at all this morning. It says the password is wrong.\n\nSent from my phone',
    share: 0.2,
  },
  {
    from: 'hello@harbourside-physio.example',
    subject: 'IT support for our new clinic',
    body:
      'Hello,\n\nWe are a physiotherapy clinic of eight people opening next month. Do you offer a monthly ' +
      'support plan, and what would it cost?\n\nRegards,\nTom Gallagher',
    share: 0.8,
  },
].map(
  (t): DemoTicket => ({
    client: null,
    contactEmail: null,
    requesterEmail: t.from,
    source: 'email',
    type: 'service_request',
    category: null,
    impact: 'low',
    urgency: 'medium',
    tags: [DEMO_TICKET_TAG],
    subject: t.subject,
    description: t.body,
    assignee: null,
    state: 'triage',
    arrival: null,
    age: { of: 'response', share: t.share },
    steps: [],
  }),
);

/** Every demo ticket: each client's, then the triage queue's. */
export const demoTickets: readonly DemoTicket[] = [...demoClients.flatMap(ticketsOf), ...triageTickets];

export const isOpen = (t: Pick<DemoTicket, 'state'>) => openStates.includes(t.state);

/** The business minutes after it came in at which each step happens, in order and apart. */
export function stepMinutes(
  ticket: Pick<DemoTicket, 'age' | 'steps'>,
  targets: { responseMinutes: number; resolutionMinutes: number },
): { age: number | null; steps: number[] } {
  const base = (o: Offset): number =>
    o.of === 'response'
      ? targets.responseMinutes
      : o.of === 'resolution'
        ? targets.resolutionMinutes
        : ticket.age
          ? base(ticket.age)
          : 0;
  const minutes = (o: Offset) => o.share * base(o) + (o.plus ?? 0);
  const gap = 3;
  const age = ticket.age ? Math.max(Math.round(minutes(ticket.age)), (ticket.steps.length + 1) * gap) : null;
  const steps: number[] = [];
  for (const s of ticket.steps) steps.push(Math.max(Math.round(minutes(s.at)), (steps.at(-1) ?? 0) + gap, 1));
  // An open ticket's steps all happened before now.
  if (age !== null) {
    const n = steps.length;
    for (let i = n - 1; i >= 0; i--) steps[i] = Math.min(steps[i]!, age - 1 - (n - 1 - i) * gap);
  }
  return { age, steps };
}
