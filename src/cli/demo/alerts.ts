/**
 * The demo MSP's monitoring over the last two months: what its Alertmanager, Uptime Kuma, Zabbix and
 * backup console sent about its clients' servers, network and websites (./alert-stories.ts), and the
 * settings that turn those notifications into alerts and tickets — alert rules, mapping rules,
 * maintenance windows, and the availability targets of the managed agreements.
 *
 * Besides every monitored client's everyday stories, named stories (./alert-named-stories.ts) show
 * each part of the lifecycle: one client (Harborview, 99.9%) breaching its availability target last month with a WAN outage
 * acknowledged in Zabbix; alerts silenced by a one-off and by a weekly maintenance window; a web shop
 * flapping right now; a degraded RAID that a technician worked on before it recovered (recovered —
 * review); a server that went down twice within the reopen window; alerts open now with repeats
 * counted; alerts placed by hand-written mapping rules; and two that no rule places (triage).
 *
 * Data only, and deterministic for a given anchor: the instant the demo was first seeded, which the
 * seed finds again from the first story (received exactly ALERT_HISTORY_DAYS before it).
 */
import type { Matcher } from '../../domain/monitoring/index.js';
import type { AlertRuleInput, ScheduleInput } from '../../modules/alerts/alerts.schemas.js';
import { breachingClient, type DemoReply, type Named, namedStories } from './alert-named-stories.js';
import { amStory, DAY, type DemoStory, everydayStories, kumaStory, MINUTE } from './alert-stories.js';
import { demoAssetsOf } from './assets.js';
import { type DemoClientSpec, demoClients } from './clients.js';
import { localDate, wallClock } from './local-time.js';
import { seededRng } from './random.js';

export { breachingClient, type DemoReply };

/** The first story is received exactly this long before the anchor. */
export const ALERT_HISTORY_DAYS = 58;

export type DemoWindow = { client: string; asset: string | null; name: string; schedule: ScheduleInput };
export type DemoMappingRule = {
  client: string;
  asset: string | null;
  description: string;
  matchers: Matcher[];
};
export type DemoTarget = { client: string; agreement: string; percent: number };

export type DemoAlertPlan = {
  anchor: number;
  stories: DemoStory[];
  replies: DemoReply[];
  windows: DemoWindow[];
};

/**
 * Ordered, the first match decides: access points are only recorded; critical alerts open a P1,
 * in triage too; failed backups and other high alerts a P2; a filling disk a P3. Other warnings are
 * recorded, counted and listed, with no ticket.
 */
export const demoAlertRules: AlertRuleInput[] = [
  {
    id: 'access-points-record-only',
    description: 'Wi-Fi access points reboot on their own at night: record, no ticket',
    matchers: [{ field: 'labels.zabbix_host_groups', op: '=~', value: '.*/Access points.*' }],
    action: { ticket: false },
  },
  {
    id: 'critical-p1',
    description: 'Anything critical is a P1, also from a host nobody has mapped yet',
    minSeverity: 'critical',
    triage: true,
    action: { ticket: true, priority: 'P1' },
  },
  {
    id: 'backup-failures-p2',
    description: 'A failed backup job from the backup console',
    sources: ['events'],
    minSeverity: 'high',
    action: { ticket: true, priority: 'P2' },
  },
  {
    id: 'high-p2',
    description: 'Other high alerts',
    minSeverity: 'high',
    action: { ticket: true, priority: 'P2' },
  },
  {
    id: 'disk-space-p3',
    description: 'A disk filling up: plan the clean-up before it is full',
    matchers: [{ field: 'labels.alertname', op: '=', value: 'DiskSpaceLow' }],
    action: { ticket: true, priority: 'P3' },
  },
];

/**
 * Client-wide rules are patterns, so an asset's own identities (exact matches) still place its alerts
 * on the asset; the till server's backup console name is mapped to its asset by hand.
 */
