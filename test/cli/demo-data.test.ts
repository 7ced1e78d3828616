import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  activateBody,
  agreementBody,
  amendmentBody,
  apiKinds,
  lineHistory,
  unitOf,
} from '../../src/cli/demo/agreement-bodies.js';
import {
  fullManagedStack,
  type IntendedAgreement,
  minor,
  type RelationshipKind,
  relationshipKinds,
} from '../../src/cli/demo/agreements.js';
import {
  catalogItem,
  categoryOf,
  demoPlans,
  demoProducts,
  demoServices,
  demoWorkTypes,
} from '../../src/cli/demo/catalog.js';
import { demoClients } from '../../src/cli/demo/clients.js';
import { seededRng } from '../../src/cli/demo/random.js';
import { slaTiers } from '../../src/cli/demo/sla.js';
import { demoPortalUser, demoStaff } from '../../src/cli/demo/users.js';
import { seedDemo as seedDemoUpTo } from '../../src/cli/seed-demo.js';
import { type ClientKind, clientKinds } from '../../src/domain/classification/classify.js';
import { criterionCodes } from '../../src/domain/classification/facts.js';
import { today } from '../../src/modules/agreements/agreements.service.js';
import {
  PlanBody,
  ProductBody,
  ServiceBody,
  WorkTypeBody,
} from '../../src/modules/catalog/catalog.schemas.js';
import {
  CreateClientBody,
  CreateContactBody,
  CreateSiteBody,
} from '../../src/modules/clients/clients.schemas.js';
import { Email, Password } from '../../src/modules/identity/identity.schemas.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { useTestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';

// The stages after this file's subject are left out: a full seed takes a minute or more.
const seedDemo = (keel: Parameters<typeof seedDemoUpTo>[0], log: (line: string) => void) =>
  seedDemoUpTo(keel, log, { upTo: 'agreements' });

