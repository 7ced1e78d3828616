import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import type { AlertEvent } from '../../domain/monitoring/index.js';
import { newId } from '../../platform/db/columns.js';
import type { AlertPorts } from './alerts.ports.js';
import { createAlertsModule } from './index.js';

/**
 * Intake decides repeats on the alert state it holds in memory: whatever else writes the alert or
 * its ticket link meanwhile (another Keel process, the ticket job, a person mapping it) must be
 * seen by the next decision, not overwritten by it.
 */
describe.each(storeKinds)('intake on a state others changed, on %s', (kind) => {
  let store: TestStore;
  const clientId = newId();
  let ticketSeq = 0;
  const ports: AlertPorts = {
    tickets: {
      async open(_input, link) {
        const ticketId = newId();
        ticketSeq++;
        await store.db.transaction((tx) => link(tx, ticketId));
        return { id: ticketId };
      },
      state: async () => ({ state: 'open', tags: [] }),
      // The helpdesk marks the action done in its own transaction.
      note: (_ticketId, _body, within) => store.db.transaction((tx) => within(tx)),
      tag: async () => {},
      setClient: async () => {},
    },
    assetIdentities: async () => [],
    findAssetByIdentity: async () => null,
    assetName: async () => null,
    clientExists: async (id) => id === clientId,
    assetOfClient: async () => false,
    clientTimeZone: async () => 'UTC',
    availabilityTarget: async () => null,
    clientsWithTargets: async () => [],
  };

  beforeAll(async () => {
    store = await createTestStore(kind);
    await module().mappingRules.create({
      clientId,
      assetId: null,
      matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }],
      description: '',
    });
  });
  afterAll(async () => {
    await store?.drop();
  });

  const event = (n: number, severity: AlertEvent['severity'] = 'warning'): AlertEvent => ({
    source: 'alertmanager',
    fingerprint: `alertmanager:${n.toString(16).padStart(16, '0')}`,
    status: 'firing',
    severity,
    summary: `host${n} is down`,
    description: null,
    url: null,
    labels: { alertname: 'HostDown', customer: 'acme', instance: `host${n}:9100` },
    identity: { instance: `host${n}:9100`, host: `host${n}` },
    occurredAt: Date.now() - 60_000,
  });
  const module = () => createAlertsModule({ db: store.db, ports, serialized: kind === 'pglite' });
  const ingest = (m: ReturnType<typeof module>, events: AlertEvent[]) =>
    m.intake.ingest({ integration: 'alertmanager', source: 'alertmanager', events, receivedAt: Date.now() });
  const alertOf = async (m: ReturnType<typeof module>, n: number) =>
    (await m.service.list({ limit: 10, fingerprint: event(n).fingerprint })).items;

  it('counts repeats written by two intakes of one database exactly', async () => {
    const [a, b] = [module(), module()];
    // Each holds the alert after writing it; each then writes while the other's copy is old.
    for (let i = 0; i < 3; i++) {
      expect((await ingest(a, [event(1)])).outcomes).toEqual(i === 0 ? { new: 1 } : { repeat: 1 });
      expect((await ingest(b, [event(1)])).outcomes).toEqual({ repeat: 1 });
    }
    const alerts = await alertOf(a, 1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ count: 6, status: 'open' });
  });

  it('sees a ticket the helpdesk closed while its alert, held in memory, kept firing', async () => {
    const m = module();
    await ingest(m, [event(2, 'critical')]);
    await m.tickets.drain();
    // Held in memory with its open ticket: a repeat is noted.
    await ingest(m, [event(2, 'critical')]);
    const [alert] = await alertOf(m, 2);
    expect(alert).toMatchObject({ count: 2, ticketState: 'open' });
    await m.tickets.drain();
    await m.tickets.ticketResolved(alert!.ticketId!, new Date());
    // The link changed, not the alert: the next repeat must still see the closed ticket.
    await ingest(m, [event(2, 'critical')]);
    expect((await m.service.events(alert!.id, { limit: 10 })).items).toHaveLength(3);
    const [after] = await alertOf(m, 2);
    expect(after).toMatchObject({ count: 3, ticketState: 'resolved' });
    expect(after!.reasons).toEqual([
      'repeat of an alert whose ticket was closed while it kept firing: the ticket stays closed',
    ]);
    expect(ticketSeq).toBe(1);
  });

  it('a failed batch leaves nothing held that was not stored', async () => {
    const m = module();
    await ingest(m, [event(3)]);
    // A batch that fails as a whole: a repeat of the held alert and an event the store refuses.
    const bad = { ...event(4), summary: 'no NUL in a text column: \u0000' };
    await expect(ingest(m, [event(3), bad])).rejects.toThrow();
    await ingest(m, [event(3)]);
    const [alert] = await alertOf(m, 3);
    expect(alert).toMatchObject({ count: 2 });
  });
});