export const demoMappingRules: DemoMappingRule[] = [
  {
    client: 'Van der Berg Logistics B.V.',
    asset: null,
    description: 'Hosts named vdb-* are Van der Berg’s (not every depot switch is registered)',
    matchers: [{ field: 'host', op: '=~', value: 'vdb-.*' }],
  },
  {
    client: 'Alpenblick Hotels GmbH',
    asset: null,
    description: 'Uptime Kuma monitors tagged customer=alpenblick-hotels',
    matchers: [{ field: 'labels.customer', op: '=~', value: 'alpenblick-hotels' }],
  },
  {
    client: 'Harborview Credit Union',
    asset: null,
    description: 'Blackbox probes of any harborview-cu.example site',
    matchers: [{ field: 'instance', op: '=~', value: 'https://([a-z0-9-]+\\.)*harborview-cu\\.example/.*' }],
  },
  {
    client: "O'Sullivan & Daughters Bakery",
    asset: 'ODB-POS01',
    description: 'The backup console knows the till server by its old name, TILLSRV',
    matchers: [{ field: 'instance', op: '=', value: 'TILLSRV', ignoreCase: true }],
  },
];

/** The availability each managed agreement with round-the-clock or extended cover promises. */
export const demoTargets: DemoTarget[] = [
  { client: 'Van der Berg Logistics B.V.', agreement: 'Managed IT Complete 24x7', percent: 99.9 },
  { client: 'Harborview Credit Union', agreement: 'Managed IT Complete 24x7', percent: 99.9 },
  { client: 'Alpenblick Hotels GmbH', agreement: 'Managed IT Complete 24x7', percent: 99.9 },
  { client: 'Brightwater Dental Group', agreement: 'Managed IT Complete', percent: 99.5 },
  { client: 'Kestrel Legal LLP', agreement: 'Managed IT Complete', percent: 99.5 },
  { client: 'Summit Ridge Family Medicine', agreement: 'Managed IT Complete', percent: 99.5 },
  { client: 'Lone Star Title & Escrow', agreement: 'Managed IT Complete', percent: 99.5 },
  { client: 'Baltic Gate Shipping GmbH', agreement: 'Managed infrastructure', percent: 99.5 },
  { client: 'Sierra Nevada Orthopedics', agreement: 'Managed IT Complete, Reno', percent: 99.5 },
];

const iso = (ms: number) => new Date(ms).toISOString();

