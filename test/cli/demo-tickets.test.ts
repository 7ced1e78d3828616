import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { agreementBody } from '../../src/cli/demo/agreement-bodies.js';
import { demoClients } from '../../src/cli/demo/clients.js';
import { easterSunday, irishPublicHolidays } from '../../src/cli/demo/holidays.js';
import {
  calendarBody,
  demoSlaPolicies,
  legacySlaPolicyIds,
  policyBody,
  slaTiers,
} from '../../src/cli/demo/sla.js';
import { templates } from '../../src/cli/demo/ticket-templates.js';
import {
  DEMO_TICKET_TAG,
  demoTickets,
  isOpen,
  openPlan,
  stepMinutes,
  ticketStates,
  ticketsOf,
} from '../../src/cli/demo/tickets.js';
import { demoStaff } from '../../src/cli/demo/users.js';
import { seedDemo as seedDemoUpTo } from '../../src/cli/seed-demo.js';
import { createCalendar } from '../../src/domain/calendar/index.js';
import { CalendarBody, PolicyBody } from '../../src/modules/sla/sla.schemas.js';
import { CreateTicketBody, ReplyBody } from '../../src/modules/tickets/tickets.schemas.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { useTestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';

// The stages after this file's subject are left out: a full seed takes a minute or more.
const seedDemo = (keel: Parameters<typeof seedDemoUpTo>[0], log: (line: string) => void) =>
  seedDemoUpTo(keel, log, { upTo: 'tickets' });

const builtInCategories = [
  'monitoring',
  'patching',
  'backup',
  'helpdesk',
  'security',
  'email',
  'network',
  'vcio',
  'licences',
];
const kindOf = new Map(demoClients.map((c) => [c.name, c.kind]));
const specOf = new Map(demoClients.map((c) => [c.name, c]));
const of = (kind: string) => demoTickets.filter((t) => t.client && kindOf.get(t.client) === kind);
const perClient = (kind: string) => of(kind).length / demoClients.filter((c) => c.kind === kind).length;

