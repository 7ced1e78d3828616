/**
 * The normalized alert event every receiver produces, whatever tool sent it. Instants are epoch
 * milliseconds (UTC) throughout src/domain/monitoring.
 */

/** Which receiver an event came through; `events` is the PagerDuty Events API v2 style one. */
export const alertSources = ['alertmanager', 'uptime-kuma', 'zabbix', 'events'] as const;
export type AlertSource = (typeof alertSources)[number];

/** Keel's one severity scale, most severe first (index 0 is the worst). */
export const severities = ['critical', 'high', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** Whether `a` is at least as severe as `b`. */
export const atLeast = (a: Severity, b: Severity): boolean => severities.indexOf(a) <= severities.indexOf(b);

/**
 * firing: the problem is (still) there; resolved: it recovered; acknowledged: someone in the tool
 * took it (PagerDuty acknowledge, a Zabbix acknowledgement), which changes no state.
 */
export const eventStatuses = ['firing', 'resolved', 'acknowledged'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export type Labels = Readonly<Record<string, string>>;

/** What the event is about, as monitoring tools name things; mapping rules and assets match on these. */
export const identityKeys = ['instance', 'host', 'monitor', 'service'] as const;
export type IdentityKey = (typeof identityKeys)[number];
export type Identity = Readonly<Partial<Record<IdentityKey, string>>>;

export type AlertEvent = {
  source: AlertSource;
  /**
   * Stable key of the alert across repeats, recoveries and recurrences, prefixed with the source so
   * two tools never collide (`alertmanager:c6eadffa33fcdf37`, `zabbix:trigger:14032`). The tool's own
   * key when it has one, else derived from identity labels (fingerprint.ts). Two instances of one
   * tool can still send the same key: the receiver scopes alerts by integration as well.
   */
  fingerprint: string;
  status: EventStatus;
  /** Mapped onto Keel's scale (severity.ts); null only when the tool said nothing and it is not firing. */
  severity: Severity | null;
  /** One line for a ticket subject; null when the tool sent none (a bare acknowledge or resolve). */
  summary: string | null;
  description: string | null;
  /** Link back to the alert in the tool, when it gives one. */
  url: string | null;
  labels: Labels;
  identity: Identity;
  /**
   * When the state this event reports began, by the tool's clock: a firing alert's start, a
   * recovery's end time. The receipt time stands in when the tool gives none.
   */
  occurredAt: number;
};

/** A well-formed part of a payload that carries no state change (a test notification, a pending check). */
export type SkippedItem = { field: string; reason: string };

export type ParsedPayload = { events: AlertEvent[]; skipped: SkippedItem[] };