/** In force today, as the data means it: signed and active, not a proposal, not ended. */
const current = (a: IntendedAgreement) => a.status === 'active' && a.ending === null;
const statusOf = (a: IntendedAgreement) => a.ending?.status ?? a.status;
const kindOf = (kind: RelationshipKind) => kind.replace('-', '_') as ClientKind;
const fakeId = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The demo data set is the agreements issue's input: its facts must agree with business rule 1. */
describe('demo data set', () => {
  const full = new Set(fullManagedStack);
  const of = (kind: string) => demoClients.filter((c) => c.kind === kind);

  it('has about forty clients of every kind, with unique names', () => {
    expect(demoClients.length).toBeGreaterThanOrEqual(35);
    expect(demoClients.length).toBeLessThanOrEqual(45);
    for (const kind of relationshipKinds) expect(of(kind).length, kind).toBeGreaterThanOrEqual(3);
    expect(new Set(demoClients.map((c) => c.name.toLowerCase())).size).toBe(demoClients.length);
  });

  it('passes the same validation as the API, mostly in Europe/* and America/*', () => {
    for (const c of demoClients) {
      expect(() =>
        CreateClientBody.parse({
          name: c.name,
          status: c.status,
          timeZone: c.timeZone,
          taxRateBp: c.taxRateBp,
          billingAddress: c.billingAddress,
          notes: c.notes,
          profile: c.profile,
        }),
      ).not.toThrow();
      for (const s of c.sites) expect(() => CreateSiteBody.parse(s), `${c.name} ${s.name}`).not.toThrow();
      for (const p of c.contacts) {
        const { site: _site, ...contact } = p;
        expect(() => CreateContactBody.parse(contact), `${c.name} ${p.email}`).not.toThrow();
      }
      expect(c.timeZone).toMatch(/^(Europe|America)\//);
      expect(Number.isInteger(c.taxRateBp)).toBe(true);
      expect(c.billingAddress.country).toMatch(/^[A-Z]{2}$/);
      expect(c.notes).toMatch(/^Demo: .+ — /);
    }
  });

  it('has 1–4 sites and 2–8 contacts each: one billing contact, contacts at their own sites', () => {
    for (const c of demoClients) {
      expect(c.sites.length, c.name).toBeGreaterThanOrEqual(1);
      expect(c.sites.length, c.name).toBeLessThanOrEqual(4);
      expect(c.profile.sites, c.name).toBe(c.sites.length);
      expect(c.contacts.length, c.name).toBeGreaterThanOrEqual(2);
      expect(c.contacts.length, c.name).toBeLessThanOrEqual(8);
      expect(
        c.contacts.filter((p) => p.isBilling),
        c.name,
      ).toHaveLength(1);
      expect(new Set(c.contacts.map((p) => p.email)).size, c.name).toBe(c.contacts.length);
      const siteNames = new Set(c.sites.map((s) => s.name));
      expect(siteNames.size, c.name).toBe(c.sites.length);
      for (const p of c.contacts) expect(siteNames.has(p.site), `${c.name} ${p.name}`).toBe(true);
    }
    expect(demoClients.some((c) => c.contacts.some((p) => p.portalAccess))).toBe(true);
    for (const c of [...of('break-fix'), ...of('prospect')])
      expect(c.contacts.some((p) => p.portalAccess)).toBe(false);
  });

  it('gives each kind the agreements and profile that make it that kind', () => {
    for (const c of demoClients) {
      for (const a of c.intendedAgreements) {
        expect(a.mrrMinor).toBe(a.lines.reduce((n, l) => n + l.quantity * l.unitPriceMinor, 0));
        expect(Number.isInteger(a.mrrMinor)).toBe(true);
        expect(a.sla).toBe(a.slaTier !== null);
      }
      const recurring = c.intendedAgreements.filter((a) => current(a) && a.mrrMinor > 0);
      const covers = (a: (typeof recurring)[number]) => [...full].every((s) => a.services.includes(s));
      const isContract = (a: (typeof recurring)[number]) =>
        covers(a) && a.sla && a.termMonths >= 12 && a.mrrMinor >= minor(2000) && a.signedOn !== null;
      switch (c.kind) {
        case 'contract':
          expect(recurring.some(isContract), c.name).toBe(true);
          expect(
            c.intendedAgreements.some((a) => a.kind === 'time-and-materials'),
            c.name,
          ).toBe(false);
          expect(c.profile.users, c.name).toBeGreaterThanOrEqual(10);
          break;
        case 'single-service':
          expect(recurring.length, c.name).toBeGreaterThan(0);
          expect(recurring.some(isContract), c.name).toBe(false);
          expect(
            recurring.every((a) => a.kind === 'managed-services'),
            c.name,
          ).toBe(true);
          break;
        case 'subscription':
          expect(recurring.length, c.name).toBeGreaterThan(0);
          for (const a of recurring) {
            expect(a.kind).toBe('subscription');
            expect(a.services.some((s) => ['monitoring', 'patching', 'helpdesk'].includes(s))).toBe(false);
          }
          break;
        case 'reseller':
          expect(recurring.length, c.name).toBeGreaterThan(0);
          expect(
            recurring.every((a) => a.kind === 'licence-resale'),
            c.name,
          ).toBe(true);
          break;
        case 'break-fix':
          expect(recurring, c.name).toHaveLength(0);
          expect(c.intendedAgreements.filter(current).length, c.name).toBeGreaterThan(0);
          expect(c.profile.users, c.name).toBeLessThanOrEqual(15);
          break;
        case 'hybrid':
          expect(
            recurring.some((a) => a.kind === 'managed-services' && a.sla),
            c.name,
          ).toBe(true);
          expect(
            c.intendedAgreements.some((a) => a.kind === 'time-and-materials'),
            c.name,
          ).toBe(true);
          expect(
            recurring.some((a) => a.kind === 'managed-services' && a.coverage),
            c.name,
          ).toBe(true);
          break;
        case 'prospect':
          expect(c.intendedAgreements, c.name).toHaveLength(0);
          expect(c.profile.users, c.name).toBeLessThanOrEqual(10);
          break;
      }
    }
    const avgUsers = (kind: string) => of(kind).reduce((n, c) => n + c.profile.users, 0) / of(kind).length;
    expect(avgUsers('contract')).toBeGreaterThan(2 * avgUsers('break-fix'));
    expect(avgUsers('contract')).toBeGreaterThan(2 * avgUsers('prospect'));
  });

  it('has a catalog the API accepts, and every line sells an item of it in a unit it is sold in', () => {
    const names = [...demoServices, ...demoPlans, ...demoProducts].map((i) => i.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const x of demoServices) expect(() => ServiceBody.parse(x), x.name).not.toThrow();
    for (const x of demoPlans) {
      const { services, ...plan } = x;
      expect(() => PlanBody.parse({ ...plan, serviceIds: services.map((_, i) => fakeId(i)) })).not.toThrow();
      for (const name of services) expect(catalogItem(name).type, `${x.name}: ${name}`).toBe('service');
    }
    for (const x of demoProducts) expect(() => ProductBody.parse(x), x.name).not.toThrow();
    for (const x of demoWorkTypes) expect(() => WorkTypeBody.parse(x), x.code).not.toThrow();
    for (const c of demoClients) {
      for (const a of c.intendedAgreements) {
        for (const l of a.lines)
          expect(unitOf(l), `${c.name}: ${l.description}`).toBe(catalogItem(l.item).unit);
        // What the agreement says it covers is what its lines sell.
        const sold = new Set(a.lines.flatMap((l) => catalogItem(l.item).categories));
        const said = new Set(a.services.map((s) => categoryOf[s]).filter((s) => s !== null));
        if (a.lines.length) expect([...sold].sort(), `${c.name}: ${a.name}`).toEqual([...said].sort());
      }
    }
  });

  it('maps every intended agreement onto bodies the agreements API accepts', () => {
    const names = [...demoServices, ...demoPlans, ...demoProducts].map((i) => i.name);
    const ids = (name: string) => fakeId(names.indexOf(name));
    let amendments = 0;
    for (const c of demoClients) {
      const agreementNames = c.intendedAgreements.map((a) => a.name.toLowerCase());
      expect(new Set(agreementNames).size, c.name).toBe(agreementNames.length);
      for (const a of c.intendedAgreements) {
        const what = `${c.name}: ${a.name}`;
        const body = agreementBody(c, a, fakeId(0), ids, (tier) => fakeId(500 + slaTiers.indexOf(tier)));
        expect(body.kind, what).toBe(apiKinds[a.kind]);
        expect(body.lines.filter((l) => !l.recurring).length, what).toBe(a.lines.length ? 0 : 1);
        expect(body.slaPolicyId !== null, what).toBe(a.sla);
        if (a.status === 'draft') expect(a.signedOn, what).toBeNull();
        else {
          expect(activateBody(c, a).signedOn <= a.startsOn, what).toBe(true);
          expect(a.ending === null || a.ending.on >= a.startsOn, what).toBe(true);
        }
        // Amendments are dated within the agreement's life, after its start and before today.
        const descriptions = a.lines.map((l) => l.description);
        expect(new Set(descriptions).size, what).toBe(descriptions.length);
        const { signed, steps } = lineHistory(a);
        const lineIds = new Map(signed.map((l) => [l.index, fakeId(100 + l.index)]));
        for (const step of steps) {
          expect(step.amendment.effectiveOn > a.startsOn, what).toBe(true);
          expect(step.amendment.effectiveOn <= today(), what).toBe(true);
          expect(a.status === 'active' && a.ending?.status !== 'terminated', what).toBe(true);
          expect(() => amendmentBody(c, step, lineIds, ids), what).not.toThrow();
          amendments++;
        }
      }
    }
    expect(amendments).toBeGreaterThanOrEqual(5);
    const all = demoClients.flatMap((c) => c.intendedAgreements);
    for (const status of ['draft', 'active', 'suspended', 'expired', 'terminated'])
      expect(
        all.some((a) => statusOf(a) === status),
        status,
      ).toBe(true);
    const kinds = new Set(all.flatMap((a) => a.amendments.map((m) => m.kind)));
    expect([...kinds].sort()).toEqual(['add_line', 'change_plan', 'set_price', 'set_quantity']);
  });

  it('has demo users with valid emails and passwords, the portal user a portal contact', () => {
    expect(demoStaff.map((u) => u.role).sort()).toEqual(['billing', 'manager', 'technician', 'technician']);
    for (const u of [...demoStaff, demoPortalUser]) {
      expect(Email.safeParse(u.email).success).toBe(true);
      expect(Password.safeParse(u.password).success).toBe(true);
    }
    const client = demoClients.find((c) => c.name === demoPortalUser.clientName)!;
    expect(client.kind).toBe('contract');
    expect(client.contacts.find((p) => p.email === demoPortalUser.email)?.portalAccess).toBe(true);
  });

  it('is deterministic: the seeded generator repeats itself', () => {
    const a = seededRng('Brightwater Dental Group');
    const b = seededRng('Brightwater Dental Group');
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(new Set(xs).size).toBe(20);
    expect(demoClients[0]!.contacts[0]!.email).toBe('ciara.walsh@brightwater-dental.example');
  });
});

/** Every live client's agreements, as the agreements service lists them. */
async function agreementsByClient(app: App) {
  const out = new Map<string, Awaited<ReturnType<App['keel']['agreements']['service']['list']>>>();
  for (const a of await app.keel.agreements.service.list(staffScope, {}))
    out.set(a.clientId, [...(out.get(a.clientId) ?? []), a]);
  return out;
}

async function demoClientIds(app: App) {
  const page = await app.keel.clients.service.listClients(staffScope, { limit: 200 });
  return new Map(page.items.filter((c) => (c.notes ?? '').startsWith('Demo: ')).map((c) => [c.name, c.id]));
}

/** Each demo client's agreements are stored as the data says, once each, and read as it means them. */
async function expectAgreementsAsIntended(app: App) {
  const service = app.keel.agreements.service;
  const byClient = await agreementsByClient(app);
  const ids = await demoClientIds(app);
  for (const spec of demoClients) {
    const id = ids.get(spec.name);
    if (!id) continue;
    const stored = byClient.get(id) ?? [];
    expect(stored.map((a) => a.name).sort(), spec.name).toEqual(
      spec.intendedAgreements.map((a) => a.name).sort(),
    );
    for (const a of spec.intendedAgreements) {
      const what = `${spec.name}: ${a.name}`;
      const found = stored.find((x) => x.name === a.name)!;
      expect(found.status, what).toBe(statusOf(a));
      expect(found.signedOn, what).toBe(a.signedOn);
      expect(found.signedBy, what).toBe(a.signedOn ? spec.contacts[0]!.name : null);
      expect(found.partOfEnvironment, what).toBe(a.coverage);
      // Today's lines are the signed lines with every amendment replayed.
      const now = await service.get(staffScope, found.id);
      expect(
        now.lines.filter((l) => l.recurring).map((l) => [l.description, l.quantity, l.unitPrice]),
        what,
      ).toEqual(a.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor]));
      expect(now.mrr, what).toBe(a.mrrMinor);
      if (a.status === 'active') {
        const recorded = await service.amendments.list(staffScope, found.id);
        expect(recorded.map((r) => [r.kind, r.effectiveOn]).sort(), what).toEqual(
          a.amendments.map((m) => [m.kind, m.effectiveOn]).sort(),
        );
      }
    }
  }
}

