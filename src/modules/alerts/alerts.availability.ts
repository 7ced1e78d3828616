/**
 * Availability per client and monitored service, per calendar month on the client's wall clock,
 * against the availability target of the client's agreement, from the stored alert events.
 *
 * - A monitored service is an asset (every alert mapped to it), or one alert fingerprint of no
 *   asset. Each fingerprint is down from a firing event at least as severe as the settings'
 *   `outageSeverity` (default critical) to its next recovery; a service is down while any of its
 *   fingerprints is. Events the lifecycle ignored (stale copies) are not read.
 * - Maintenance windows come off both the agreed time and the downtime (the domain's rule): an
 *   asset's own windows for that asset, the client's windows for everything. The client's overall
 *   figure is the union of its services' outages, each less its asset's windows.
 * - The target is the one the agreements in force at the month's end (or today) promise; a month
 *   with none is measured and shown, with status 'no-target'.
 * - A month that ended breached is recorded once (availability_breaches) by the daily job.
 */
import { and, eq, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import {
  atLeast,
  availabilityInputErrors,
  type Interval,
  type MonthAvailability,
  maintenanceIntervals,
  monthInterval,
  monthlyAvailability,
  monthsFrom,
  normalizeIntervals,
  outageIntervals,
  parseMonth,
  type Severity,
  type StateSample,
  severities,
  subtractIntervals,
} from '../../domain/monitoring/index.js';
import type { Db } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AlertPorts } from './alerts.ports.js';
import { type AlertSettingsStore, invalidInput, windowOf } from './alerts.settings.js';
import { alertEvents, alerts, availabilityBreaches, maintenanceWindows } from './alerts.tables.js';

/** At most three years in one answer. */
const maxMonths = 36;

const minutes = (ms: number) => Math.round(ms / 600) / 100;
const iso = (ms: number) => new Date(ms).toISOString();

type Sample = {
  alertId: string | null;
  integration: string;
  fingerprint: string;
  assetId: string | null;
  at: number;
  state: 'down' | 'up';
};

type Service = { service: string; name: string; assetId: string | null; outages: Interval[] };

function presentMonth(m: MonthAvailability, target: number | null) {
  return {
    month: m.month,
    complete: m.complete,
    agreedMinutes: minutes(m.agreedMs),
    maintenanceMinutes: minutes(m.maintenanceMs),
    downtimeMinutes: m.downtimeMinutes,
    allowedDowntimeMinutes: target === null ? 0 : m.allowedDowntimeMinutes,
    availabilityPercent: m.availabilityPercent,
    targetPercent: target,
    status: target === null ? ('no-target' as const) : m.status,
    outages: m.outages.map((o) => ({ from: iso(o.from), to: iso(o.to) })),
  };
}

/** The last calendar day of a month ('YYYY-MM-DD'), or today when the month is not over. */
function targetDay(month: string, now: number): string {
  const { year, month: m } = parseMonth(month)!;
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  const today = new Date(now).toISOString().slice(0, 10);
  return last < today ? last : today;
}