/** The month before the anchor's on the client's clock, 'YYYY-MM'. */
export function previousMonth(anchor: number, zone: string): string {
  const { year, month } = localDate(anchor, zone);
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The maintenance windows: a one-off firmware upgrade at Van der Berg (which silenced its firewall),
 * Brightwater's weekly patch night (which silenced a reboot), a weekly vendor window at Harborview,
 * a switch swap at Lone Star going on now (its switch silenced), and a switch replacement at
 * Alpenblick planned for next week.
 */
export function demoWindows(anchor: number): DemoWindow[] {
  return [
    {
      client: 'Van der Berg Logistics B.V.',
      asset: 'VDB-FW01',
      name: 'FortiGate firmware upgrade to 7.4.4 (Rotterdam)',
      schedule: {
        kind: 'once',
        from: iso(wallClock(anchor, 'Europe/Amsterdam', 19, 21, 0)),
        to: iso(wallClock(anchor, 'Europe/Amsterdam', 19, 23, 0)),
      },
    },
    {
      client: 'Brightwater Dental Group',
      asset: null,
      name: 'Patch night: Windows updates and reboots',
      schedule: { kind: 'weekly', timeZone: 'Europe/Dublin', days: ['wed'], start: '22:00', end: '02:00' },
    },
    {
      client: 'Harborview Credit Union',
      asset: 'HCU-APP01',
      name: 'Core banking vendor maintenance',
      schedule: {
        kind: 'weekly',
        timeZone: 'America/Los_Angeles',
        days: ['sun'],
        start: '01:00',
        end: '05:00',
      },
    },
    {
      client: 'Lone Star Title & Escrow',
      asset: 'LST-SAN-SW01',
      name: 'Switch swap, San Antonio office',
      schedule: { kind: 'once', from: iso(anchor - 40 * MINUTE), to: iso(anchor + 80 * MINUTE) },
    },
    {
      client: 'Alpenblick Hotels GmbH',
      asset: 'AHG-SEE-SW01',
      name: 'Switch replacement, Hotel Seefeld',
      schedule: {
        kind: 'once',
        from: iso(wallClock(anchor, 'Europe/Vienna', -5, 22, 0)),
        to: iso(wallClock(anchor, 'Europe/Vienna', -5, 23, 30)),
      },
    },
  ];
}

/** The two stories no rule places: the first of them, exactly ALERT_HISTORY_DAYS back, is the anchor's. */
function triageStories(anchor: number): DemoStory[] {
  const start = anchor - ALERT_HISTORY_DAYS * DAY;
  const staging = kumaStory(
    {
      key: 'triage/staging-portal',
      client: null,
      asset: null,
      monitor: {
        id: 90,
        name: 'Staging – client portal',
        url: 'https://staging.portal-preview.example/',
        path: 'Staging / Staging – client portal',
        tags: { severity: 'warning' },
      },
      shows: ['anchor', 'triage'],
    },
    [
      { up: false, at: start - 3_000, msg: 'Request failed with status code 503' },
      { up: true, at: start + 37 * MINUTE, msg: '200 - OK' },
    ],
  );
  const since = anchor - 47 * MINUTE;
  const unknown = amStory(
    {
      key: 'triage/unknown-host',
      client: null,
      asset: null,
      alert: {
        labels: { alertname: 'HostDown', instance: '10.20.4.17:9100', job: 'node', severity: 'critical' },
        annotations: {
          summary: '10.20.4.17:9100 is down',
          description: 'node_exporter on 10.20.4.17 has not answered a scrape for 2 minutes.',
        },
        expr: 'up{instance="10.20.4.17:9100"} == 0',
      },
      shows: ['triage', 'open'],
    },
    [{ from: since, to: null }],
    anchor,
  );
  return [staging, unknown];
}

/** How many everyday stories a client gets, and how many of them may open a ticket. */
function everydayLimits(spec: DemoClientSpec): { count: number; tickets: number; only?: string[] } | null {
  const live = spec.intendedAgreements.filter((a) => a.status === 'active' && !a.ending);
  if (live.some((a) => a.services.includes('monitoring')))
    return spec.kind === 'contract' ? { count: 7, tickets: 2 } : { count: 4, tickets: 1 };
  if (live.some((a) => a.services.includes('backup')))
    return { count: 1, tickets: 1, only: ['backup-failed'] };
  return null;
}

/**
 * The whole plan for these clients (the live demo clients; the triage stories always), from
 * `anchor`: every story with its notifications, the technicians' replies, and the windows.
 */
export function demoAlertPlan(anchor: number, clients: readonly DemoClientSpec[]): DemoAlertPlan {
  const today = iso(anchor).slice(0, 10);
  const named = new Map<string, Named>();
  for (const spec of clients) {
    const assets = demoAssetsOf(spec, today);
    if (!assets.length) continue;
    const index = demoClients.findIndex((c) => c.name === spec.name);
    named.set(spec.name, {
      spec,
      assets,
      index,
      asset(name) {
        const found = assets.find((a) => a.name === name);
        if (!found) throw new Error(`${spec.name} has no demo asset ${name}`);
        return found;
      },
    });
  }
  const special = namedStories(anchor, named);
  const stories = [...triageStories(anchor), ...special.stories];
  const taken = new Set(stories.map((s) => s.fingerprint));
  for (const n of named.values()) {
    const limits = everydayLimits(n.spec);
    if (!limits) continue;
    const rng = seededRng(`${n.spec.name} alerts`);
    const everyday = everydayStories(
      { spec: n.spec, anchor, rng, clientIndex: n.index },
      n.assets,
      limits,
      taken,
    );
    for (const s of everyday) taken.add(s.fingerprint);
    stories.push(...everyday);
  }
  const windows = demoWindows(anchor).filter((w) => named.has(w.client));
  return { anchor, stories, replies: special.replies, windows };
}