describe.each(storeKinds)('seedDemo on %s', (kind) => {
  const app = useTestApp(kind);
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  let firstSummary = '';

  const count = async () => {
    const page = await app.current.keel.clients.service.listClients(staffScope, { limit: 200 });
    return page.items.length;
  };
  const audited = async () =>
    (await app.current.store.executeSql('select count(*)::int as n from audit_log')).rows[0].n as number;

  it('leaves a client of a demo name that is not demo data alone', async () => {
    await app.current.keel.clients.service.createClient({
      name: 'Bistro Verde',
      status: 'active',
      timeZone: 'Europe/Lisbon',
      taxRateBp: 2300,
      billingAddress: {},
      notes: 'A real client of ours.',
      profile: {},
    });
    firstSummary = await seedDemo(app.current.keel, log);
    expect(firstSummary).toMatch(/"Bistro Verde" exists and is not demo data/);
    expect(await count()).toBe(demoClients.length);
    const [real] = (
      await app.current.keel.clients.service.listClients(staffScope, { limit: 5, q: 'Bistro Verde' })
    ).items;
    expect(real!.notes).toBe('A real client of ours.');
    expect(
      (await app.current.keel.clients.service.listContacts(staffScope, real!.id, { limit: 10 })).items,
    ).toHaveLength(0);
    expect(await app.current.keel.agreements.service.list(staffScope, { client_id: real!.id })).toHaveLength(
      0,
    );
    // Seeding now includes the helpdesk's tickets: give a loaded machine time.
  }, 240_000);

  it('gives every demo client the agreements its data says: signed, amended and ended', async () => {
    await expectAgreementsAsIntended(app.current);
  }, 60_000);

  it('classifies each demo client as the kind it was meant to be; every kind and failing criterion shows', async () => {
    const summary = await app.current.keel.agreements.classification.summary();
    for (const k of clientKinds) expect(summary.byKind[k].count, k).toBeGreaterThanOrEqual(1);
    const ids = await demoClientIds(app.current);
    const byId = new Map(summary.clients.map((c) => [c.clientId, c]));
    for (const spec of demoClients) {
      const id = ids.get(spec.name);
      if (!id) continue;
      const c = byId.get(id)!;
      expect(c.kind, spec.name).toBe(kindOf(spec.kind));
      expect(c.mrr, spec.name).toBe(
        spec.intendedAgreements.filter(current).reduce((n, a) => n + a.mrrMinor, 0),
      );
    }
    // Every contract criterion fails for some client because of an agreement it has, not for want of one.
    for (const code of criterionCodes) {
      const failing = summary.clients.filter((c) =>
        c.failing.some((f) => f.code === code && f.message !== 'no agreement'),
      );
      expect(failing.length, code).toBeGreaterThanOrEqual(1);
    }
    expect(summary.clients.some((c) => c.failsOne)).toBe(true);
    // The printed summary is the classification's, per kind.
    expect(firstSummary).toMatch(/contract client\s+10\s+MRR €/);
    expect(firstSummary).toMatch(/prospect\s+5\n/); // Bistro Verde here is a real client, with nothing
    expect(firstSummary).not.toMatch(/the demo meant/);
  }, 60_000);

  it('adds nothing the second time: no client, agreement, amendment or audit record', async () => {
    const before = { audit: await audited(), agreements: await agreementsByClient(app.current) };
    lines.length = 0;
    const again = await seedDemo(app.current.keel, log);
    expect(again).toMatch(/demo data already present/i);
    expect(lines).toHaveLength(1);
    expect(await count()).toBe(demoClients.length);
    expect(await audited()).toBe(before.audit);
    expect(await agreementsByClient(app.current)).toEqual(before.agreements);
  }, 60_000);
});