export function createAvailability(deps: {
  db: Db;
  ports: Pick<AlertPorts, 'clientTimeZone' | 'availabilityTarget' | 'clientsWithTargets'>;
  settings: AlertSettingsStore;
}) {
  const { db } = deps;

  /** Down/up samples of the client's alerts in [from, to), with the last one before `from` of each fingerprint. */
  async function samples(
    clientId: string,
    from: number,
    to: number,
    outageSeverity: Severity,
  ): Promise<Sample[]> {
    // Only events that are a sample: recoveries, and firings severe enough to be an outage.
    const outageSeverities = severities.filter((s) => atLeast(s, outageSeverity));
    const counted = and(
      eq(alertEvents.clientId, clientId),
      ne(alertEvents.outcome, 'ignored'),
      or(
        eq(alertEvents.status, 'resolved'),
        and(eq(alertEvents.status, 'firing'), inArray(alertEvents.severity, outageSeverities)),
      ),
    );
    const columns = {
      alertId: alertEvents.alertId,
      integration: alertEvents.integration,
      fingerprint: alertEvents.fingerprint,
      assetId: alertEvents.assetId,
      status: alertEvents.status,
      severity: alertEvents.severity,
      occurredAt: alertEvents.occurredAt,
    };
    const [inside, before] = await Promise.all([
      db
        .select(columns)
        .from(alertEvents)
        .where(
          and(counted, gte(alertEvents.occurredAt, new Date(from)), lt(alertEvents.occurredAt, new Date(to))),
        ),
      db
        .selectDistinctOn([alertEvents.integration, alertEvents.fingerprint], columns)
        .from(alertEvents)
        .where(and(counted, lt(alertEvents.occurredAt, new Date(from))))
        .orderBy(alertEvents.integration, alertEvents.fingerprint, sql`${alertEvents.occurredAt} desc`),
    ]);
    return [...before, ...inside].map((e) => ({
      alertId: e.alertId,
      integration: e.integration,
      fingerprint: e.fingerprint,
      assetId: e.assetId,
      at: e.occurredAt.getTime(),
      state: e.status === 'resolved' ? 'up' : 'down',
    }));
  }

  /** Outages per service: per fingerprint from its samples, then the union of a service's fingerprints. */
  async function servicesOf(
    clientId: string,
    from: number,
    to: number,
    until: number,
    outageSeverity: Severity,
  ) {
    const byFingerprint = new Map<string, Sample[]>();
    for (const s of await samples(clientId, from, to, outageSeverity)) {
      const key = `${s.integration}/${s.fingerprint}`;
      const list = byFingerprint.get(key) ?? [];
      list.push(s);
      byFingerprint.set(key, list);
    }
    const out = new Map<string, Service>();
    const names = await serviceNames(
      [...byFingerprint.values()].map((l) => l.at(-1)!.alertId).filter((id) => id !== null),
    );
    for (const [key, list] of byFingerprint) {
      const assetId = list.findLast((s) => s.assetId)?.assetId ?? null;
      const service = assetId ? `asset:${assetId}` : `alert:${key}`;
      const states: StateSample[] = list.map((s) => ({ at: s.at, state: s.state }));
      const outages = outageIntervals(states, Math.min(until, to));
      const entry = out.get(service) ?? {
        service,
        name: assetId ? `Asset ${assetId}` : (names.get(list.at(-1)!.alertId ?? '') ?? key),
        assetId,
        outages: [],
      };
      entry.outages = normalizeIntervals([...entry.outages, ...outages]);
      out.set(service, entry);
    }
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function serviceNames(alertIds: string[]): Promise<Map<string, string>> {
    if (!alertIds.length) return new Map();
    const rows = await db
      .select({ id: alerts.id, summary: alerts.summary, fingerprint: alerts.fingerprint })
      .from(alerts)
      .where(inArray(alerts.id, [...new Set(alertIds)]));
    return new Map(rows.map((r) => [r.id, r.summary ?? r.fingerprint]));
  }

  async function measure(clientId: string, first: string, last: string, now: number) {
    const timeZone = await deps.ports.clientTimeZone(clientId);
    if (timeZone === null) throw notFound('CLIENT_NOT_FOUND', 'Client', clientId);
    const months = monthsFrom(first, last);
    if (months.length === 0)
      throw invalidInput('The range cannot be measured.', [
        { field: 'querystring.to', code: 'INVALID_RANGE', message: 'is before from' },
      ]);
    if (months.length > maxMonths)
      throw invalidInput('The range cannot be measured.', [
        { field: 'querystring.to', code: 'INVALID_RANGE', message: `at most ${maxMonths} months at once` },
      ]);
    const from = monthInterval(timeZone, first).from;
    const to = monthInterval(timeZone, last).to;
    const settings = await deps.settings.read();
    const [list, windowRows, targets] = await Promise.all([
      servicesOf(clientId, from, to, now, settings.outageSeverity),
      db.select().from(maintenanceWindows).where(eq(maintenanceWindows.clientId, clientId)),
      Promise.all(months.map((m) => deps.ports.availabilityTarget(clientId, targetDay(m, now)))),
    ]);
    const windows = windowRows.map(windowOf);
    const perMonth = (outages: Interval[], maintenance: Interval[]) =>
      months.map((month, i) => {
        const target = targets[i] ?? null;
        const input = {
          outages,
          maintenance,
          timeZone,
          first: month,
          last: month,
          until: now,
          targetPercent: target ?? 0,
        };
        const errors = availabilityInputErrors(input);
        if (errors.length)
          throw new AppError(
            'UNPROCESSABLE',
            `The availability target cannot be used: ${errors[0]!.message}`,
          );
        return { raw: monthlyAvailability(input)[0]!, target };
      });
    const clientWide = maintenanceIntervals(windows, { clientId, assetId: null }, from, to);
    const services = list.map((s) => {
      const own = maintenanceIntervals(windows, { clientId, assetId: s.assetId }, from, to);
      return { ...s, own, months: perMonth(s.outages, own) };
    });
    const overallOutages = normalizeIntervals(services.flatMap((s) => subtractIntervals(s.outages, s.own)));
    return { timeZone, targets, months, overall: perMonth(overallOutages, clientWide), services };
  }

  return {
    async forClient(clientId: string, first: string, last: string, now = Date.now()) {
      const m = await measure(clientId, first, last, now);
      const breaches = await db
        .select()
        .from(availabilityBreaches)
        .where(
          and(
            eq(availabilityBreaches.clientId, clientId),
            gte(availabilityBreaches.month, first),
            lte(availabilityBreaches.month, last),
          ),
        )
        .orderBy(availabilityBreaches.month, availabilityBreaches.service);
      const latestTarget = m.targets.at(-1) ?? null;
      return {
        clientId,
        timeZone: m.timeZone,
        targetPercent: latestTarget,
        targetSource: latestTarget === null ? ('none' as const) : ('agreement' as const),
        overall: m.overall.map((x) => presentMonth(x.raw, x.target)),
        services: m.services.map((s) => ({
          service: s.service,
          name: s.name,
          assetId: s.assetId,
          months: s.months.map((x) => presentMonth(x.raw, x.target)),
        })),
        breaches: breaches.map((b) => ({
          service: b.service,
          month: b.month,
          availabilityPercent: b.availabilityMilliPercent / 1000,
          recordedAt: b.recordedAt.toISOString(),
        })),
      };
    },

    /**
     * Records every month that ended breached in the last two months (the client as a whole, 'all',
     * and each service), once. Returns how many breaches were new.
     */
    async recordBreaches(now = Date.now()): Promise<number> {
      const today = new Date(now).toISOString().slice(0, 10);
      let recorded = 0;
      for (const clientId of await deps.ports.clientsWithTargets(today)) {
        const thisMonth = today.slice(0, 7);
        const [y, mo] = thisMonth.split('-').map(Number) as [number, number];
        const previous = new Date(Date.UTC(y, mo - 2, 1)).toISOString().slice(0, 7);
        const m = await measure(clientId, previous, thisMonth, now).catch((err) => {
          if (err instanceof AppError && err.status < 500) return null;
          throw err;
        });
        if (!m) continue;
        const rows = [
          ...m.overall.map((x) => ({ service: 'all', ...x })),
          ...m.services.flatMap((s) => s.months.map((x) => ({ service: s.service, ...x }))),
        ]
          .filter((x) => x.target !== null && x.raw.complete && x.raw.status === 'breached')
          .map((x) => ({
            clientId,
            service: x.service,
            month: x.raw.month,
            targetMilliPercent: Math.round(x.target! * 1000),
            availabilityMilliPercent: x.raw.availabilityMilliPercent ?? 0,
            downtimeMs: x.raw.downtimeMs,
            allowedDowntimeMs: x.raw.allowedDowntimeMs,
          }));
        if (!rows.length) continue;
        const inserted = await db
          .insert(availabilityBreaches)
          .values(rows)
          .onConflictDoNothing()
          .returning({ id: availabilityBreaches.id });
        recorded += inserted.length;
      }
      return recorded;
    },
  };
}

export type Availability = ReturnType<typeof createAvailability>;
