import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Show } from '../../src/cli/demo/alert-stories.js';
import {
  ALERT_HISTORY_DAYS,
  breachingClient,
  demoAlertPlan,
  demoAlertRules,
  demoMappingRules,
  demoTargets,
  previousMonth,
} from '../../src/cli/demo/alerts.js';
import { demoAssetsOf } from '../../src/cli/demo/assets.js';
import { demoClients } from '../../src/cli/demo/clients.js';
import type { DemoClientRef } from '../../src/cli/demo/seed-agreements.js';
import { seedAgreements } from '../../src/cli/demo/seed-agreements.js';
import { alertLines, alertsPending, seedAlerts } from '../../src/cli/demo/seed-alerts.js';
import { assetsPending, seedAssets } from '../../src/cli/demo/seed-assets.js';
import { ensureSla } from '../../src/cli/demo/seed-sla.js';
import { demoStaff } from '../../src/cli/demo/users.js';
import { type MappingRule, mapAlert, parseAlertPayload } from '../../src/domain/monitoring/index.js';
import {
  AlertRulesBody,
  MaintenanceWindowBody,
  MappingRuleBody,
} from '../../src/modules/alerts/alerts.schemas.js';
import type { Alert } from '../../src/modules/alerts/index.js';
import { CreateAssetBody } from '../../src/modules/assets/assets.schemas.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { useTestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';

const DAY = 86_400_000;
const fakeId = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const inForce = (spec: (typeof demoClients)[number]) =>
  spec.intendedAgreements.filter((a) => a.status === 'active' && a.ending === null);

describe('the demo asset registers', () => {
  const today = '2026-11-23';
  const registers = demoClients.map((spec) => ({ spec, assets: demoAssetsOf(spec, today) }));

  it('are asset bodies the API accepts, each name and serial once per client, each identity once overall', () => {
    const identities = new Set<string>();
    for (const { spec, assets } of registers) {
      const sites = new Set(spec.sites.map((s) => s.name));
      const emails = new Set(spec.contacts.map((c) => c.email));
      expect(new Set(assets.map((a) => a.name)).size, spec.name).toBe(assets.length);
      const serials = assets.flatMap((a) => (a.serialNumber ? [a.serialNumber] : []));
      expect(new Set(serials).size, spec.name).toBe(serials.length);
      for (const a of assets) {
        const { role: _role, site, owner, ...fields } = a;
        expect(
          () => CreateAssetBody.parse({ ...fields, clientId: fakeId(1), siteId: null, ownerContactId: null }),
          a.name,
        ).not.toThrow();
        expect(sites.has(site), a.name).toBe(true);
        if (owner) expect(emails.has(owner), a.name).toBe(true);
        for (const i of a.identities) {
          const key = `${i.key}=${i.value.toLowerCase()}`;
          expect(identities.has(key), `${a.name}: ${key}`).toBe(false);
          identities.add(key);
        }
      }
    }
    expect(registers.filter((r) => r.assets.length).length).toBeGreaterThanOrEqual(20);
  });

  it('count as managed exactly the devices each per-device agreement bills, and none for prospects', () => {
    let perDevice = 0;
    for (const { spec, assets } of registers) {
      for (const line of inForce(spec).flatMap((a) => a.lines.filter((l) => l.per === 'device'))) {
        perDevice++;
        expect(assets.filter((a) => a.managed).length, spec.name).toBe(line.quantity);
      }
      if (spec.kind === 'prospect' || spec.kind === 'break-fix') expect(assets, spec.name).toEqual([]);
    }
    expect(perDevice).toBe(5);
  });

  it('have a warranty running out within two months at every client with dated hardware, and some already ended', () => {
    const soon = new Date(Date.parse(today) + 60 * DAY).toISOString().slice(0, 10);
    for (const { spec, assets } of registers.filter((r) => r.assets.some((a) => a.warrantyEnd))) {
      expect(
        assets.some((a) => a.warrantyEnd! >= today && a.warrantyEnd! <= soon),
        spec.name,
      ).toBe(true);
    }
    expect(registers.flatMap((r) => r.assets).some((a) => a.warrantyEnd && a.warrantyEnd < today)).toBe(true);
  });

  it('are deterministic; the day seeded moves only the dates', () => {
    for (const spec of demoClients) {
      expect(demoAssetsOf(spec, today)).toEqual(demoAssetsOf(spec, today));
      const strip = (list: ReturnType<typeof demoAssetsOf>) =>
        list.map(({ purchaseDate: _p, warrantyEnd: _w, ...rest }) => rest);
      expect(strip(demoAssetsOf(spec, '2027-03-01'))).toEqual(strip(demoAssetsOf(spec, today)));
    }
  });
});

