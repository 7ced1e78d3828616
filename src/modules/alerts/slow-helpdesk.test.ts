import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import type { AlertEvent } from '../../domain/monitoring/index.js';
import { newId } from '../../platform/db/columns.js';
import type { AlertPorts } from './alerts.ports.js';
import { createAlertsModule } from './index.js';

/** Intake never waits for the helpdesk: a ticket side that hangs holds up no acknowledgement. */
describe.each(storeKinds)('intake while the helpdesk hangs, on %s', (kind) => {
  let store: TestStore;
  const clientId = newId();
  let opened = 0;
  let release: () => void = () => {};
  const hung = new Promise<void>((resolve) => {
    release = resolve;
  });

  const ports: AlertPorts = {
    tickets: {
      async open() {
        opened++;
        await hung;
        throw new Error('the helpdesk gave up');
      },
      state: async () => ({ state: 'open', tags: [] }),
      note: async () => {},
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
  });
  afterAll(async () => {
    release();
    await store?.drop();
  });

  const event = (n: number): AlertEvent => ({
    source: 'alertmanager',
    fingerprint: `alertmanager:${n.toString(16).padStart(16, '0')}`,
    status: 'firing',
    severity: 'critical',
    summary: `host${n} is down`,
    description: null,
    url: null,
    labels: { alertname: 'HostDown', customer: 'acme', instance: `host${n}:9100` },
    identity: { instance: `host${n}:9100`, host: `host${n}` },
    occurredAt: Date.now() - 60_000,
  });

  it('acknowledges new alerts and repeats while a ticket is being opened', async () => {
    const alerts = createAlertsModule({ db: store.db, ports, serialized: kind === 'pglite' });
    await alerts.mappingRules.create({
      clientId,
      assetId: null,
      matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }],
      description: '',
    });
    await alerts.intake.ingest({
      integration: 'alertmanager',
      source: 'alertmanager',
      events: [event(1)],
      receivedAt: Date.now(),
    });
    const [first] = (await alerts.service.list({ limit: 10 })).items;
    // The ticket job starts and hangs in the helpdesk.
    const job = alerts.tickets.processAlert(first!.id);
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toBe(1);
    for (let i = 0; i < 20; i++) {
      const result = await alerts.intake.ingest({
        integration: 'alertmanager',
        source: 'alertmanager',
        events: [event(1), event(100 + i)],
        receivedAt: Date.now(),
      });
      expect(result.accepted).toBe(2);
    }
    const page = await alerts.service.list({ limit: 100 });
    expect(page.items).toHaveLength(21);
    expect(page.items.find((a) => a.id === first!.id)).toMatchObject({ count: 21, ticketState: 'pending' });
    release();
    await expect(job).rejects.toThrow('the helpdesk gave up');
  });
});
