/**
 * The demo MSP's monitoring over the last two months: what its Alertmanager, Uptime Kuma, Zabbix and
 * backup console sent about its clients' servers, network and websites (./alert-stories.ts), and the
 * settings that turn those notifications into alerts and tickets — alert rules, mapping rules,
 * maintenance windows, and the availability targets of the managed agreements.
 *
 * Besides every monitored client's everyday stories, named stories show each part of the lifecycle:
 * one client (Harborview, 99.9%) breaching its availability target last month with a WAN outage
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
import {
  amStory,
  backupJobOf,
  backupStory,
  DAY,
  type DemoStory,
  everydayStories,
  HOUR,
  hostDownRule,
  idBase,
  kumaStory,
  MINUTE,
  monitorOf,
  networkTrigger,
  serverAlert,
  slugOf,
  zabbixStory,
} from './alert-stories.js';
import { type DemoAsset, demoAssetsOf, domainOf } from './assets.js';
import { type DemoClientSpec, demoClients } from './clients.js';
import { localDate, wallClock } from './local-time.js';
import { seededRng } from './random.js';
import { demoStaff } from './users.js';

/** The first story is received exactly this long before the anchor. */
export const ALERT_HISTORY_DAYS = 58;

/** A technician's message on an alert's ticket, between the alert firing and recovering. */
export type DemoReply = { story: string; at: number; by: string; body: string };

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

/** The client that breaches its target, and in which month (the one before the anchor's). */
export const breachingClient = 'Harborview Credit Union';

const iso = (ms: number) => new Date(ms).toISOString();