describe('the demo alert plan', () => {
  const anchor = Date.parse('2026-11-23T17:32:00Z');
  const plan = demoAlertPlan(anchor, demoClients);
  const identityFields = new Set(['instance', 'host', 'monitor', 'service']);

  it('sends each story in its tool’s format, in order, within the history, on a fingerprint of its own', () => {
    const fingerprints = new Set<string>();
    for (const story of plan.stories) {
      expect(fingerprints.has(story.fingerprint), story.key).toBe(false);
      fingerprints.add(story.fingerprint);
      let previous = Number.NEGATIVE_INFINITY;
      for (const n of story.notices) {
        const { events } = parseAlertPayload(n.source, n.body, { receivedAt: n.receivedAt });
        expect(
          events.map((e) => e.fingerprint),
          story.key,
        ).toEqual([story.fingerprint]);
        expect(n.receivedAt, story.key).toBeGreaterThan(previous);
        expect(n.receivedAt, story.key).toBeGreaterThanOrEqual(anchor - ALERT_HISTORY_DAYS * DAY);
        expect(n.receivedAt, story.key).toBeLessThan(anchor);
        previous = n.receivedAt;
      }
    }
    const first = Math.min(...plan.stories.map((s) => s.notices[0]!.receivedAt));
    expect(first).toBe(anchor - ALERT_HISTORY_DAYS * DAY);
    expect(plan.stories.find((s) => s.notices[0]!.receivedAt === first)!.shows).toContain('anchor');
  });

  it('places each story as meant: on its asset by the asset’s identities, with its client by a rule, or in triage', () => {
    const rules: MappingRule[] = [
      ...demoMappingRules.map((m, i) => ({
        id: `m${i}`,
        clientId: m.client,
        assetId: m.asset,
        matchers: m.matchers,
      })),
      ...demoClients.flatMap((spec) =>
        demoAssetsOf(spec, '2026-11-23').flatMap((a) =>
          a.identities.map((i) => ({
            id: `${a.name}:${i.key}`,
            clientId: spec.name,
            assetId: a.name,
            matchers: [
              {
                field: identityFields.has(i.key) ? i.key : `labels.${i.key}`,
                op: '=' as const,
                value: i.value,
                ignoreCase: true,
              },
            ],
          })),
        ),
      ),
    ];
    for (const story of plan.stories) {
      const n = story.notices[0]!;
      const [event] = parseAlertPayload(n.source, n.body, { receivedAt: n.receivedAt }).events;
      const mapping = mapAlert(event!, rules);
      if (story.client === null) expect(mapping.kind, story.key).toBe('triage');
      else
        expect(mapping, story.key).toMatchObject({
          kind: 'mapped',
          clientId: story.client,
          assetId: story.asset,
        });
    }
  });

  it('shows every part of the lifecycle, and gives every monitored client everyday alerts', () => {
    const shows: Show[] = [
      'anchor',
      'triage',
      'breach',
      'silenced',
      'flapping',
      'review',
      'recurrence',
      'open',
      'acknowledged',
      'repeats',
      'mapping-rule',
    ];
    for (const show of shows)
      expect(
        plan.stories.some((s) => s.shows.includes(show)),
        show,
      ).toBe(true);
    expect(plan.stories.filter((s) => s.client === null)).toHaveLength(2);
    for (const spec of demoClients.filter((c) => inForce(c).some((a) => a.services.includes('monitoring'))))
      if (demoAssetsOf(spec, '2026-11-23').length)
        expect(plan.stories.filter((s) => s.client === spec.name).length, spec.name).toBeGreaterThanOrEqual(
          4,
        );
    expect(plan.replies).toHaveLength(1);
  });

  it('is deterministic, and the same for a few clients as for all of them', () => {
    expect(demoAlertPlan(anchor, demoClients)).toEqual(plan);
    const few = demoClients.filter((c) =>
      ['Kestrel Legal LLP', 'Casa Oliveira Restaurantes'].includes(c.name),
    );
    const part = demoAlertPlan(anchor, few);
    const names = new Set(few.map((c) => c.name));
    expect(part.stories).toEqual(plan.stories.filter((s) => s.client === null || names.has(s.client)));
  });

  it('has rules, mapping rules and windows the API accepts', () => {
    expect(() => AlertRulesBody.parse({ rules: demoAlertRules })).not.toThrow();
    for (const m of demoMappingRules)
      expect(() =>
        MappingRuleBody.parse({
          clientId: fakeId(1),
          assetId: m.asset ? fakeId(2) : null,
          matchers: m.matchers,
          description: m.description,
        }),
      ).not.toThrow();
    for (const w of plan.windows)
      expect(
        () =>
          MaintenanceWindowBody.parse({
            clientId: fakeId(1),
            assetId: null,
            name: w.name,
            schedule: w.schedule,
          }),
        w.name,
      ).not.toThrow();
    for (const t of demoTargets) {
      const spec = demoClients.find((c) => c.name === t.client)!;
      expect(
        inForce(spec).map((a) => a.name),
        t.client,
      ).toContain(t.agreement);
    }
  });
});

