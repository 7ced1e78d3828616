/**
 * Alert stories: one monitored thing's notifications over the demo's history, as its tool sent them
 * (./alert-payloads.ts), and the everyday stories each monitored client gets — a disk filling up, a
 * service that stopped, a website down for a few minutes, a switch port gone dark, a backup that
 * failed one night and ran the next.
 *
 * Times are epoch milliseconds counted back from the plan's anchor (the moment the demo was first
 * seeded); wall-clock times are the client's own (a backup runs at 02:30 in Innsbruck, a disk fills
 * up during the working day in Denver).
 */
import { labelSetFingerprint, sourceFingerprint } from '../../domain/monitoring/index.js';
import {
  type AmAlert,
  alertmanagerNotice,
  type BackupJob,
  backupNotice,
  type DemoNotice,
  type KumaMonitor,
  kumaNotice,
  type ZabbixTrigger,
  zabbixNotice,
} from './alert-payloads.js';
import { type DemoAsset, domainOf } from './assets.js';
import type { DemoClientSpec } from './clients.js';
import { wallClock } from './local-time.js';
import type { Rng } from './random.js';
import { initialsOf } from './tickets.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What a story is there to show; the seed's test checks each one is present. */
export type Show =
  | 'anchor'
  | 'triage'
  | 'breach'
  | 'silenced'
  | 'flapping'
  | 'review'
  | 'recurrence'
  | 'open'
  | 'acknowledged'
  | 'repeats'
  | 'mapping-rule';

export type DemoStory = {
  /** Unique in the plan. */
  key: string;
  /** The client's name; null: the alert lands in triage. */
  client: string | null;
  /** The asset it is about, by name, when it is one of the client's. */
  asset: string | null;
  /** The receiver it arrives through; also its integration (one instance of each tool). */
  source: DemoNotice['source'];
  /** As Keel stores it: `<source>:<the tool's key>`. */
  fingerprint: string;
  /** In the order they are received. */
  notices: DemoNotice[];
  shows: Show[];
};

/** A short name of the client for tags and labels: its mail domain's first part. */
export const slugOf = (spec: DemoClientSpec) => domainOf(spec).split('.')[0]!;

/**
 * Uptime Kuma monitor and Zabbix trigger ids: a hundred per client by its place among the demo
 * clients, so they stay the same whichever clients a plan holds. Everyday stories take the first
 * ninety, the named ones the rest.
 */
export const idBase = (clientIndex: number) => 1000 + clientIndex * 100;

// ── Story builders, one per tool ──

type Episode = { from: number; to: number | null };

/**
 * An Alertmanager alert: each episode fires (group_wait 30 s after it starts), is re-sent every
 * `repeatEvery` while it fires (repeat_interval), and resolves a minute after it ends.
 */
export function amStory(
  o: { key: string; client: string | null; asset: string | null; alert: AmAlert; shows?: Show[] },
  episodes: Episode[],
  anchor: number,
  repeatEvery = 4 * HOUR,
): DemoStory {
  const fingerprint = labelSetFingerprint(o.alert.labels);
  const notices: DemoNotice[] = [];
  for (const e of episodes) {
    const last = e.to ?? anchor - MINUTE;
    for (let at = e.from + 30_000; at < last; at += repeatEvery)
      notices.push(alertmanagerNotice(o.alert, fingerprint, { startsAt: e.from, endsAt: null }, at));
    if (e.to !== null)
      notices.push(
        alertmanagerNotice(o.alert, fingerprint, { startsAt: e.from, endsAt: e.to }, e.to + MINUTE),
      );
  }
  return {
    key: o.key,
    client: o.client,
    asset: o.asset,
    source: 'alertmanager',
    fingerprint: sourceFingerprint('alertmanager', fingerprint),
    notices,
    shows: o.shows ?? [],
  };
}

/** An Uptime Kuma monitor's state changes, each received a few seconds after Kuma saw it. */
export function kumaStory(
  o: { key: string; client: string | null; asset: string | null; monitor: KumaMonitor; shows?: Show[] },
  changes: { up: boolean; at: number; msg: string }[],
): DemoStory {
  let downSince = 0;
  const notices = changes.map((c) => {
    const downSeconds = c.up ? Math.round((c.at - downSince) / 1000) : 0;
    if (!c.up) downSince = c.at;
    return kumaNotice(o.monitor, { ...c, downSeconds }, c.at + 3_000);
  });
  return {
    key: o.key,
    client: o.client,
    asset: o.asset,
    source: 'uptime-kuma',
    fingerprint: sourceFingerprint('uptime-kuma', `monitor:${o.monitor.id}`),
    notices,
    shows: o.shows ?? [],
  };
}

