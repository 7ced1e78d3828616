import type { Keel } from '../app.js';
import { type ClientKind, clientKinds } from '../domain/classification/classify.js';
import { criterionCodes } from '../domain/classification/facts.js';
import { formatMinor } from '../domain/classification/money.js';
import type { Client } from '../modules/clients/clients.service.js';
import { staffScope } from '../platform/auth/principal.js';
import { type Currency, kindLabels, type RelationshipKind } from './demo/agreements.js';
import { DEMO_NOTES_PREFIX, type DemoClientSpec, demoClients } from './demo/clients.js';
import {
  type AgreementTally,
  agreementsPending,
  catalogTotal,
  type DemoClientRef,
  ensureCatalog,
  seedAgreements,
} from './demo/seed-agreements.js';
import { type AlertTally, alertsPending, monitoringLines, seedAlerts } from './demo/seed-alerts.js';
import { type AssetTally, assetsPending, seedAssets } from './demo/seed-assets.js';
import { type BillingTally, billingPending, seedBilling } from './demo/seed-billing.js';
import { ensureSla, type SlaTally } from './demo/seed-sla.js';
import { seedTickets, type TicketTally, ticketCounts, ticketsPending } from './demo/seed-tickets.js';
import { seedTime, type TimeTally, timePending } from './demo/seed-time.js';
import { HISTORY_DAYS } from './demo/tickets.js';
import { timeAndBillingLines } from './demo/time-billing-summary.js';
import { demoMsp, demoPortalUser, demoStaff } from './demo/users.js';

const PAGE = 200;
const MAX_PAGES = 10_000; // a bound on every listing loop: 2 million rows

/** Every row of a cursor-paginated listing, archived ones included. */
async function listAll<T>(
  list: (q: { limit: number; cursor?: string; include_archived: true }) => Promise<{
    items: T[];
    nextCursor: string | null;
  }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await list({ limit: PAGE, cursor, include_archived: true });
    all.push(...res.items);
    if (!res.nextCursor) return all;
    cursor = res.nextCursor;
  }
  throw new Error('Too many rows to list.');
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const counted = (n: { sites: number; contacts: number }) =>
  `${plural(n.sites, 'site')}, ${plural(n.contacts, 'contact')}`;

/** Demo clients say so in their notes (staff-scoped reads carry notes). */
const isDemo = (c: Client) => (c.notes ?? '').startsWith(DEMO_NOTES_PREFIX);

const key = (text: string) => text.trim().toLowerCase();

type Tally = {
  clients: number;
  sites: number;
  contacts: number;
  users: number;
  sla: SlaTally;
  tickets: TicketTally;
  assets: AssetTally;
  alerts: AlertTally;
  time: TimeTally;
  billing: BillingTally;
} & AgreementTally;

/**
 * `keel seed --demo`: the demo MSP's clients, sites, contacts and users, its catalog, its SLA
 * calendars and policies, each client's agreements with their signatures, amendments and endings,
 * two months of helpdesk tickets with their replies, notes and status moves, and a year of time
 * entries, billing runs, invoices, credit notes and payments, written through the services (so
 * every row is validated and audited like any other). Deterministic and idempotent: what exists is
 * found by name (clients, sites, catalog items, SLA calendars and policies, a client's agreements),
 * email (contacts, users), client and subject (tickets), technician and start (time entries), client
 * and period (invoices) or client and reference (payments) and left alone, so a second run adds
 * nothing and a run that was interrupted is completed. Then each managed client's assets, and two
 * months of monitoring alerts with their rules, windows and availability (./demo/seed-alerts.ts).
 */
/**
 * How far a seed goes, each stage on top of the ones before it: the CLI seeds everything; a test
 * of an early stage stops there, since a full seed takes a minute or more on the embedded store.
 */
export const demoStages = ['agreements', 'tickets', 'billing', 'all'] as const;
export type DemoStage = (typeof demoStages)[number];

