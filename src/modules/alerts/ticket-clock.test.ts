import { beforeAll, describe, expect, it } from 'vitest';
import { type AmAlert, amWebhook, hostDown } from '../../../test/alerts/support.js';
import { buildClient, buildUser, type Caller, call, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { parseAlertPayload } from '../../domain/monitoring/index.js';

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The ticket job dates its ticket changes when it runs (`now`), or, asked to replay history, when
 * intake decided them (`decision`): past alerts then leave tickets dated as they happened.
 */
describe.each(storeKinds)('alert tickets dated by their clock on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  let clientId: string;
  let seq = 0;

  /** Stores an Alertmanager notification as received at `receivedAt`. */
  const receive = (alert: AmAlert, receivedAt: number) => {
    const { events } = parseAlertPayload('alertmanager', amWebhook([alert]), { receivedAt });
    return t.current.keel.alerts.intake.ingest({
      integration: 'alertmanager',
      source: 'alertmanager',
      events,
      receivedAt,
    });
  };
  const alertOf = async (instance: string) =>
    (
      await call(t.current, { method: 'GET', url: '/api/v1/alerts?limit=200', headers: admin.headers })
    ).data.items.find((a: { labels: { instance?: string } }) => a.labels.instance === instance);
  const ticket = async (id: string) =>
    (await call(t.current, { method: 'GET', url: `/api/v1/tickets/${id}`, headers: admin.headers })).data;
  const messages = async (id: string) =>
    (await call(t.current, { method: 'GET', url: `/api/v1/tickets/${id}/messages`, headers: admin.headers }))
      .data.items as { body: string; createdAt: string }[];

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
    clientId = (await buildClient(t.current)).id;
    await t.current.keel.alerts.mappingRules.create({
      clientId,
      assetId: null,
      matchers: [{ field: 'labels.customer', op: '=', value: 'clocked' }],
      description: '',
    });
  });

  it('replaying (decision): the ticket opens when the alert came in and resolves when it recovered', async () => {
    const instance = `replayed${++seq}:9100`;
    const start = Math.floor((Date.now() - 3 * 24 * 60 * minute) / 1000) * 1000;
    const down = hostDown('clocked', instance, { startsAt: iso(start) });
    await receive(down, start + 30_000);
    await receive(down, start + 20 * minute);
    await receive({ ...down, status: 'resolved', endsAt: iso(start + 42 * minute) }, start + 43 * minute);
    await t.current.keel.alerts.tickets.drain('decision');

    const alert = await alertOf(instance);
    expect(alert).toMatchObject({ status: 'resolved', ticketState: 'resolved', count: 2 });
    const done = await ticket(alert.ticketId);
    expect(done.createdAt).toBe(iso(start + 30_000));
    expect(done.resolvedAt).toBe(iso(start + 43 * minute));
    // The description, the repeat's note, the recovery's note.
    const times = (await messages(alert.ticketId)).map((m) => m.createdAt);
    expect(times).toEqual([iso(start + 30_000), iso(start + 20 * minute), iso(start + 43 * minute)]);
  });

  it('the job (now, the default) dates them as it runs, whenever the alert came in', async () => {
    const instance = `live${++seq}:9100`;
    const start = Date.now() - 60 * minute;
    await receive(hostDown('clocked', instance, { startsAt: iso(start) }), start);
    const before = Date.now();
    await t.current.keel.alerts.tickets.drain();
    const opened = await ticket((await alertOf(instance)).ticketId);
    expect(Date.parse(opened.createdAt)).toBeGreaterThanOrEqual(before);
  });
});