/** A Zabbix trigger's problems, each maybe acknowledged by a technician in Zabbix, and their recoveries. */
export function zabbixStory(
  o: { key: string; client: string | null; asset: string | null; trigger: ZabbixTrigger; shows?: Show[] },
  episodes: (Episode & { ack?: number })[],
): DemoStory {
  const notices: DemoNotice[] = [];
  episodes.forEach((e, i) => {
    const eventId = o.trigger.triggerId * 100 + i;
    notices.push(
      zabbixNotice(o.trigger, eventId, { kind: 'problem', since: e.from, at: e.from }, e.from + 5_000),
    );
    if (e.ack !== undefined)
      notices.push(zabbixNotice(o.trigger, eventId, { kind: 'ack', since: e.from, at: e.ack }, e.ack));
    if (e.to !== null)
      notices.push(
        zabbixNotice(o.trigger, eventId, { kind: 'recovery', since: e.from, at: e.to }, e.to + 5_000),
      );
  });
  return {
    key: o.key,
    client: o.client,
    asset: o.asset,
    source: 'zabbix',
    fingerprint: sourceFingerprint('zabbix', `trigger:${o.trigger.triggerId}`),
    notices,
    shows: o.shows ?? [],
  };
}

/**
 * A backup job that went wrong: each failed (or warned) run is triggered again on the same key,
 * maybe acknowledged by an operator, and the next good run resolves it.
 */
export function backupStory(
  o: { key: string; client: string | null; asset: string | null; job: BackupJob; shows?: Show[] },
  runs: { at: number; severity: 'error' | 'warning'; summary: string; details: Record<string, string> }[],
  follow: { ack?: number; resolved?: number },
): DemoStory {
  const notices = runs.map((r) => backupNotice(o.job, { action: 'trigger', ...r }, r.at + 20_000));
  if (follow.ack !== undefined) notices.push(backupNotice(o.job, { action: 'acknowledge' }, follow.ack));
  if (follow.resolved !== undefined)
    notices.push(backupNotice(o.job, { action: 'resolve' }, follow.resolved));
  notices.sort((a, b) => a.receivedAt - b.receivedAt);
  return {
    key: o.key,
    client: o.client,
    asset: o.asset,
    source: 'events',
    fingerprint: sourceFingerprint('events', o.job.dedupKey),
    notices,
    shows: o.shows ?? [],
  };
}

// ── What each monitored thing reports ──

/** The Prometheus alert of a rule about one server, labelled as the MSP's Prometheus labels its targets. */
export function serverAlert(
  spec: DemoClientSpec,
  asset: DemoAsset,
  rule: { alertname: string; severity: string; summary: string; description: string; expr: string },
  extra: Record<string, string> = {},
): AmAlert {
  const instance = asset.identities.find((i) => i.key === 'instance')!.value;
  return {
    labels: {
      alertname: rule.alertname,
      instance,
      job: asset.os?.startsWith('Windows') ? 'windows' : 'node',
      severity: rule.severity,
      tenant: slugOf(spec),
      ...extra,
    },
    annotations: { summary: rule.summary, description: rule.description },
    expr: rule.expr.replace('$instance', instance),
  };
}

export const hostDownRule = (asset: DemoAsset) => ({
  alertname: 'HostDown',
  severity: 'critical',
  summary: `${asset.name} is down`,
  description: `The exporter on ${asset.address} has not answered a scrape for 2 minutes.`,
  expr: 'up{instance="$instance"} == 0',
});

/** A Zabbix trigger on one of the client's network devices. */
export function networkTrigger(
  spec: DemoClientSpec,
  asset: DemoAsset,
  triggerId: number,
  t: { name: string; severity: ZabbixTrigger['severity']; opdata: string; group: string },
): ZabbixTrigger {
  return {
    triggerId,
    host: asset.identities.find((i) => i.key === 'host')?.value ?? asset.name.toLowerCase(),
    hostName: `${asset.name} (${asset.model})`,
    hostIp: asset.address ?? '',
    severity: t.severity,
    name: t.name,
    opdata: t.opdata,
    tags: { customer: slugOf(spec), site: asset.site },
    hostGroups: [`Customers/${spec.name}`, `Customers/${spec.name}/${t.group}`],
  };
}

