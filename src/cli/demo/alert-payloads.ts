/**
 * Notifications in the formats the demo MSP's monitoring tools send them, as Keel's receivers read
 * them (src/domain/monitoring): Prometheus Alertmanager (webhook version 4), Uptime Kuma, Zabbix
 * (the media type of zabbix-webhook.md) and the backup console through the Events API v2 receiver.
 * Pure: each builder turns one state change at a given instant into the body the tool would post.
 */
import type { AlertSource } from '../../domain/monitoring/index.js';
import { demoMsp } from './users.js';

/** One notification: the body a tool posts, and when Keel receives it. */
export type DemoNotice = { source: AlertSource; receivedAt: number; body: unknown };

const iso = (ms: number) => new Date(ms).toISOString();
const tools = (name: string) => `https://${name}.${demoMsp.domain}`;

export type AmAlert = { labels: Record<string, string>; annotations: Record<string, string>; expr: string };

/**
 * An Alertmanager group notification holding one alert: firing since `startsAt`, or resolved at
 * `endsAt`. Alertmanager sends its own fingerprint of the label set.
 */
export function alertmanagerNotice(
  alert: AmAlert,
  fingerprint: string,
  state: { startsAt: number; endsAt: number | null },
  receivedAt: number,
): DemoNotice {
  const { alertname, tenant } = alert.labels;
  const status = state.endsAt === null ? 'firing' : 'resolved';
  return {
    source: 'alertmanager',
    receivedAt,
    body: {
      version: '4',
      groupKey: `{}/{tenant=~".+"}:{alertname="${alertname}", tenant="${tenant ?? ''}"}`,
      truncatedAlerts: 0,
      status,
      receiver: 'keel',
      groupLabels: { alertname, ...(tenant ? { tenant } : {}) },
      commonLabels: alert.labels,
      commonAnnotations: alert.annotations,
      externalURL: tools('alertmanager'),
      alerts: [
        {
          status,
          labels: alert.labels,
          annotations: alert.annotations,
          startsAt: iso(state.startsAt),
          // A firing alert's end is unset (Go's zero time).
          endsAt: state.endsAt === null ? '0001-01-01T00:00:00Z' : iso(state.endsAt),
          generatorURL: `${tools('prometheus')}/graph?g0.expr=${encodeURIComponent(alert.expr)}&g0.tab=1`,
          fingerprint,
        },
      ],
    },
  };
}

export type KumaMonitor = {
  id: number;
  name: string;
  url: string;
  path: string;
  tags: Record<string, string>;
};

/** Uptime Kuma's time: UTC, 'YYYY-MM-DD HH:mm:ss.SSS'. */
const kumaTime = (ms: number) => iso(ms).replace('T', ' ').replace('Z', '');

/** An Uptime Kuma webhook: the monitor went down (with why) or came back up at `at`. */
export function kumaNotice(
  monitor: KumaMonitor,
  change: { up: boolean; at: number; msg: string; downSeconds?: number },
  receivedAt: number,
): DemoNotice {
  const time = kumaTime(change.at);
  return {
    source: 'uptime-kuma',
    receivedAt,
    body: {
      heartbeat: {
        monitorID: monitor.id,
        status: change.up ? 1 : 0,
        time,
        msg: change.msg,
        ping: change.up ? 180 + (monitor.id % 90) : null,
        important: true,
        duration: change.downSeconds ?? 0,
        timezone: 'UTC',
        timezoneOffset: '+00:00',
        localDateTime: time.slice(0, 19),
        retries: 0,
      },
      monitor: {
        id: monitor.id,
        name: monitor.name,
        description: null,
        pathName: monitor.path,
        url: monitor.url,
        method: 'GET',
        hostname: null,
        port: null,
        type: 'http',
        interval: 60,
        retryInterval: 60,
        maxretries: 1,
        active: true,
        tags: Object.entries(monitor.tags).map(([name, value], i) => ({ id: i + 1, name, value })),
      },
      msg: `[${monitor.name}] [${change.up ? '✅ Up' : '🔴 Down'}] ${change.msg}`,
    },
  };
}

export type ZabbixTrigger = {
  triggerId: number;
  host: string;
  hostName: string;
  hostIp: string;
  /** {EVENT.NSEVERITY}: 0 not classified … 5 disaster. */
  severity: 0 | 1 | 2 | 3 | 4 | 5;
  name: string;
  opdata: string;
  tags: Record<string, string>;
  hostGroups: string[];
};

/** A Zabbix media-type body: the problem (since `since`), an acknowledgement of it, or its recovery. */
export function zabbixNotice(
  trigger: ZabbixTrigger,
  eventId: number,
  change: { kind: 'problem' | 'ack' | 'recovery'; since: number; at: number },
  receivedAt: number,
): DemoNotice {
  const recovered = change.kind === 'recovery';
  return {
    source: 'zabbix',
    receivedAt,
    body: {
      event_id: String(eventId),
      trigger_id: String(trigger.triggerId),
      host: trigger.host,
      host_name: trigger.hostName,
      host_ip: trigger.hostIp,
      severity: String(trigger.severity),
      status: recovered ? 'RESOLVED' : 'PROBLEM',
      update: change.kind === 'ack' ? '1' : '0',
      acknowledged: change.kind === 'ack' ? 'Yes' : 'No',
      event_name: trigger.name,
      opdata: trigger.opdata,
      occurred_at: Math.floor((recovered ? change.at : change.since) / 1000),
      tags: JSON.stringify(Object.entries(trigger.tags).map(([tag, value]) => ({ tag, value }))),
      host_groups: trigger.hostGroups.join(', '),
      url: `${tools('zabbix')}/tr_events.php?triggerid=${trigger.triggerId}&eventid=${eventId}`,
    },
  };
}

export type BackupJob = {
  dedupKey: string;
  /** The protected machine, as the backup console names it. */
  source: string;
  job: string;
  group: string;
};

/** The backup console's Events API v2 call: a failed (or warned) run, its acknowledgement, or the next good run. */
export function backupNotice(
  job: BackupJob,
  change:
    | {
        action: 'trigger';
        at: number;
        severity: 'error' | 'warning';
        summary: string;
        details: Record<string, string>;
      }
    | { action: 'acknowledge' | 'resolve' },
  receivedAt: number,
): DemoNotice {
  const body =
    change.action === 'trigger'
      ? {
          routing_key: 'northbeam-vspc',
          event_action: 'trigger',
          dedup_key: job.dedupKey,
          payload: {
            summary: change.summary,
            source: job.source,
            severity: change.severity,
            timestamp: iso(change.at),
            component: job.job,
            group: job.group,
            class: 'backup',
            custom_details: change.details,
          },
          client: 'Veeam Service Provider Console',
          client_url: `${tools('vspc')}/jobs?search=${encodeURIComponent(job.job)}`,
        }
      : { routing_key: 'northbeam-vspc', event_action: change.action, dedup_key: job.dedupKey };
  return { source: 'events', receivedAt, body };
}
