import { beforeAll, describe, expect, it } from 'vitest';
import { type AmAlert, amWebhook, at, hostDown, ingestToken, post } from '../../../test/alerts/support.js';
import { buildClient, buildUser, type Caller, call, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

/**
 * The alert lifecycle end to end: payloads through the receiver, the ticket job drained by hand
 * (tests start no job queue), tickets read back through the helpdesk's API.
 */
describe.each(storeKinds)('alert lifecycle on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  let tech: Caller;
  let ingest: Record<string, string>;
  let clientId: string;
  let seq = 0;

  const api = (method: string, url: string, payload?: unknown, who = admin) =>
    call(t.current, { method, url, payload: payload as object, headers: who.headers });
  const send = async (...alerts: AmAlert[]) => {
    const res = await post(t.current, 'alertmanager', ingest, amWebhook(alerts));
    expect(res.statusCode, JSON.stringify(res.data)).toBe(202);
    return res.data.outcomes as Record<string, number>;
  };
  const drain = () => t.current.keel.alerts.tickets.drain();
  /** The one alert of an instance (the latest when there are several). */
  const alertOf = async (instance: string) => {
    const res = await api('GET', '/api/v1/alerts?limit=200');
    return res.data.items.find((a: { labels: { instance?: string } }) => a.labels.instance === instance);
  };
  const alertsOf = async (instance: string) =>
    (await api('GET', '/api/v1/alerts?limit=200')).data.items.filter(
      (a: { labels: { instance?: string } }) => a.labels.instance === instance,
    );
  const ticket = async (id: string) => (await api('GET', `/api/v1/tickets/${id}`)).data;
  const messages = async (id: string) => (await api('GET', `/api/v1/tickets/${id}/messages`)).data.items;
  const instance = () => `host${++seq}:9100`;

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
    tech = await buildUser(t.current, 'technician');
    ingest = await ingestToken(t.current, admin);
    clientId = (await buildClient(t.current)).id;
    const rule = await api('POST', '/api/v1/alert-mapping-rules', {
      clientId,
      matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }],
    });
    expect(rule.statusCode).toBe(201);
  });

  it('a critical alert opens one P1 ticket for its client; repeats count, and are noted at most every 15 minutes', async () => {
    const host = instance();
    expect(await send(hostDown('acme', host))).toEqual({ new: 1 });
    // Acknowledged before the helpdesk has done anything: the ticket is the job's.
    expect((await alertOf(host)).ticketState).toBe('pending');
    await drain();
    const alert = await alertOf(host);
    expect(alert).toMatchObject({ status: 'open', count: 1, clientId, ticketState: 'open' });
    const opened = await ticket(alert.ticketId);
    expect(opened).toMatchObject({ clientId, priority: 'P1', source: 'alert', queue: 'service-desk' });
    expect(opened.subject).toBe(`${host} is down`);

    for (let i = 0; i < 4; i++) expect(await send(hostDown('acme', host))).toEqual({ repeat: 1 });
    await drain();
    const repeated = await alertOf(host);
    expect(repeated).toMatchObject({ count: 5, ticketId: alert.ticketId });
    const notes = (await messages(alert.ticketId)).filter((m: { public: boolean }) => !m.public);
    expect(notes.map((m: { body: string }) => m.body)).toEqual([`Repeated (2×): ${host} is down`]);
    // Still one ticket for the alert, whatever the job is asked again.
    await Promise.all([t.current.keel.alerts.tickets.processAlert(alert.id), drain()]);
    const { rows } = await t.current.store.executeSql(
      `select count(*)::int n from tickets where subject = '${host} is down'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('recovery resolves an untouched ticket', async () => {
    const host = instance();
    await send(hostDown('acme', host, { startsAt: at(-30) }));
    await drain();
    expect(
      await send(hostDown('acme', host, { status: 'resolved', startsAt: at(-30), endsAt: at(-1) })),
    ).toEqual({
      recovered: 1,
    });
    await drain();
    const alert = await alertOf(host);
    expect(alert).toMatchObject({ status: 'resolved', ticketState: 'resolved' });
    const resolved = await ticket(alert.ticketId);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.status).toBe('resolved');
  });

  it.each([
    [
      'replied',
      (ticketId: string) =>
        api('POST', `/api/v1/tickets/${ticketId}/replies`, { body: 'Looking into it' }, tech),
    ],
    [
      'logged time',
      (ticketId: string) =>
        api(
          'POST',
          '/api/v1/time-entries',
          { ticketId, workType: 'remote', startedAt: at(-20), durationMinutes: 15, note: 'checked the host' },
          tech,
        ),
    ],
  ])('recovery after a technician %s: recovered — review, left open', async (_what, work) => {
    const host = instance();
    await send(hostDown('acme', host, { startsAt: at(-30) }));
    await drain();
    const { ticketId } = await alertOf(host);
    const done = await work(ticketId);
    expect(done.statusCode, JSON.stringify(done.data)).toBeLessThan(300);
    await send(hostDown('acme', host, { status: 'resolved', startsAt: at(-30), endsAt: at(-1) }));
    await drain();
    const alert = await alertOf(host);
    expect(alert).toMatchObject({ status: 'resolved', ticketState: 'review' });
    const reviewed = await ticket(ticketId);
    expect(reviewed.resolvedAt).toBeNull();
    expect(reviewed.tags).toContain('recovered-review');
  });

  it('a recurrence within the reopen window reopens the alert and its ticket; later, it is a new alert', async () => {
    const host = instance();
    await send(hostDown('acme', host, { startsAt: at(-300) }));
    await drain();
    await send(hostDown('acme', host, { status: 'resolved', startsAt: at(-300), endsAt: at(-250) }));
    await drain();
    const first = await alertOf(host);
    expect((await ticket(first.ticketId)).resolvedAt).not.toBeNull();

    expect(await send(hostDown('acme', host, { startsAt: at(-240) }))).toEqual({ recurrence: 1 });
    await drain();
    const reopened = await alertOf(host);
    expect(reopened).toMatchObject({ id: first.id, status: 'open', count: 2, ticketId: first.ticketId });
    const back = await ticket(first.ticketId);
    expect(back.resolvedAt).toBeNull();
    expect(back.status).toBe('open');

    await send(hostDown('acme', host, { status: 'resolved', startsAt: at(-240), endsAt: at(-200) }));
    expect(await send(hostDown('acme', host, { startsAt: at(-10) }))).toEqual({ new: 1 });
    await drain();
    const both = await alertsOf(host);
    expect(both).toHaveLength(2);
    expect(new Set(both.map((a: { ticketId: string }) => a.ticketId)).size).toBe(2);
  });

  it('a ticket a technician closed while the alert still fires stays closed; a recurrence reopens it', async () => {
    const host = instance();
    await send(hostDown('acme', host, { startsAt: at(-100) }));
    await drain();
    const { ticketId } = await alertOf(host);
    const closed = await api('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'resolved' }, tech);
    expect(closed.statusCode, JSON.stringify(closed.data)).toBe(200);
    expect((await alertOf(host)).ticketState).toBe('resolved');
    expect(await send(hostDown('acme', host, { startsAt: at(-100) }))).toEqual({ repeat: 1 });
    await send(hostDown('acme', host, { status: 'resolved', startsAt: at(-100), endsAt: at(-60) }));
    await drain();
    expect((await ticket(ticketId)).status).toBe('resolved');
    expect(await send(hostDown('acme', host, { startsAt: at(-30) }))).toEqual({ recurrence: 1 });
    await drain();
    expect((await ticket(ticketId)).resolvedAt).toBeNull();
  });

  it('in a maintenance window an alert is recorded as silenced and opens nothing', async () => {
    const other = (await buildClient(t.current)).id;
    await api('POST', '/api/v1/alert-mapping-rules', {
      clientId: other,
      matchers: [{ field: 'labels.customer', op: '=', value: 'patched' }],
    });
    const window = await api('POST', '/api/v1/maintenance-windows', {
      clientId: other,
      name: 'Patch night',
      schedule: { kind: 'once', from: at(-60), to: at(60) },
    });
    expect(window.statusCode).toBe(201);
    expect(window.data.activeNow).toBe(true);
    const host = instance();
    expect(await send(hostDown('patched', host))).toEqual({ new: 1 });
    await send(hostDown('patched', host));
    await drain();
    const alert = await alertOf(host);
    expect(alert).toMatchObject({
      status: 'silenced',
      silencedBy: window.data.id,
      count: 2,
      ticketState: 'none',
    });
    const events = await api('GET', `/api/v1/alerts/${alert.id}/events`);
    expect(events.data.items.every((e: { silencedBy: string }) => e.silencedBy === window.data.id)).toBe(
      true,
    );
    expect(
      (await api('GET', '/api/v1/alerts?status=silenced')).data.items.map((a: { id: string }) => a.id),
    ).toContain(alert.id);
  });

  it('a flapping alert makes one ticket and is settled once quiet', async () => {
    const host = instance();
    const fire = (m: number) => hostDown('acme', host, { startsAt: at(m) });
    const recover = (from: number, m: number) =>
      hostDown('acme', host, { status: 'resolved', startsAt: at(from), endsAt: at(m) });
    const outcomes: Record<string, number>[] = [];
    for (const a of [
      fire(-20),
      recover(-20, -19),
      fire(-18),
      recover(-18, -17),
      fire(-16),
      recover(-16, -15),
      fire(-14),
      recover(-14, -13),
    ])
      outcomes.push(await send(a));
    expect(outcomes.map((o) => Object.keys(o)[0])).toEqual([
      'new',
      'recovered',
      'recurrence',
      'recovered',
      'recurrence',
      'flapping',
      'flapping',
      'flapping',
    ]);
    await drain();
    const flapping = await alertOf(host);
    expect(flapping).toMatchObject({ flapping: true, status: 'open' });
    // The ticket stays where the fifth change left it: reopened, with one flapping note.
    expect((await ticket(flapping.ticketId)).resolvedAt).toBeNull();

    // Quiet for the flap window (30 minutes) after its last change, 13 minutes ago by the tool's clock.
    expect(await t.current.keel.alerts.service.settleFlapping(Date.now() + 16 * 60_000)).toBe(0);
    expect(await t.current.keel.alerts.service.settleFlapping(Date.now() + 18 * 60_000)).toBe(1);
    await drain();
    const settled = await alertOf(host);
    expect(settled).toMatchObject({ flapping: false, status: 'resolved' });
    expect((await ticket(settled.ticketId)).resolvedAt).not.toBeNull();
    expect(await alertsOf(host)).toHaveLength(1);
  });

  it('a rule marked triage opens a triage ticket for an unmapped alert; mapping it moves the ticket to the client', async () => {
    const rules = await api('PUT', '/api/v1/alert-rules', {
      rules: [
        {
          id: 'unmapped-critical',
          minSeverity: 'critical',
          triage: true,
          action: { ticket: true, priority: 'P2' },
        },
        { id: 'critical-p1', minSeverity: 'critical', action: { ticket: true, priority: 'P1' } },
      ],
    });
    expect(rules.statusCode, JSON.stringify(rules.data)).toBe(200);
    const host = instance();
    await send(hostDown('stranger', host));
    await drain();
    const alert = await alertOf(host);
    expect(alert.clientId).toBeNull();
    const inTriage = await ticket(alert.ticketId);
    expect(inTriage).toMatchObject({ clientId: null, priority: 'P2', queue: 'triage' });

    const mapped = await api('POST', `/api/v1/alerts/${alert.id}/map`, { clientId, createRule: true });
    expect(mapped.statusCode, JSON.stringify(mapped.data)).toBe(200);
    expect(mapped.data).toMatchObject({ clientId, ticketId: alert.ticketId });
    expect((await ticket(alert.ticketId)).clientId).toBe(clientId);
    const rule = await api('GET', `/api/v1/alert-mapping-rules?client_id=${clientId}`);
    expect(
      rule.data.items.some(
        (r: { matchers: { value: string }[] }) => r.matchers[0]!.value === alert.identity.host,
      ),
    ).toBe(true);
    await api('PUT', '/api/v1/alert-rules', {
      rules: [
        { id: 'critical-p1', minSeverity: 'critical', action: { ticket: true, priority: 'P1' } },
        { id: 'high-p2', minSeverity: 'high', action: { ticket: true, priority: 'P2' } },
      ],
    });
  });

  it('mapping an untriaged alert asks the rules again', async () => {
    const host = instance();
    await send(hostDown('someone', host));
    await drain();
    const alert = await alertOf(host);
    expect(alert.ticketState).toBe('none');
    const mapped = await api('POST', `/api/v1/alerts/${alert.id}/map`, { clientId }, tech);
    expect(mapped.data).toMatchObject({ clientId, ticketState: 'pending' });
    await drain();
    const placed = await alertOf(host);
    expect((await ticket(placed.ticketId)).clientId).toBe(clientId);
    const events = await api('GET', `/api/v1/alerts/${alert.id}/events`);
    expect(events.statusCode).toBe(200);
  });
});