/** The clients of the named stories: every part of the lifecycle, on a small database. */
const storyClients = [
  'Harborview Credit Union',
  'Van der Berg Logistics B.V.',
  'Brightwater Dental Group',
  'Casa Oliveira Restaurantes',
  'Kestrel Legal LLP',
  'Summit Ridge Family Medicine',
  'Alpenblick Hotels GmbH',
  'Lone Star Title & Escrow',
  "O'Sullivan & Daughters Bakery",
];

async function demoClientsOf(app: App, names: string[]): Promise<DemoClientRef[]> {
  const service = app.keel.clients.service;
  const refs: DemoClientRef[] = [];
  for (const spec of demoClients.filter((c) => names.includes(c.name))) {
    const client = await service.createClient({
      name: spec.name,
      status: spec.status,
      timeZone: spec.timeZone,
      taxRateBp: spec.taxRateBp,
      billingAddress: spec.billingAddress,
      notes: spec.notes,
      profile: spec.profile,
    });
    for (const site of spec.sites) await service.createSite(staffScope, client.id, site);
    for (const c of spec.contacts)
      await service.createContact(staffScope, client.id, {
        name: c.name,
        email: c.email,
        phone: c.phone,
        role: c.role,
        siteId: null,
        isBilling: c.isBilling,
        portalAccess: false,
      });
    refs.push({ spec, id: client.id });
  }
  const sla = await ensureSla(app.keel, true);
  await seedAgreements(
    app.keel,
    refs,
    (tier) => sla.ids[tier],
    () => {},
  );
  const priya = demoStaff.find((u) => u.name === 'Priya Raman')!;
  await app.keel.identity.service.createUser({
    email: priya.email,
    name: priya.name,
    role: priya.role,
    password: priya.password,
  });
  return refs;
}