describe('demo SLA calendars and policies', () => {
  it('are accepted by the SLA API, in the MSP’s zone, closed on Irish public holidays', () => {
    const today = new Date('2026-11-23T12:00:00Z');
    for (const key of ['business', 'extended', '24x7'] as const) {
      const body = CalendarBody.parse(calendarBody(key, today));
      expect(body.timezone).toBe('Europe/Dublin');
      expect(() =>
        createCalendar({
          timeZone: body.timezone,
          ...(body.always ? { always: true } : { businessHours: body.hours, holidays: body.holidays }),
        }),
      ).not.toThrow();
    }
    const extended = calendarBody('extended', today);
    expect(Object.keys(extended.hours).sort()).toEqual(['fri', 'mon', 'sat', 'thu', 'tue', 'wed']);
    expect(extended.hours.sat).toEqual([['07:00', '20:00']]);
    // This year's and the coming year's holidays.
    expect(extended.holidays).toContain('2026-12-25');
    expect(extended.holidays).toContain('2027-03-17');
    expect(calendarBody('24x7', today).always).toBe(true);
    for (const tier of slaTiers) {
      const body = PolicyBody.parse(policyBody(tier, '019a0000-0000-7000-8000-000000000001'));
      for (const t of Object.values(body.targets))
        expect(t.resolutionMinutes).toBeGreaterThanOrEqual(t.responseMinutes);
    }
  });

  it('computes Irish public holidays, weekend ones observed on the next free weekday', () => {
    expect(['2024', '2025', '2026', '2027'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
    expect(irishPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-17',
      '2026-04-06',
      '2026-05-04',
      '2026-06-01',
      '2026-08-03',
      '2026-10-26',
      '2026-12-25',
      '2026-12-28',
    ]);
    // Christmas on a Saturday, St Stephen's Day on the Sunday; St Brigid's Day on Monday 1 February.
    const y2027 = irishPublicHolidays(2027);
    expect(y2027).toContain('2027-02-01');
    expect(y2027).toContain('2027-03-29');
    expect(y2027.slice(-2)).toEqual(['2027-12-27', '2027-12-28']);
    // 1 February on a Friday is the day itself.
    expect(irishPublicHolidays(2030)).toContain('2030-02-01');
  });

  it('names the tier’s SLA policy in every agreement body that has an SLA', () => {
    const spec = demoClients.find((c) => c.intendedAgreements.some((a) => a.slaTier))!;
    const a = spec.intendedAgreements.find((x) => x.slaTier)!;
    const id = '019a0000-0000-7000-8000-000000000099';
    const body = agreementBody(
      spec,
      a,
      id,
      () => id,
      (tier) => (tier === a.slaTier ? id : null),
    );
    expect(body.slaPolicyId).toBe(id);
    expect(body.notes).toContain(demoSlaPolicies[a.slaTier!].name);
    expect(() =>
      agreementBody(
        spec,
        a,
        id,
        () => id,
        () => null,
      ),
    ).toThrow(/SLA policy/);
  });
});

describe('demo tickets', () => {
  it('number a few hundred: most for contract clients, some for break-fix and hybrid, none for prospects', () => {
    expect(demoTickets.length).toBeGreaterThanOrEqual(200);
    expect(demoTickets.length).toBeLessThanOrEqual(400);
    for (const c of demoClients) {
      const n = demoTickets.filter((t) => t.client === c.name).length;
      if (c.kind === 'prospect') expect(n, c.name).toBe(0);
      else expect(n, c.name).toBeGreaterThan(0);
    }
    expect(perClient('contract')).toBeGreaterThan(2 * perClient('break-fix'));
    expect(perClient('contract')).toBeGreaterThan(perClient('hybrid'));
    expect(of('hybrid').length).toBeGreaterThan(0);
    expect(of('break-fix').length).toBeGreaterThan(0);
  });

  it('are what the tickets API takes: valid bodies, known categories, contacts and technicians of the demo', () => {
    const staff = new Set(demoStaff.filter((u) => u.role !== 'billing').map((u) => u.email));
    const keys = new Set<string>();
    for (const t of demoTickets) {
      const what = `${t.client ?? t.requesterEmail}: ${t.subject}`;
      expect(t.tags, what).toContain(DEMO_TICKET_TAG);
      expect(() =>
        CreateTicketBody.parse({
          requesterEmail: t.requesterEmail,
          source: t.source,
          type: t.type,
          category: t.category,
          impact: t.impact,
          urgency: t.urgency,
          tags: t.tags,
          subject: t.subject,
          description: t.description,
        }),
      ).not.toThrow();
      if (t.category) expect(builtInCategories, what).toContain(t.category);
      if (t.assignee) expect(staff.has(t.assignee), what).toBe(true);
      const key = `${t.client ?? t.requesterEmail}|${t.subject.toLowerCase()}`;
      expect(keys.has(key), `duplicate ${key}`).toBe(false);
      keys.add(key);
      if (t.client === null) {
        expect(t.state).toBe('triage');
        expect(t.requesterEmail).toMatch(/@[\w.-]+\.example$/);
        // An unknown sender: nobody Keel has as a contact.
        expect(demoClients.some((c) => c.contacts.some((p) => p.email === t.requesterEmail))).toBe(false);
      } else {
        const spec = specOf.get(t.client)!;
        if (t.source === 'alert') expect(t.contactEmail).toBeNull();
        else
          expect(
            spec.contacts.map((p) => p.email),
            what,
          ).toContain(t.contactEmail);
        if (t.source === 'portal')
          expect(spec.contacts.find((p) => p.email === t.contactEmail)?.portalAccess, what).toBe(true);
      }
      for (const step of t.steps)
        if (step.message)
          expect(() => ReplyBody.parse({ ...step.message, status: step.status ?? undefined })).not.toThrow();
    }
    expect(new Set(demoTickets.map((t) => t.source))).toEqual(new Set(['email', 'phone', 'portal', 'alert']));
    expect(new Set(demoTickets.map((t) => t.category))).toEqual(
      new Set([...new Set(templates.map((x) => x.category)), null]),
    );
  });

  it('move through the default workflow: answered, paused on the client or a vendor, resolved, closed', () => {
    const next: Record<string, string[]> = {
      new: ['open', 'in_progress', 'waiting_client', 'waiting_vendor', 'resolved', 'closed'],
      open: ['in_progress', 'waiting_client', 'waiting_vendor', 'resolved', 'closed'],
      in_progress: ['open', 'waiting_client', 'waiting_vendor', 'resolved', 'closed'],
      waiting_client: ['open', 'in_progress', 'waiting_vendor', 'resolved', 'closed'],
      waiting_vendor: ['open', 'in_progress', 'waiting_client', 'resolved', 'closed'],
      resolved: ['open', 'in_progress', 'closed'],
      closed: ['open'],
    };
    const final: Record<string, string[]> = {
      closed: ['closed'],
      resolved: ['resolved'],
      healthy: ['in_progress'],
      'near-breach': ['in_progress'],
      breached: ['in_progress'],
      paused: ['waiting_client'],
      vendor: ['waiting_vendor'],
      new: ['new'],
      triage: ['new'],
    };
    for (const t of demoTickets) {
      let status = 'new';
      for (const step of t.steps) {
        expect(step.message !== null || step.status !== null).toBe(true);
        if (!step.status) continue;
        expect(next[status], `${t.subject}: ${status} → ${step.status}`).toContain(step.status);
        status = step.status;
      }
      expect(final[t.state], `${t.subject}`).toContain(status);
      if (t.steps.length) expect(t.assignee, t.subject).not.toBeNull();
    }
    const states = new Set(demoTickets.map((t) => t.state));
    expect([...states].sort()).toEqual([...ticketStates].sort());
    expect(demoTickets.filter(isOpen).length).toBeLessThan(demoTickets.length / 5);
    expect(demoTickets.some((t) => t.steps.some((s) => s.status === 'waiting_client'))).toBe(true);
    expect(demoTickets.some((t) => t.steps.some((s) => s.message && !s.message.public))).toBe(true);
    expect(demoTickets.some((t) => t.steps.some((s) => s.by === 'requester'))).toBe(true);
  });

  it('time every step after the one before it, and an open ticket’s before now', () => {
    const targets = { responseMinutes: 60, resolutionMinutes: 480 };
    for (const t of demoTickets) {
      const { age, steps } = stepMinutes(t, targets);
      for (const [i, m] of steps.entries()) {
        expect(m, t.subject).toBeGreaterThan(i === 0 ? 0 : steps[i - 1]!);
      }
      if (isOpen(t)) {
        expect(age, t.subject).not.toBeNull();
        for (const m of steps) expect(m, t.subject).toBeLessThan(age!);
      } else expect(t.arrival, t.subject).not.toBeNull();
    }
  });

  it('is deterministic, and every planned open ticket is there', () => {
    const spec = demoClients.find((c) => c.kind === 'contract')!;
    expect(ticketsOf(spec)).toEqual(ticketsOf(spec));
    for (const p of openPlan) {
      expect(kindOf.get(p.client), p.client).toBeDefined();
      expect(kindOf.get(p.client), p.client).not.toBe('prospect');
      expect(
        demoTickets.some((t) => t.client === p.client && t.state === p.state),
        `${p.client} ${p.state}`,
      ).toBe(true);
    }
  });
});

type Ticket = Awaited<ReturnType<App['keel']['tickets']['service']['get']>>;

async function allTickets(app: App) {
  const out: Awaited<ReturnType<App['keel']['tickets']['service']['list']>>['items'] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await app.keel.tickets.service.list(
      staffScope,
      { limit: 200, cursor, include_resolved: true },
      null,
    );
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

async function clientIds(app: App) {
  const page = await app.keel.clients.service.listClients(staffScope, { limit: 200 });
  return new Map(page.items.map((c) => [c.name, c.id]));
}

/** Every demo ticket once, with every step the plan gives it (alerts open tickets of their own). */
async function expectTicketsAsPlanned(app: App) {
  const stored = (await allTickets(app)).filter((t) => t.tags.includes(DEMO_TICKET_TAG));
  const ids = await clientIds(app);
  const key = (owner: string | null, subject: string) => `${owner}|${subject}`;
  const byKey = new Map<string, (typeof stored)[number][]>();
  for (const t of stored) {
    const k = key(t.clientId ?? t.requesterEmail, t.subject);
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  expect(stored.length).toBe(demoTickets.length);
  for (const t of demoTickets) {
    const found = byKey.get(key(t.client ? ids.get(t.client)! : t.requesterEmail, t.subject));
    expect(found, t.subject).toHaveLength(1);
    const history = await app.keel.tickets.service.history(staffScope, found![0]!.id);
    const steps = new Set(history.filter((e) => ['reply', 'status'].includes(e.kind)).map((e) => e.at));
    expect(steps.size, t.subject).toBe(t.steps.length);
    expect(found![0]!.status === 'closed', t.subject).toBe(t.state === 'closed');
  }
}

describe.each(storeKinds)('seedDemo tickets on %s', (kind) => {
  const app = useTestApp(kind);
  let summary = '';
  const audited = async () =>
    (await app.current.store.executeSql('select count(*)::int as n from audit_log')).rows[0].n as number;

  it('seeds the demo tickets, each with its history, and says so', async () => {
    summary = await seedDemo(app.current.keel, () => {});
    const open = demoTickets.filter(isOpen).length;
    expect(summary).toContain(`: ${demoTickets.length} demo tickets over the last 60 days; ${open} open (`);
    expect(summary).toMatch(/open \([1-9]\d* breached, [1-9]\d* paused, 5 in triage\), \d+ resolved/);
    expect(summary).toMatch(/Created now: \d+ tickets and \d+ replies, notes and status moves/);
    await expectTicketsAsPlanned(app.current);
  }, 240_000);

  it('points the demo agreements at SLA policies that exist, one per tier', async () => {
    const policies = await app.current.keel.sla.service.listPolicies();
    const byId = new Map(policies.map((p) => [p.id, p]));
    for (const tier of slaTiers)
      expect(policies.filter((p) => p.name === demoSlaPolicies[tier].name)).toHaveLength(1);
    const ids = await clientIds(app.current);
    const agreements = await app.current.keel.agreements.service.list(staffScope, {});
    for (const spec of demoClients) {
      for (const a of spec.intendedAgreements) {
        const stored = agreements.find((x) => x.clientId === ids.get(spec.name) && x.name === a.name)!;
        const what = `${spec.name}: ${a.name}`;
        if (!a.slaTier) expect(stored.slaPolicyId, what).toBeNull();
        else expect(byId.get(stored.slaPolicyId!)?.name, what).toBe(demoSlaPolicies[a.slaTier].name);
      }
    }
    const calendars = await app.current.keel.sla.service.listCalendars();
    const named = agreements.find((a) => a.slaPolicyId)!;
    const calendar = calendars.find((c) => c.id === byId.get(named.slaPolicyId!)!.calendarId);
    expect(calendar?.timezone).toBe('Europe/Dublin');
  }, 60_000);

  it('gives contract clients tickets and prospects none; a triage queue; clocks running, paused and breached', async () => {
    const service = app.current.keel.tickets.service;
    const stored = await allTickets(app.current);
    const ids = await clientIds(app.current);
    for (const c of demoClients) {
      const n = stored.filter((t) => t.clientId === ids.get(c.name)).length;
      if (c.kind === 'contract') expect(n, c.name).toBeGreaterThanOrEqual(10);
      if (c.kind === 'prospect') expect(n, c.name).toBe(0);
    }
    const open = stored.filter((t) => t.resolvedAt === null);
    const triage = open.filter((t) => t.clientId === null);
    expect(triage.length).toBeGreaterThanOrEqual(1);
    for (const t of triage) expect(t.queue).toBe('triage');
    expect(stored.some((t) => t.queue === 'alerts')).toBe(true);

    const withClocks: Ticket[] = [];
    for (const t of open) withClocks.push(await service.get(staffScope, t.id));
    const has = (state: string) => withClocks.filter((t) => t.sla.clocks.some((c) => c.state === state));
    expect(has('running').length).toBeGreaterThanOrEqual(1);
    expect(has('paused').length).toBeGreaterThanOrEqual(1);
    expect(has('breached').length).toBeGreaterThanOrEqual(1);
    for (const t of has('paused')) expect(['waiting_client', 'waiting_vendor']).toContain(t.status);
    // Best effort (break-fix) shows as such: no clock.
    expect(withClocks.some((t) => t.clientId !== null && t.sla.bestEffort && !t.sla.clocks.length)).toBe(
      true,
    );

    // The sweep recorded the breaches and the warnings of tickets near their target.
    const notices = new Set<string>();
    for (const t of withClocks)
      for (const e of await service.history(staffScope, t.id))
        if (e.kind.startsWith('sla_')) notices.add(e.kind);
    expect([...notices].sort()).toEqual(['sla_breached', 'sla_warning']);
    // Resolved tickets have met and missed targets, as a helpdesk does.
    const resolved = stored.filter((t) => t.resolvedAt !== null).slice(0, 60);
    const clocks = (await Promise.all(resolved.map((t) => service.get(staffScope, t.id)))).flatMap(
      (t) => t.sla.clocks,
    );
    expect(clocks.some((c) => c.state === 'met')).toBe(true);
  }, 120_000);

  it('adds no ticket the second time, and writes nothing', async () => {
    const before = { audit: await audited(), tickets: (await allTickets(app.current)).length };
    const again = await seedDemo(app.current.keel, () => {});
    expect(again).toMatch(/demo data already present/i);
    expect(again).toMatch(/Tickets .*: \d+ demo tickets/);
    expect((await allTickets(app.current)).length).toBe(before.tickets);
    expect(await audited()).toBe(before.audit);
  }, 60_000);
});

describe.each(storeKinds)('seedDemo over an older demo on %s', (kind) => {
  const app = useTestApp(kind);

  it('points an agreement still naming a fixed SLA id of the days before SLA policies at its tier’s policy', async () => {
    const keel = app.current.keel;
    await seedDemo(keel, () => {});
    const spec = demoClients.find((c) =>
      c.intendedAgreements.some((a) => a.slaTier === 'business-hours' && a.status === 'active' && !a.ending),
    )!;
    const intended = spec.intendedAgreements.find(
      (a) => a.slaTier === 'business-hours' && a.status === 'active' && !a.ending,
    )!;
    const clientId = (await clientIds(app.current)).get(spec.name)!;
    const [stored] = (await keel.agreements.service.list(staffScope, { client_id: clientId })).filter(
      (a) => a.name === intended.name,
    );
    // As an older seed left it, before Keel had SLA policies (the API no longer takes such an id).
    await app.current.store.executeSql('update agreements set sla_policy_id = $1 where id = $2', [
      legacySlaPolicyIds['business-hours'],
      stored!.id,
    ]);

    const lines: string[] = [];
    const summary = await seedDemo(keel, (line) => void lines.push(line));
    expect(lines[0]).toMatch(/partly present/);
    expect(lines.some((l) => l.includes(`${intended.name} (SLA policy)`))).toBe(true);
    expect(summary).toMatch(
      /created now: 0 clients, .* 0 agreements, 0 amendments, 0 signatures and endings/,
    );
    const after = await keel.agreements.service.get(staffScope, stored!.id);
    expect(after.slaPolicyId).toBe(stored!.slaPolicyId);
    expect(await seedDemo(keel, () => {})).toMatch(/demo data already present/i);
  }, 240_000);
});

describe.each(storeKinds)('seedDemo cut off among the tickets on %s', (kind) => {
  const app = useTestApp(kind);

  it('completes tickets left without their replies, without duplicates', async () => {
    const keel = app.current.keel;
    const svc = keel.tickets.service;
    let calls = 0;
    const reply = function (this: unknown, ...args: Parameters<typeof svc.reply>) {
      if (++calls > 150) throw new Error('power cut');
      return svc.reply.apply(this, args);
    } as typeof svc.reply;
    const crashing = { ...keel, tickets: { ...keel.tickets, service: { ...svc, reply } } };
    await expect(seedDemo(crashing, () => {})).rejects.toThrow('power cut');
    expect((await allTickets(app.current)).length).toBe(demoTickets.length);

    const lines: string[] = [];
    const summary = await seedDemo(keel, (line) => void lines.push(line));
    expect(lines[0]).toMatch(/partly present/);
    expect(summary).toMatch(/Created now: 0 tickets and \d+ replies/);
    await expectTicketsAsPlanned(app.current);
    expect(await seedDemo(keel, () => {})).toMatch(/demo data already present/i);
  }, 300_000);
});
