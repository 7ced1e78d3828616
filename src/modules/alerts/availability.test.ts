import { beforeAll, describe, expect, it } from 'vitest';
import { amWebhook, hostDown, ingestToken, post } from '../../../test/alerts/support.js';
import { fullStack } from '../../../test/support/agreements.js';
import {
  buildClient,
  buildUser,
  type Caller,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

/**
 * Availability from stored events: an outage across the January–February boundary of a client in
 * Paris (UTC+1 in winter, so January ends at 23:00 UTC), half an hour of it in a maintenance window.
 */
describe.each(storeKinds)('availability on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  let ingest: Record<string, string>;
  let clientId: string;
  const api = (method: string, url: string, payload?: unknown, who = admin) =>
    call(t.current, { method, url, payload: payload as object, headers: who.headers });
  const send = async (alert: ReturnType<typeof hostDown>) =>
    expect((await post(t.current, 'alertmanager', ingest, amWebhook([alert]))).statusCode).toBe(202);

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
    ingest = await ingestToken(t.current, admin);
    clientId = (await buildClient(t.current, { timeZone: 'Europe/Paris' })).id;
    const agreement = await api('POST', '/api/v1/agreements', {
      clientId,
      ...fullStack({ startDate: '2025-01-01', availabilityTargetPercent: 99.9 }),
    });
    expect(agreement.statusCode, JSON.stringify(agreement.data)).toBe(201);
    const active = await api('POST', `/api/v1/agreements/${agreement.data.id}/activate`, {
      signedOn: '2024-12-20',
      signedBy: 'CEO',
    });
    expect(active.statusCode).toBe(200);
    await api('POST', '/api/v1/alert-mapping-rules', {
      clientId,
      matchers: [{ field: 'labels.customer', op: '=', value: 'paris' }],
    });
    const window = await api('POST', '/api/v1/maintenance-windows', {
      clientId,
      name: 'Core switch upgrade',
      schedule: { kind: 'once', from: '2026-02-01T00:00:00Z', to: '2026-02-01T00:30:00Z' },
    });
    expect(window.statusCode).toBe(201);
    const down = hostDown('paris', 'core:9100', { startsAt: '2026-01-31T22:30:00Z' });
    await send(down);
    await send({ ...down, status: 'resolved', endsAt: '2026-02-01T00:30:00Z' });
    // A warning is no outage.
    const slow = { ...hostDown('paris', 'slow:9100', { startsAt: '2026-03-03T10:00:00Z' }) };
    slow.labels = { ...slow.labels, severity: 'warning' };
    await send(slow);
    await send({ ...slow, status: 'resolved', endsAt: '2026-03-03T12:00:00Z' });
  });

  it('per month on the client’s wall clock, maintenance off agreed time and downtime, against the target', async () => {
    const res = await api('GET', `/api/v1/clients/${clientId}/availability?from=2026-01&to=2026-03`);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    expect(res.data).toMatchObject({
      timeZone: 'Europe/Paris',
      targetPercent: 99.9,
      targetSource: 'agreement',
    });
    const [jan, feb, mar] = res.data.overall;
    expect(jan).toMatchObject({
      month: '2026-01',
      complete: true,
      agreedMinutes: 44_640,
      maintenanceMinutes: 0,
      downtimeMinutes: 30,
      allowedDowntimeMinutes: 44.64,
      availabilityPercent: 99.932,
      status: 'met',
    });
    expect(jan.outages).toEqual([{ from: '2026-01-31T22:30:00.000Z', to: '2026-01-31T23:00:00.000Z' }]);
    expect(feb).toMatchObject({
      month: '2026-02',
      agreedMinutes: 40_290,
      maintenanceMinutes: 30,
      downtimeMinutes: 60,
      allowedDowntimeMinutes: 40.29,
      availabilityPercent: 99.851,
      status: 'breached',
    });
    // March in Paris loses an hour to summer time; the warning counted for nothing.
    expect(mar).toMatchObject({
      agreedMinutes: 44_580,
      downtimeMinutes: 0,
      availabilityPercent: 100,
      status: 'met',
    });
    // Every monitored service is listed; the one that only warned was never down.
    const byName = Object.fromEntries(
      res.data.services.map((s: { name: string; months: { status: string }[] }) => [
        s.name,
        s.months.map((m) => m.status),
      ]),
    );
    expect(byName).toEqual({
      'core:9100 is down': ['met', 'breached', 'met'],
      'slow:9100 is down': ['met', 'met', 'met'],
    });
  });

  it('records a month that ended breached once, and shows it', async () => {
    const availability = t.current.keel.alerts.availability;
    const march10 = Date.parse('2026-03-10T00:00:00Z');
    expect(await availability.recordBreaches(march10)).toBe(2);
    expect(await availability.recordBreaches(march10)).toBe(0);
    const res = await api('GET', `/api/v1/clients/${clientId}/availability?from=2026-02&to=2026-02`);
    expect(
      res.data.breaches.map((b: { service: string; month: string }) => [b.service.split(':')[0], b.month]),
    ).toEqual([
      ['alert', '2026-02'],
      ['all', '2026-02'],
    ]);
    expect(res.data.breaches[0].availabilityPercent).toBe(99.851);
  });

  it('a client without a target is measured, with no verdict', async () => {
    const other = (await buildClient(t.current, { timeZone: 'UTC' })).id;
    const res = await api('GET', `/api/v1/clients/${other}/availability?from=2026-01&to=2026-01`);
    expect(res.data).toMatchObject({ targetPercent: null, targetSource: 'none', services: [] });
    expect(res.data.overall[0]).toMatchObject({
      status: 'no-target',
      availabilityPercent: 100,
      targetPercent: null,
    });
  });

  it('a portal user sees their own client’s availability and no one else’s; bad ranges are refused', async () => {
    const portal = await buildUser(t.current, 'portal', { clientId });
    expect(
      (
        await api(
          'GET',
          `/api/v1/clients/${clientId}/availability?from=2026-02&to=2026-02`,
          undefined,
          portal,
        )
      ).statusCode,
    ).toBe(200);
    const other = (await buildClient(t.current)).id;
    expectProblem(
      await api('GET', `/api/v1/clients/${other}/availability?from=2026-02&to=2026-02`, undefined, portal),
      404,
    );
    expectProblem(await api('GET', `/api/v1/clients/${clientId}/availability?from=2026-03&to=2026-01`), 400);
    expectProblem(await api('GET', `/api/v1/clients/${clientId}/availability?from=2026-13&to=2027-01`), 400);
    expectProblem(await api('GET', `/api/v1/clients/${clientId}/availability?from=2020-01&to=2026-01`), 400);
    expectProblem(
      await api(
        'GET',
        '/api/v1/clients/0190e4a0-0000-7000-8000-000000000000/availability?from=2026-01&to=2026-01',
      ),
      404,
    );
  });
});