describe.each(storeKinds)('seedDemo interrupted on %s', (kind) => {
  const app = useTestApp(kind);

  it('completes a run that crashed half way, without duplicates', async () => {
    const keel = app.current.keel;
    const svc = keel.clients.service;
    let calls = 0;
    const crashing = {
      ...keel,
      clients: {
        ...keel.clients,
        service: {
          ...svc,
          createContact: (...args: Parameters<typeof svc.createContact>) => {
            if (++calls > 60) throw new Error('power cut');
            return svc.createContact(...args);
          },
        },
      },
    };
    await expect(seedDemo(crashing, () => {})).rejects.toThrow('power cut');
    expect(await keel.identity.service.findUserByEmail(demoStaff[0]!.email)).toBeNull();

    const lines: string[] = [];
    const summary = await seedDemo(keel, (line) => void lines.push(line));
    expect(lines[0]).toMatch(/partly present/);
    expect(summary).toMatch(/created now: \d+ clients, \d+ sites, \d+ contacts, 5 users/);

    const page = await svc.listClients(staffScope, { limit: 200 });
    expect(page.items).toHaveLength(demoClients.length);
    for (const spec of demoClients) {
      const client = page.items.find((c) => c.name === spec.name)!;
      const sites = await svc.listSites(staffScope, client.id, { limit: 10 });
      const contacts = await svc.listContacts(staffScope, client.id, { limit: 10 });
      expect(sites.items.map((s) => s.name).sort(), spec.name).toEqual(spec.sites.map((s) => s.name).sort());
      expect(contacts.items.map((c) => c.email).sort(), spec.name).toEqual(
        spec.contacts.map((c) => c.email).sort(),
      );
      expect(contacts.items.every((c) => c.siteId !== null)).toBe(true);
    }
    expect(await seedDemo(keel, () => {})).toMatch(/demo data already present/i);
  }, 300_000);
});