/** The month before the anchor's on the client's clock, 'YYYY-MM'. */
export function previousMonth(anchor: number, zone: string): string {
  const { year, month } = localDate(anchor, zone);
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instant `zone` reads hh:mm on day `day` of the month `monthsBack` before the anchor's. */
function dayOfMonth(anchor: number, zone: string, monthsBack: number, day: number, hh: number, mm: number) {
  const now = localDate(anchor, zone);
  const first = Date.UTC(now.year, now.month - 1 - monthsBack, day);
  return wallClock(
    anchor,
    zone,
    Math.round((Date.UTC(now.year, now.month - 1, now.day) - first) / DAY),
    hh,
    mm,
  );
}

/** The latest instant before the anchor at which `zone` reads hh:mm on the given weekday (0 = Sunday), at least `minDays` back. */
function lastWeekday(anchor: number, zone: string, weekday: number, minDays: number, hh: number, mm: number) {
  const today = localDate(anchor, zone).weekday;
  const back = minDays + ((today - weekday - minDays + 70) % 7);
  return wallClock(anchor, zone, back, hh, mm);
}

const technician = (name: string) => demoStaff.find((u) => u.name === name)!.email;

type Named = {
  spec: DemoClientSpec;
  assets: DemoAsset[];
  index: number;
  asset(name: string): DemoAsset;
};

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

/** The named stories of the clients in the plan (each skipped when its client is not there). */
function namedStories(
  anchor: number,
  named: Map<string, Named>,
): { stories: DemoStory[]; replies: DemoReply[] } {
  const stories: DemoStory[] = [];
  const replies: DemoReply[] = [];
  const of = (client: string, make: (n: Named) => void) => {
    const n = named.get(client);
    if (n) make(n);
  };

  // Harborview: last month's WAN outage, acknowledged in Zabbix, long enough to breach 99.9%.
  of(breachingClient, (n) => {
    const fw = n.asset('HCU-FW01');
    const from = dayOfMonth(anchor, n.spec.timeZone, 1, 12, 9, 47);
    const trigger = networkTrigger(n.spec, fw, idBase(n.index) + 90, {
      name: 'Unavailable by ICMP ping',
      severity: 5,
      opdata: 'Loss: 100 %',
      group: 'Firewalls',
    });
    stories.push(
      zabbixStory(
        {
          key: `${n.spec.name}/wan-outage`,
          client: n.spec.name,
          asset: fw.name,
          trigger,
          shows: ['breach', 'acknowledged'],
        },
        [{ from, ack: from + 6 * MINUTE, to: from + 58 * MINUTE }],
      ),
    );
    // A TLS certificate running out, re-sent every four hours for six days: one alert, counted.
    const instance = `https://online.${domainOf(n.spec)}/`;
    const since = anchor - 6 * DAY - 3 * HOUR;
    stories.push(
      amStory(
        {
          key: `${n.spec.name}/certificate`,
          client: n.spec.name,
          asset: null,
          alert: {
            labels: {
              alertname: 'TLSCertificateExpiringSoon',
              instance,
              job: 'blackbox-https',
              severity: 'warning',
              tenant: slugOf(n.spec),
            },
            annotations: {
              summary: `TLS certificate of online.${domainOf(n.spec)} expires in under 14 days`,
              description:
                'The certificate of online banking is issued by Sectigo; renewal needs the credit union’s approval.',
            },
            expr: `probe_ssl_earliest_cert_expiry{instance="${instance}"} - time() < 86400 * 14`,
          },
          shows: ['open', 'repeats', 'mapping-rule'],
        },
        [{ from: since, to: null }],
        anchor,
      ),
    );
  });

  // Van der Berg: the firewall reboots during its firmware upgrade (silenced), and a depot switch
  // nobody registered as an asset loses its uplink (placed by the vdb-* mapping rule).
  of('Van der Berg Logistics B.V.', (n) => {
    const fw = n.asset('VDB-FW01');
    const from = wallClock(anchor, n.spec.timeZone, 19, 21, 38);
    const trigger = networkTrigger(n.spec, fw, idBase(n.index) + 90, {
      name: 'Unavailable by ICMP ping',
      severity: 5,
      opdata: 'Loss: 100 %',
      group: 'Firewalls',
    });
    stories.push(
      zabbixStory(
        {
          key: `${n.spec.name}/firmware-reboot`,
          client: n.spec.name,
          asset: fw.name,
          trigger,
          shows: ['silenced'],
        },
        [{ from, to: from + 13 * MINUTE }],
      ),
    );
    const depot = n.spec.sites.find((s) => s.name.startsWith('Duisburg'))!;
    const switchFrom = wallClock(anchor, n.spec.timeZone, 11, 6, 12);
    stories.push(
      zabbixStory(
        {
          key: `${n.spec.name}/depot-switch`,
          client: n.spec.name,
          asset: null,
          trigger: {
            triggerId: idBase(n.index) + 91,
            host: 'vdb-dui-sw02',
            hostName: 'VDB-DUI-SW02 (loading dock)',
            hostIp: '10.13.0.12',
            severity: 4,
            name: 'Interface 1/1/28(Uplink to SW01): Link down',
            opdata: 'Current state: down',
            tags: { customer: slugOf(n.spec), site: depot.name },
            hostGroups: [`Customers/${n.spec.name}`, `Customers/${n.spec.name}/Switches`],
          },
          shows: ['mapping-rule'],
        },
        [{ from: switchFrom, to: switchFrom + 14 * MINUTE }],
      ),
    );
  });

  // Lone Star: the San Antonio switch being swapped right now, silenced by its window.
  of('Lone Star Title & Escrow', (n) => {
    const sw = n.asset('LST-SAN-SW01');
    const trigger = networkTrigger(n.spec, sw, idBase(n.index) + 90, {
      name: 'Unavailable by ICMP ping',
      severity: 4,
      opdata: 'Loss: 100 %',
      group: 'Switches',
    });
    stories.push(
      zabbixStory(
        {
          key: `${n.spec.name}/switch-swap`,
          client: n.spec.name,
          asset: sw.name,
          trigger,
          shows: ['silenced'],
        },
        [{ from: anchor - 22 * MINUTE, to: null }],
      ),
    );
  });

  // Brightwater: the file server reboots for its updates on patch night (silenced by the weekly window).
  of('Brightwater Dental Group', (n) => {
    const fs = n.asset('BDG-FS01');
    const from = lastWeekday(anchor, n.spec.timeZone, 3, 14, 22, 41);
    stories.push(
      amStory(
        {
          key: `${n.spec.name}/patch-reboot`,
          client: n.spec.name,
          asset: fs.name,
          alert: serverAlert(n.spec, fs, hostDownRule(fs)),
          shows: ['silenced'],
        },
        [{ from, to: from + 6 * MINUTE }],
        anchor,
      ),
    );
  });

  // Casa Oliveira: the online ordering site flapping for the last half hour.
  of('Casa Oliveira Restaurantes', (n) => {
    const site = n.asset('Online ordering');
    const monitor = monitorOf(n.spec, site, idBase(n.index) + 90, { severity: 'high' });
    const changes = [27, 24, 20, 16, 12, 8].map((m, i) => ({
      up: i % 2 === 1,
      at: anchor - m * MINUTE,
      msg: i % 2 === 1 ? '200 - OK' : 'timeout of 48000ms exceeded',
    }));
    stories.push(
      kumaStory(
        {
          key: `${n.spec.name}/flapping`,
          client: n.spec.name,
          asset: site.name,
          monitor,
          shows: ['flapping', 'open'],
        },
        changes,
      ),
    );
  });

  // Kestrel: a degraded RAID a technician works on before the rebuild ends: recovered — review.
  of('Kestrel Legal LLP', (n) => {
    const hv = n.asset('KLL-HV01');
    const from = wallClock(anchor, n.spec.timeZone, 6, 10, 12);
    const to = wallClock(anchor, n.spec.timeZone, 5, 15, 40);
    const key = `${n.spec.name}/raid`;
    stories.push(
      amStory(
        {
          key,
          client: n.spec.name,
          asset: hv.name,
          alert: serverAlert(n.spec, hv, {
            alertname: 'RAIDArrayDegraded',
            severity: 'high',
            summary: `Virtual disk 0 on ${hv.name} is degraded`,
            description:
              'PERC H755: physical disk 0:1:3 has failed; the RAID 6 array runs without redundancy for one more disk.',
            expr: 'dell_hw_storage_vdisk_status{instance="$instance"} != 2',
          }),
          shows: ['review', 'repeats'],
        },
        [{ from, to }],
        anchor,
      ),
    );
    replies.push({
      story: key,
      at: from + 38 * MINUTE,
      by: technician('Priya Raman'),
      body:
        'Disk 0:1:3 in the PERC array has failed. Dell ProSupport case opened; the replacement drive arrives ' +
        'tomorrow before 10:00 and I will swap it on site. The array keeps running meanwhile.',
    });
  });

  // Summit Ridge: the EHR interface server goes down twice within the reopen window.
  of('Summit Ridge Family Medicine', (n) => {
    const app = n.asset('SRF-APP01');
    const first = wallClock(anchor, n.spec.timeZone, 9, 8, 2);
    stories.push(
      amStory(
        {
          key: `${n.spec.name}/recurrence`,
          client: n.spec.name,
          asset: app.name,
          alert: serverAlert(n.spec, app, hostDownRule(app)),
          shows: ['recurrence'],
        },
        [
          { from: first, to: first + 7 * MINUTE },
          { from: first + 38 * MINUTE, to: first + 42 * MINUTE },
        ],
        anchor,
      ),
    );
    // The database disk filling up since the day before yesterday, still open.
    const sql = n.asset('SRF-SQL01');
    stories.push(
      amStory(
        {
          key: `${n.spec.name}/disk-open`,
          client: n.spec.name,
          asset: sql.name,
          alert: serverAlert(
            n.spec,
            sql,
            {
              alertname: 'DiskSpaceLow',
              severity: 'warning',
              summary: `Volume E: on ${sql.name} is 89% full`,
              description:
                'Less than 15% free on E: (SQL data) for 30 minutes; the EHR audit tables grow 4 GB a week.',
              expr: '100 - windows_logical_disk_free_bytes{instance="$instance",volume="E:"} / windows_logical_disk_size_bytes * 100 > 85',
            },
            { volume: 'E:' },
          ),
          shows: ['open', 'repeats'],
        },
        [{ from: anchor - 26 * HOUR, to: null }],
        anchor,
      ),
    );
  });

  // Alpenblick: last night's backup failed and the backup operator acknowledged it this morning;
  // the guest Wi-Fi portal (no asset: the customer tag maps it) was down for a few minutes.
  of('Alpenblick Hotels GmbH', (n) => {
    const bk = n.asset('AHG-BK01');
    const zone = n.spec.timeZone;
    const tonight = wallClock(anchor, zone, 0, 2, 40);
    const run = tonight < anchor - 2 * HOUR ? tonight : wallClock(anchor, zone, 1, 2, 40);
    const morning = run + 5 * HOUR + 15 * MINUTE;
    const job = backupJobOf(n.spec, bk, 'Hotels nightly');
    stories.push(
      backupStory(
        {
          key: `${n.spec.name}/backup-open`,
          client: n.spec.name,
          asset: bk.name,
          job,
          shows: ['open', 'acknowledged'],
        },
        [
          {
            at: run,
            severity: 'error',
            summary: "Backup job 'Hotels nightly' failed: 2 of 14 VMs were not processed",
            details: {
              job: 'Hotels nightly',
              result: 'Failed',
              failed: 'AHG-APP01, AHG-SQL01',
              error: 'Snapshot creation timed out',
            },
          },
        ],
        morning < anchor - 5 * MINUTE ? { ack: morning } : {},
      ),
    );
    const from = wallClock(anchor, zone, 23, 19, 4);
    stories.push(
      kumaStory(
        {
          key: `${n.spec.name}/wifi-portal`,
          client: n.spec.name,
          asset: null,
          monitor: {
            id: idBase(n.index) + 90,
            name: 'Guest Wi-Fi login portal',
            url: `https://wifi.${domainOf(n.spec)}/`,
            path: `Clients / ${n.spec.name} / Guest Wi-Fi login portal`,
            tags: { customer: slugOf(n.spec) },
          },
          shows: ['mapping-rule'],
        },
        [
          { up: false, at: from, msg: 'Request failed with status code 502' },
          { up: true, at: from + 4 * MINUTE, msg: '200 - OK' },
        ],
      ),
    );
  });

  // O'Sullivan's till server, known to the backup console by its old name.
  of("O'Sullivan & Daughters Bakery", (n) => {
    const day = 17;
    const run = wallClock(anchor, n.spec.timeZone, day, 2, 20);
    const job = {
      dedupKey: 'vspc-odb-tillsrv',
      source: 'TILLSRV',
      job: 'Till server nightly',
      group: slugOf(n.spec),
    };
    stories.push(
      backupStory(
        {
          key: `${n.spec.name}/till-backup`,
          client: n.spec.name,
          asset: 'ODB-POS01',
          job,
          shows: ['mapping-rule'],
        },
        [
          {
            at: run,
            severity: 'error',
            summary: "Backup job 'Till server nightly' failed: VSS snapshot of volume C: timed out",
            details: { job: 'Till server nightly', result: 'Failed' },
          },
        ],
        { resolved: wallClock(anchor, n.spec.timeZone, day - 1, 2, 55) },
      ),
    );
  });

  return { stories, replies };
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