describe.each(storeKinds)('seedAssets and seedAlerts on %s', (kind) => {
  const app = useTestApp(kind);
  const audited = async () =>
    (await app.current.store.executeSql('select count(*)::int as n from audit_log')).rows[0].n as number;

  it('seed assets and two months of alerts, completing a run cut off, and add nothing the second time', async () => {
    const keel = app.current.keel;
    const refs = await demoClientsOf(app.current, storyClients);
    const names = new Set(refs.map((r) => r.spec.name));

    const assets = await seedAssets(keel, refs, () => {});
    expect(assets.assets).toBe(refs.reduce((n, r) => n + demoAssetsOf(r.spec, '2026-11-23').length, 0));
    expect(await assetsPending(keel, refs)).toBe(false);

    // Cut off among the notifications: a later run carries every story on where it stopped.
    let calls = 0;
    const intake = keel.alerts.intake;
    const crashing = {
      ...keel,
      alerts: {
        ...keel.alerts,
        intake: {
          ingest: (batch: Parameters<typeof intake.ingest>[0]) =>
            ++calls > 45 ? Promise.reject(new Error('power cut')) : intake.ingest(batch),
        },
      },
    };
    await expect(seedAlerts(crashing, refs, () => {})).rejects.toThrow('power cut');
    expect(await alertsPending(keel, refs)).toBe(true);
    const completed = await seedAlerts(keel, refs, () => {});
    expect(completed.notifications).toBeGreaterThan(0);
    expect(await alertsPending(keel, refs)).toBe(false);

    // Each story is one alert, which received every notification once, from the first run's anchor.
    const alerts: Alert[] = [];
    for (let cursor: string | undefined, page = 0; page < 20; page++) {
      const res = await keel.alerts.service.list({ limit: 200, cursor });
      alerts.push(...res.items);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    const anchor = Math.min(...alerts.map((a) => Date.parse(a.firstSeen))) + ALERT_HISTORY_DAYS * DAY;
    const plan = demoAlertPlan(
      anchor,
      refs.map((r) => r.spec),
    );
    expect(alerts).toHaveLength(plan.stories.length);
    const alertOf = (key: string) => {
      const story = plan.stories.find((s) => s.key === key)!;
      return alerts.find((a) => a.fingerprint === story.fingerprint)!;
    };
    for (const story of plan.stories) {
      const alert = alerts.find((a) => a.fingerprint === story.fingerprint && a.integration === story.source);
      const firing = story.notices.filter(
        (n) =>
          parseAlertPayload(n.source, n.body, { receivedAt: n.receivedAt }).events[0]!.status === 'firing',
      );
      expect(alert, story.key).toMatchObject({
        count: firing.length,
        lastSeen: new Date(story.notices.at(-1)!.receivedAt).toISOString(),
      });
      expect(alert!.clientId === null, story.key).toBe(story.client === null);
    }

    // The lifecycle's parts, as the alerts screens show them.
    expect(alertOf('triage/unknown-host')).toMatchObject({
      status: 'open',
      clientId: null,
      ticketState: 'open',
    });
    expect(alertOf('triage/staging-portal')).toMatchObject({
      status: 'resolved',
      clientId: null,
      ticketId: null,
    });
    expect(alertOf('Casa Oliveira Restaurantes/flapping')).toMatchObject({ status: 'open', flapping: true });
    expect(alertOf('Lone Star Title & Escrow/switch-swap')).toMatchObject({
      status: 'silenced',
      ticketId: null,
    });
    expect(alertOf('Van der Berg Logistics B.V./firmware-reboot')).toMatchObject({
      status: 'resolved',
      ticketId: null,
    });
    expect(alertOf('Harborview Credit Union/certificate')).toMatchObject({
      status: 'open',
      count: 37,
      ticketId: null,
    });
    expect(alertOf('Summit Ridge Family Medicine/recurrence')).toMatchObject({
      count: 2,
      ticketState: 'resolved',
    });
    const raid = alertOf('Kestrel Legal LLP/raid');
    expect(raid).toMatchObject({ status: 'resolved', ticketState: 'review' });
    const reviewed = await keel.tickets.service.get(staffScope, raid.ticketId!);
    expect(reviewed.tags).toContain('recovered-review');
    expect(reviewed.resolvedAt).toBeNull();

    // Tickets are dated as the alerts happened.
    const wan = plan.stories.find((s) => s.key === `${breachingClient}/wan-outage`)!;
    const outage = await keel.tickets.service.get(staffScope, alertOf(wan.key).ticketId!);
    expect(new Date(outage.createdAt).getTime()).toBe(wan.notices[0]!.receivedAt);
    expect(new Date(outage.resolvedAt!).getTime()).toBe(wan.notices.at(-1)!.receivedAt);

    // Availability: the breaching client's last month breached and recorded; every other target met.
    for (const t of demoTargets.filter((x) => names.has(x.client))) {
      const ref = refs.find((r) => r.spec.name === t.client)!;
      const month = previousMonth(anchor, ref.spec.timeZone);
      const first = new Date(Date.parse(`${month}-01`) - 31 * DAY).toISOString().slice(0, 7);
      const a = await keel.alerts.availability.forClient(ref.id, first, month);
      expect(a.targetPercent, t.client).toBe(t.percent);
      const breached = a.overall.filter((m) => m.status === 'breached').map((m) => m.month);
      expect(breached, t.client).toEqual(t.client === breachingClient ? [month] : []);
      if (t.client === breachingClient) expect(a.breaches.map((b) => b.month)).toContain(month);
    }
    const lines = await alertLines(keel, refs, null);
    expect(lines.join('\n')).toMatch(/2 in triage; \d+ opened a ticket \(1 recovered — review\)/);
    expect(lines.join('\n')).toMatch(
      /Harborview Credit Union 99\.\d+% in \d{4}-\d{2} against 99\.9% \(breached/,
    );

    const before = await audited();
    expect(await seedAssets(keel, refs, () => {})).toEqual({ assets: 0 });
    expect(await seedAlerts(keel, refs, () => {})).toEqual({ notifications: 0, settings: 0 });
    expect(await audited()).toBe(before);
  }, 240_000);
});