describe.each(storeKinds)('seedDemo interrupted among the agreements on %s', (kind) => {
  const app = useTestApp(kind);

  it('completes agreements left unsigned or half amended, without duplicates', async () => {
    const keel = app.current.keel;
    const svc = keel.agreements.service;
    // Service methods call their siblings through `this` (act → get), so the wrapper keeps it.
    const crashAfter = <F extends (...args: any[]) => Promise<unknown>>(n: number, fn: F): F => {
      let calls = 0;
      return function (this: unknown, ...args: Parameters<F>) {
        if (++calls > n) throw new Error('power cut');
        return fn.apply(this, args);
      } as F;
    };
    const crashing = (service: typeof svc) => ({ ...keel, agreements: { ...keel.agreements, service } });

    // Cut while signing (drafts left behind), then while amending (signed, amendments missing).
    await expect(seedDemo(crashing({ ...svc, act: crashAfter(12, svc.act) }), () => {})).rejects.toThrow(
      'power cut',
    );
    const amendments = { ...svc.amendments, amend: crashAfter(3, svc.amendments.amend) };
    await expect(seedDemo(crashing({ ...svc, amendments }), () => {})).rejects.toThrow('power cut');

    const lines: string[] = [];
    const summary = await seedDemo(keel, (line) => void lines.push(line));
    expect(lines[0]).toMatch(/partly present/);
    expect(summary).toMatch(
      /created now: 0 clients, 0 sites, 0 contacts, 0 users, 0 catalog items, \d+ agreements/,
    );
    await expectAgreementsAsIntended(app.current);
    expect(summary).not.toMatch(/the demo meant/);
    expect(await seedDemo(keel, () => {})).toMatch(/demo data already present/i);
  }, 300_000);
});
