import { describe, expect, it } from 'vitest';
import { fullManagedStack, minor, relationshipKinds } from '../../src/cli/demo/agreements.js';
import { demoClients } from '../../src/cli/demo/clients.js';
import { seededRng } from '../../src/cli/demo/random.js';
import { demoPortalUser, demoStaff } from '../../src/cli/demo/users.js';
import { seedDemo } from '../../src/cli/seed-demo.js';
import {
  CreateClientBody,
  CreateContactBody,
  CreateSiteBody,
} from '../../src/modules/clients/clients.schemas.js';
import { Email, Password } from '../../src/modules/identity/identity.schemas.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { useTestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';

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
      const recurring = c.intendedAgreements.filter((a) => a.mrrMinor > 0);
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
          expect(c.intendedAgreements.length, c.name).toBeGreaterThan(0);
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

describe.each(storeKinds)('seedDemo on %s', (kind) => {
  const app = useTestApp(kind);
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);

  const count = async () => {
    const page = await app.current.keel.clients.service.listClients(staffScope, { limit: 200 });
    return page.items.length;
  };

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
    const summary = await seedDemo(app.current.keel, log);
    expect(summary).toMatch(/"Bistro Verde" exists and is not demo data/);
    expect(await count()).toBe(demoClients.length);
    const [real] = (
      await app.current.keel.clients.service.listClients(staffScope, { limit: 5, q: 'Bistro Verde' })
    ).items;
    expect(real!.notes).toBe('A real client of ours.');
    expect(
      (await app.current.keel.clients.service.listContacts(staffScope, real!.id, { limit: 10 })).items,
    ).toHaveLength(0);
  }, 60_000);

  it('adds nothing the second time', async () => {
    lines.length = 0;
    const again = await seedDemo(app.current.keel, log);
    expect(again).toMatch(/demo data already present/i);
    expect(lines).toHaveLength(1);
    expect(await count()).toBe(demoClients.length);
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
  }, 120_000);
});