/** The Uptime Kuma monitor of a client's web service (an asset that carries its monitor identity). */
export function monitorOf(
  spec: DemoClientSpec,
  asset: DemoAsset,
  id: number,
  tags: Record<string, string> = {},
): KumaMonitor {
  return {
    id,
    name: asset.identities.find((i) => i.key === 'monitor')!.value,
    url: asset.identities.find((i) => i.key === 'instance')!.value,
    path: `Clients / ${spec.name} / ${asset.name}`,
    tags: { customer: slugOf(spec), ...tags },
  };
}

/** The backup job protecting one server, as the backup console names it. */
export const backupJobOf = (spec: DemoClientSpec, asset: DemoAsset, job: string): BackupJob => ({
  dedupKey: `vspc-${initialsOf(spec.name).toLowerCase()}-${asset.name.toLowerCase()}`,
  source: asset.address ?? asset.name,
  job,
  group: slugOf(spec),
});

// ── The everyday stories ──

type Context = { spec: DemoClientSpec; anchor: number; rng: Rng; clientIndex: number; key: string };

type Template = {
  id: string;
  roles: readonly DemoAsset['role'][];
  /** Opens a ticket under the demo's alert rules. */
  ticket: boolean;
  /** Counts as an outage (critical): at most one such story per client. */
  outage?: boolean;
  make(asset: DemoAsset, c: Context, n: number): DemoStory;
};

/** A start on day `daysBack` at a time in [fromHour, toHour) on the client's clock. */
const at = (c: Context, daysBack: number, fromHour: number, toHour: number) =>
  wallClock(c.anchor, c.spec.timeZone, daysBack, c.rng.int(fromHour, toHour - 1), c.rng.int(0, 59));

const backupRun = (c: Context, daysBack: number) =>
  wallClock(c.anchor, c.spec.timeZone, daysBack, 2, c.rng.int(5, 50));

const services: Partial<Record<DemoAsset['role'], [string, string]>> = {
  'sql-server': ['MSSQLSERVER', 'SQL Server (MSSQLSERVER)'],
  'app-server': ['W3SVC', 'World Wide Web Publishing Service'],
  'backup-server': ['VeeamBackupSvc', 'Veeam Backup Service'],
  'file-server': ['LanmanServer', 'Server'],
  'domain-controller': ['DNS', 'DNS Server'],
};

const volumes: Partial<Record<DemoAsset['role'], string>> = {
  'file-server': 'D:',
  'sql-server': 'E:',
  'backup-server': 'R:',
};