export async function seedDemo(
  keel: Keel,
  log: (line: string) => void,
  { upTo = 'all' }: { upTo?: DemoStage } = {},
): Promise<string> {
  const reaches = (stage: DemoStage) => demoStages.indexOf(upTo) >= demoStages.indexOf(stage);
  const clientsService = keel.clients.service;
  const identity = keel.identity.service;
  const created: Tally = {
    clients: 0,
    sites: 0,
    contacts: 0,
    users: 0,
    sla: { calendars: 0, policies: 0 },
    tickets: { tickets: 0, steps: 0, notices: 0 },
    assets: { assets: 0 },
    alerts: { notifications: 0, settings: 0 },
    time: { entries: 0, submitted: 0, approved: 0, rejected: 0, skipped: 0 },
    billing: { runs: 0, issued: 0, creditNotes: 0, payments: 0, problems: [] },
    catalog: 0,
    agreements: 0,
    amendments: 0,
    events: 0,
  };
  const notes: string[] = [];

  const existing = new Map<string, Client>();
  for (const c of await listAll((q) => clientsService.listClients(staffScope, q))) {
    // A live client wins over an archived one of the same name.
    if (!existing.has(key(c.name)) || !c.archived) existing.set(key(c.name), c);
  }
  const found = demoClients.filter((spec) => existing.has(key(spec.name)));
  const usersFound = await Promise.all(
    [...demoStaff, demoPortalUser].map(async (u) => (await identity.findUserByEmail(u.email)) !== null),
  );
  if (found.length === demoClients.length && usersFound.every(Boolean)) {
    // Live demo clients only: agreements are neither added to nor read for any other.
    const refs = found.flatMap((spec) => {
      const c = existing.get(key(spec.name))!;
      return isDemo(c) && !c.archived ? [{ spec, id: c.id }] : [];
    });
    const catalog = await ensureCatalog(keel, false);
    const sla = await ensureSla(keel, false);
    if (
      catalogTotal(catalog.missing) === 0 &&
      sla.missing.policies === 0 &&
      !(await agreementsPending(keel, refs)) &&
      !(reaches('tickets') && (await ticketsPending(keel, refs))) &&
      !(reaches('billing') && ((await timePending(keel, refs)) || (await billingPending(keel, refs)))) &&
      !(reaches('all') && ((await assetsPending(keel, refs)) || (await alertsPending(keel, refs))))
    ) {
      log(
        `Found "${demoClients[0]!.name}" and the other ${demoClients.length - 1} demo clients, ` +
          'their agreements, tickets, time, invoices, payments, assets, alerts and the demo users.',
      );
      return summary(keel, 'present', created, notes, refs, reaches);
    }
  }
  const foundDemo = found.filter((spec) => isDemo(existing.get(key(spec.name))!));
  if (foundDemo.length > 0) {
    log(
      `Demo data partly present (${foundDemo.length} of ${demoClients.length} clients): adding what is missing.`,
    );
  } else {
    log(`Seeding the demo MSP ${demoMsp.name}: ${demoClients.length} clients…`);
  }

  const ids = new Map<string, string>();
  const refs: DemoClientRef[] = [];
  for (const [i, spec] of demoClients.entries()) {
    const step = `[${String(i + 1).padStart(2)}/${demoClients.length}]`;
    const have = existing.get(key(spec.name));
    if (have && !isDemo(have)) {
      notes.push(`"${spec.name}" exists and is not demo data: left as it is.`);
      log(`${step} ${spec.name}: a client of that name exists and is not demo data; skipped`);
      continue;
    }
    if (have?.archived) {
      ids.set(spec.name, have.id);
      log(`${step} ${spec.name}: archived; left as it is`);
      continue;
    }
    const client = have ?? (await createClient(keel, spec));
    if (!have) created.clients++;
    ids.set(spec.name, client.id);
    refs.push({ spec, id: client.id });
    const added = await addSitesAndContacts(keel, client.id, spec, !have);
    created.sites += added.sites;
    created.contacts += added.contacts;
    log(
      `${step} ${spec.name} (${kindLabels[spec.kind]}): ` +
        (have
          ? `already there${added.sites + added.contacts ? `; added ${counted(added)}` : ''}`
          : counted(added)),
    );
  }

  for (const u of demoStaff) {
    if (await identity.findUserByEmail(u.email)) continue;
    await identity.createUser({ email: u.email, name: u.name, role: u.role, password: u.password });
    created.users++;
    log(`Created ${u.role} ${u.email}`);
  }
  const portalClientId = ids.get(demoPortalUser.clientName);
  if (!(await identity.findUserByEmail(demoPortalUser.email))) {
    if (portalClientId) {
      await identity.createUser({
        email: demoPortalUser.email,
        name: demoPortalUser.name,
        role: 'portal',
        password: demoPortalUser.password,
        clientId: portalClientId,
      });
      created.users++;
      log(`Created portal user ${demoPortalUser.email} (${demoPortalUser.clientName})`);
    } else {
      notes.push(`No portal user: the client "${demoPortalUser.clientName}" is not demo data here.`);
    }
  }

  const sla = await ensureSla(keel, true);
  created.sla = sla.missing;
  if (sla.missing.calendars + sla.missing.policies)
    log(
      `SLA: added ${plural(sla.missing.calendars, 'calendar')} and ` +
        `${plural(sla.missing.policies, 'policy', 'policies')} ` +
        `(business hours, extended, 24x7; ${demoMsp.timeZone}, Irish public holidays)`,
    );
  const slaIds = (tier: keyof typeof sla.ids) => sla.ids[tier];
  Object.assign(created, await seedAgreements(keel, refs, slaIds, log));
  if (reaches('tickets')) created.tickets = await seedTickets(keel, refs, slaIds, log);
  if (reaches('billing')) {
    created.time = await seedTime(keel, refs, log);
    created.billing = await seedBilling(keel, refs, log);
  }
  if (reaches('all')) {
    created.assets = await seedAssets(keel, refs, log);
    created.alerts = await seedAlerts(keel, refs, log);
  }
  return summary(keel, 'seeded', created, notes, refs, reaches);
}

