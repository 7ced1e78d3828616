/** Alert payloads in each tool's format, and the callers that post them, for the alerts tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import { type Caller, call } from '../support/app.js';

export const fixturesDir = new URL('../../src/domain/monitoring/fixtures/', import.meta.url).pathname;

/** A fixture payload exactly as the tool sent it. */
export const fixture = (path: string): unknown => JSON.parse(readFileSync(join(fixturesDir, path), 'utf8'));

/** A user's API token that holds `alerts:ingest` and nothing else: what a monitoring tool is given. */
export async function ingestToken(app: App, admin: Caller): Promise<Record<string, string>> {
  const { token } = await app.keel.identity.service.createToken(admin.userId, {
    name: 'monitoring',
    scopes: ['alerts:ingest'],
  });
  return { authorization: `Bearer ${token}` };
}

export type AmAlert = {
  status?: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  fingerprint?: string;
};

const minute = 60_000;
/** An instant `m` minutes from now (negative: in the past), as Alertmanager writes it. */
export const at = (m: number) => new Date(Date.now() + m * minute).toISOString();

/** An Alertmanager webhook (version 4) holding `alerts`. */
export function amWebhook(alerts: AmAlert[]) {
  const firing = alerts.some((a) => (a.status ?? 'firing') === 'firing');
  return {
    version: '4',
    groupKey: '{}:{alertname="HostDown"}',
    truncatedAlerts: 0,
    status: firing ? 'firing' : 'resolved',
    receiver: 'keel',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: alerts.map((a) => ({
      status: a.status ?? 'firing',
      labels: a.labels,
      annotations: a.annotations ?? { summary: `${a.labels.instance ?? 'host'} is down` },
      startsAt: a.startsAt,
      endsAt: a.endsAt ?? '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph',
      ...(a.fingerprint ? { fingerprint: a.fingerprint } : {}),
    })),
  };
}

/** A critical HostDown alert of a customer's instance. */
export const hostDown = (customer: string, instance: string, over: Partial<AmAlert> = {}): AmAlert => ({
  labels: { alertname: 'HostDown', severity: 'critical', customer, instance, job: 'node' },
  startsAt: at(-5),
  ...over,
});

export const post = (
  app: App,
  source: string,
  headers: Record<string, string>,
  payload: unknown,
  query = '',
) =>
  call(app, {
    method: 'POST',
    url: `/api/v1/integrations/${source}${query}`,
    headers,
    payload: payload as object,
  });

/** The number of rows of the alert tables, to show that a refused payload stored nothing. */
export async function alertRowCounts(
  app: App & { store: { executeSql(t: string): Promise<{ rows: any[] }> } },
) {
  const { rows } = await app.store.executeSql(
    `select (select count(*) from alerts)::int alerts, (select count(*) from alert_events)::int events,
       (select count(*) from alert_actions)::int actions, (select count(*) from alert_tickets)::int tickets`,
  );
  return rows[0] as { alerts: number; events: number; actions: number; tickets: number };
}
