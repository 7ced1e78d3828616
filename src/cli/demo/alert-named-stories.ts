/**
 * The demo's named alert stories, one for each part of the alert lifecycle (./alerts.ts lists them):
 * Harborview's WAN outage that breaches its availability target, alerts silenced by maintenance
 * windows, a flapping web shop, a RAID a technician worked on before it recovered, a server down
 * twice within the reopen window, open alerts with repeats, and alerts placed by mapping rules; with
 * the technicians' replies on their tickets. Data only, deterministic for a given anchor.
 */
import {
  amStory,
  backupJobOf,
  backupStory,
  DAY,
  type DemoStory,
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
import { type DemoAsset, domainOf } from './assets.js';
import type { DemoClientSpec } from './clients.js';
import { localDate, wallClock } from './local-time.js';
import { demoStaff } from './users.js';

/** A technician's message on an alert's ticket, between the alert firing and recovering. */
export type DemoReply = { story: string; at: number; by: string; body: string };

/** The client that breaches its target, and in which month (the one before the anchor's). */
export const breachingClient = 'Harborview Credit Union';

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

export type Named = {
  spec: DemoClientSpec;
  assets: DemoAsset[];
  index: number;
  asset(name: string): DemoAsset;
};

/** The named stories of the clients in the plan (each skipped when its client is not there). */
export function namedStories(
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