function createClient(keel: Keel, spec: DemoClientSpec) {
  return keel.clients.service.createClient({
    name: spec.name,
    status: spec.status,
    timeZone: spec.timeZone,
    taxRateBp: spec.taxRateBp,
    billingAddress: spec.billingAddress,
    notes: spec.notes,
    profile: spec.profile,
  });
}

/** Creates the spec's sites and contacts that the client does not have yet (by site name, contact email). */
async function addSitesAndContacts(keel: Keel, clientId: string, spec: DemoClientSpec, isNew: boolean) {
  const service = keel.clients.service;
  const sites = new Map<string, string | null>();
  const emails = new Set<string>();
  if (!isNew) {
    // Archived ones count as present: someone removed them on purpose.
    for (const s of await listAll((q) => service.listSites(staffScope, clientId, q))) {
      if (!s.archived || !sites.has(key(s.name))) sites.set(key(s.name), s.archived ? null : s.id);
    }
    for (const c of await listAll((q) => service.listContacts(staffScope, clientId, q)))
      if (c.email) emails.add(key(c.email));
  }
  const added = { sites: 0, contacts: 0 };
  for (const s of spec.sites) {
    if (sites.has(key(s.name))) continue;
    const site = await service.createSite(staffScope, clientId, s);
    sites.set(key(s.name), site.id);
    added.sites++;
  }
  for (const c of spec.contacts) {
    if (emails.has(key(c.email))) continue;
    await service.createContact(staffScope, clientId, {
      name: c.name,
      email: c.email,
      phone: c.phone,
      role: c.role,
      siteId: sites.get(key(c.site)) ?? null,
      isBilling: c.isBilling,
      portalAccess: c.portalAccess,
    });
    added.contacts++;
  }
  return added;
}

const money = (minorUnits: number, currency: Currency) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(minorUnits / 100);

const currencyOrder: (Currency | null)[] = ['EUR', 'GBP', 'USD', 'CAD', null];

/** The demo's words for the kinds the classification rule decides. */
const label = (kind: ClientKind) => kindLabels[kind.replace('_', '-') as RelationshipKind];

/**
 * What was seeded, then the clients by kind as the classification service classifies them today
 * (the same figures as GET /api/v1/classification/summary, MRR kept apart per currency), the
 * contract criteria the agreements fail, and the demo sign-ins.
 */