export const templates: readonly Template[] = [
  {
    id: 'host-down',
    roles: ['app-server', 'sql-server', 'file-server', 'domain-controller'],
    ticket: true,
    outage: true,
    make(asset, c) {
      const from = at(c, c.rng.int(3, 55), 0, 24);
      const alert = serverAlert(c.spec, asset, hostDownRule(asset));
      return amStory(
        { key: c.key, client: c.spec.name, asset: asset.name, alert },
        [{ from, to: from + c.rng.int(3, 9) * MINUTE }],
        c.anchor,
      );
    },
  },
  {
    id: 'service-down',
    roles: ['sql-server', 'app-server', 'backup-server'],
    ticket: true,
    make(asset, c) {
      const [name, display] = services[asset.role]!;
      const from = at(c, c.rng.int(3, 55), 7, 19);
      const alert = serverAlert(
        c.spec,
        asset,
        {
          alertname: 'WindowsServiceDown',
          severity: 'high',
          summary: `Service ${display} stopped on ${asset.name}`,
          description: `The ${name} service on ${asset.name} is not running; it is set to start automatically.`,
          expr: `windows_service_state{instance="$instance",name="${name.toLowerCase()}",state="running"} == 0`,
        },
        { name: name.toLowerCase() },
      );
      return amStory(
        { key: c.key, client: c.spec.name, asset: asset.name, alert },
        [{ from, to: from + c.rng.int(12, 50) * MINUTE }],
        c.anchor,
      );
    },
  },
  {
    id: 'disk-low',
    roles: ['file-server', 'sql-server', 'backup-server'],
    ticket: true,
    make(asset, c) {
      const volume = volumes[asset.role]!;
      const from = at(c, c.rng.int(4, 55), 8, 17);
      const full = c.rng.int(86, 93);
      const alert = serverAlert(
        c.spec,
        asset,
        {
          alertname: 'DiskSpaceLow',
          severity: 'warning',
          summary: `Volume ${volume} on ${asset.name} is ${full}% full`,
          description: `Less than 15% free on ${volume} for 30 minutes; at this week's rate it is full in ${c.rng.int(4, 12)} days.`,
          expr: `100 - windows_logical_disk_free_bytes{instance="$instance",volume="${volume}"} / windows_logical_disk_size_bytes * 100 > 85`,
        },
        { volume },
      );
      return amStory(
        { key: c.key, client: c.spec.name, asset: asset.name, alert, shows: ['repeats'] },
        [{ from, to: from + c.rng.int(6, 20) * HOUR }],
        c.anchor,
      );
    },
  },
  {
    id: 'memory-high',
    roles: ['app-server', 'sql-server', 'file-server', 'hypervisor'],
    ticket: false,
    make(asset, c) {
      const from = at(c, c.rng.int(2, 55), 8, 18);
      const alert = serverAlert(c.spec, asset, {
        alertname: 'HighMemoryUsage',
        severity: 'warning',
        summary: `Memory use on ${asset.name} above 90% for 15 minutes`,
        description: `${asset.name} has had less than 10% of its memory free for 15 minutes.`,
        expr: '100 * (1 - windows_os_physical_memory_free_bytes{instance="$instance"} / windows_cs_physical_memory_bytes) > 90',
      });
      return amStory(
        { key: c.key, client: c.spec.name, asset: asset.name, alert, shows: ['repeats'] },
        [{ from, to: from + c.rng.int(5, 9) * HOUR }],
        c.anchor,
      );
    },
  },
  {
    id: 'cpu-high',
    roles: ['app-server', 'sql-server', 'hypervisor', 'domain-controller'],
    ticket: false,
    make(asset, c) {
      const from = at(c, c.rng.int(2, 55), 8, 18);
      const alert = serverAlert(c.spec, asset, {
        alertname: 'HighCpuLoad',
        severity: 'warning',
        summary: `CPU of ${asset.name} above 90% for 10 minutes`,
        description: `Processor time on ${asset.name} has averaged over 90% for 10 minutes.`,
        expr: '100 - avg by (instance) (rate(windows_cpu_time_total{instance="$instance",mode="idle"}[5m])) * 100 > 90',
      });
      return amStory(
        { key: c.key, client: c.spec.name, asset: asset.name, alert },
        [{ from, to: from + c.rng.int(15, 70) * MINUTE }],
        c.anchor,
      );
    },
  },
  {
    id: 'website-down',
    roles: ['website'],
    ticket: true,
    outage: true,
    make(asset, c, n) {
      const monitor = monitorOf(c.spec, asset, idBase(c.clientIndex) + n);
      const from = at(c, c.rng.int(3, 55), 0, 24);
      const to = from + c.rng.int(2, 7) * MINUTE;
      const why = c.rng.pick([
        'Request failed with status code 502',
        'timeout of 48000ms exceeded',
        'Request failed with status code 503',
      ]);
      return kumaStory({ key: c.key, client: c.spec.name, asset: asset.name, monitor }, [
        { up: false, at: from, msg: why },
        { up: true, at: to, msg: '200 - OK' },
      ]);
    },
  },
  {
    id: 'interface-down',
    roles: ['switch'],
    ticket: true,
    make(asset, c, n) {
      const port = c.rng.int(1, 24);
      const what = c.rng.pick(['Reception', 'Meeting room', 'Access point', 'Printer', 'Uplink to FW01']);
      const trigger = networkTrigger(c.spec, asset, idBase(c.clientIndex) + n, {
        name: `Interface 1/1/${port}(${what}): Link down`,
        severity: 4,
        opdata: 'Current state: lowerLayerDown',
        group: 'Switches',
      });
      const from = at(c, c.rng.int(3, 55), 8, 18);
      return zabbixStory({ key: c.key, client: c.spec.name, asset: asset.name, trigger }, [
        { from, to: from + c.rng.int(5, 35) * MINUTE },
      ]);
    },
  },
  {
    id: 'ping-slow',
    roles: ['firewall'],
    ticket: false,
    make(asset, c, n) {
      const trigger = networkTrigger(c.spec, asset, idBase(c.clientIndex) + n, {
        name: `High ICMP ping response time on ${asset.name}`,
        severity: 2,
        opdata: `Value: ${c.rng.int(180, 420)}ms`,
        group: 'Firewalls',
      });
      const from = at(c, c.rng.int(2, 55), 9, 17);
      return zabbixStory({ key: c.key, client: c.spec.name, asset: asset.name, trigger }, [
        { from, to: from + c.rng.int(15, 60) * MINUTE },
      ]);
    },
  },
  {
    id: 'ap-down',
    roles: ['access-point'],
    ticket: false,
    make(asset, c, n) {
      const trigger = networkTrigger(c.spec, asset, idBase(c.clientIndex) + n, {
        name: `Unavailable by ICMP ping`,
        severity: 4,
        opdata: 'Loss: 100 %',
        group: 'Access points',
      });
      const from = at(c, c.rng.int(2, 55), 0, 6);
      return zabbixStory({ key: c.key, client: c.spec.name, asset: asset.name, trigger }, [
        { from, to: from + c.rng.int(3, 10) * MINUTE },
      ]);
    },
  },
  {
    id: 'backup-failed',
    roles: ['backup-server', 'file-server', 'till-server'],
    ticket: true,
    make(asset, c) {
      const day = c.rng.int(3, 55);
      const job = backupJobOf(c.spec, asset, `${asset.name} nightly`);
      const reason = c.rng.pick([
        'VSS snapshot of volume C: timed out',
        'Repository is out of free space',
        'Changed block tracking data is invalid; full scan needed',
      ]);
      return backupStory(
        { key: c.key, client: c.spec.name, asset: asset.name, job },
        [
          {
            at: backupRun(c, day),
            severity: 'error',
            summary: `Backup job '${job.job}' failed: ${reason}`,
            details: { job: job.job, result: 'Failed', error: reason },
          },
        ],
        { resolved: backupRun(c, day - 1) + 40 * MINUTE },
      );
    },
  },
  {
    id: 'backup-warning',
    roles: ['backup-server', 'file-server', 'till-server'],
    ticket: false,
    make(asset, c) {
      const day = c.rng.int(3, 55);
      const job = backupJobOf(c.spec, asset, `${asset.name} nightly`);
      return backupStory(
        { key: c.key, client: c.spec.name, asset: asset.name, job },
        [
          {
            at: backupRun(c, day),
            severity: 'warning',
            summary: `Backup job '${job.job}' finished with warnings: 1 file was locked and skipped`,
            details: { job: job.job, result: 'Warning', skipped: '1 file' },
          },
        ],
        { resolved: backupRun(c, day - 1) + 35 * MINUTE },
      );
    },
  },
];