async function summary(
  keel: Keel,
  outcome: 'seeded' | 'present',
  created: Tally,
  notes: string[],
  refs: readonly DemoClientRef[],
  reaches: (stage: DemoStage) => boolean,
): Promise<string> {
  const out: string[] = [];
  if (outcome === 'present') {
    out.push('Demo data already present: nothing was added.');
  } else {
    const sites = demoClients.reduce((n, c) => n + c.sites.length, 0);
    const contacts = demoClients.reduce((n, c) => n + c.contacts.length, 0);
    const agreements = demoClients.reduce((n, c) => n + c.intendedAgreements.length, 0);
    out.push(
      `Demo MSP ${demoMsp.name}: ${demoClients.length} clients, ${sites} sites, ${contacts} contacts, ` +
        `${agreements} agreements (created now: ${created.clients} clients, ${created.sites} sites, ` +
        `${created.contacts} contacts, ${created.users} users, ${created.catalog} catalog items, ` +
        `${created.agreements} agreements, ${created.amendments} amendments, ` +
        `${created.events} signatures and endings, ` +
        `${created.sla.calendars + created.sla.policies} SLA calendars and policies).`,
    );
  }

  const result = await keel.agreements.classification.summary();
  const currencyOf = new Map(refs.map((r) => [r.id, r.spec.currency]));
  out.push(
    '',
    `Clients by relationship, classified from their agreements on ${result.asOf} ` +
      '(GET /api/v1/classification/summary):',
  );
  for (const kind of clientKinds) {
    const ofKind = result.clients.filter((c) => c.kind === kind);
    // Keel keeps no currency with money yet; the demo knows each of its clients' currencies.
    const mrr = new Map<Currency | null, number>();
    for (const c of ofKind) {
      const currency = currencyOf.get(c.clientId) ?? null;
      mrr.set(currency, (mrr.get(currency) ?? 0) + c.mrr);
    }
    const mrrText = [...mrr]
      .filter(([, v]) => v > 0)
      .sort(([a], [b]) => currencyOrder.indexOf(a) - currencyOrder.indexOf(b))
      .map(([currency, v]) => (currency ? money(v, currency) : `${formatMinor(v)} (other clients)`))
      .join(' + ');
    const near = result.byKind[kind].failingOne;
    out.push(
      `  ${label(kind).padEnd(25)} ${String(ofKind.length).padStart(3)}` +
        (mrrText ? `   MRR ${mrrText}` : '') +
        (near && kind !== 'contract' ? `   (${near} failing one criterion)` : ''),
    );
  }
  const failing = criterionCodes.map((code) => {
    const n = result.clients.filter((c) =>
      c.failing.some((f) => f.code === code && f.message !== 'no agreement'),
    ).length;
    return `${code} ${n}`;
  });
  out.push(`Contract criteria failed by the deciding agreement, clients: ${failing.join(', ')}.`);

  if (reaches('tickets')) out.push(...(await ticketLines(keel, outcome, created)));
  if (reaches('billing')) {
    const history = await timeAndBillingLines(keel, refs, outcome === 'seeded' ? created : null);
    out.push('', ...history.lines);
    notes.push(...history.notes);
  }
  if (reaches('all')) out.push(...(await monitoringLines(keel, refs, outcome === 'seeded' ? created : null)));
  const kindOf = new Map(result.clients.map((c) => [c.clientId, c.kind]));
  for (const r of refs) {
    const kind = kindOf.get(r.id);
    if (kind && label(kind) !== kindLabels[r.spec.kind]) {
      notes.push(
        `"${r.spec.name}" is classified ${label(kind)}; the demo meant a ${kindLabels[r.spec.kind]}.`,
      );
    }
  }

  out.push('', 'Demo sign-ins (public passwords: never seed demo data on an instance with real clients):');
  const rows = [
    ...demoStaff.map((u) => [u.role, u.email, u.password, '']),
    ['portal', demoPortalUser.email, demoPortalUser.password, `(${demoPortalUser.clientName})`],
  ];
  const w = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
  for (const r of rows)
    out.push(`  ${r[0]!.padEnd(w(0))}  ${r[1]!.padEnd(w(1))}  ${r[2]!.padEnd(w(2))}  ${r[3]}`.trimEnd());
  if (notes.length) out.push('', ...notes);
  return out.join('\n');
}

async function ticketLines(keel: Keel, outcome: 'seeded' | 'present', created: Tally): Promise<string[]> {
  const out: string[] = [];
  const t = await ticketCounts(keel);
  out.push(
    '',
    `Tickets (the queue: GET /api/v1/tickets): ${t.total} demo tickets over the last ${HISTORY_DAYS} days; ` +
      `${t.open} open (${t.breached} breached, ${t.paused} paused, ${t.triage} in triage), ` +
      `${t.resolved} resolved (${t.closed} of them closed).`,
  );
  if (outcome === 'seeded' && created.tickets.tickets + created.tickets.steps)
    out.push(
      `Created now: ${plural(created.tickets.tickets, 'ticket')} and ` +
        `${created.tickets.steps} replies, notes and status moves; the SLA sweep recorded ` +
        `${plural(created.tickets.notices, 'warning or breach', 'warnings and breaches')}.`,
    );
  return out;
}