/**
 * A monitored client's everyday stories: `count` of them, each a template on one of its assets,
 * at most `tickets` that open a ticket and one outage; fingerprints in `taken` are left alone.
 */
export function everydayStories(
  c: Omit<Context, 'key'>,
  assets: readonly DemoAsset[],
  limits: { count: number; tickets: number; only?: readonly string[] },
  taken: ReadonlySet<string>,
): DemoStory[] {
  const pairs = templates
    .filter((t) => !limits.only || limits.only.includes(t.id))
    .flatMap((t) => assets.filter((a) => t.roles.includes(a.role)).map((a) => ({ t, a })));
  const out: DemoStory[] = [];
  let tickets = 0;
  let outage = false;
  const used = new Set(taken);
  for (const [n, { t, a }] of c.rng.sample(pairs, pairs.length).entries()) {
    if (out.length >= limits.count || n >= 90) break;
    if (t.ticket && tickets >= limits.tickets) continue;
    if (t.outage && outage) continue;
    // Two backup templates on one server would share its job's key.
    if (t.id.startsWith('backup') && out.some((s) => s.asset === a.name && s.source === 'events')) continue;
    const story = t.make(a, { ...c, key: `${c.spec.name}/${t.id}/${a.name}` }, n);
    if (used.has(story.fingerprint)) continue;
    used.add(story.fingerprint);
    out.push(story);
    if (t.ticket) tickets++;
    if (t.outage) outage = true;
  }
  return out;
}
