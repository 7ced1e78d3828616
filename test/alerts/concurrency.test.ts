import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/app.js';
import { runWithContext } from '../../src/platform/context.js';
import { api, buildIfStale, killAll, type Server, serve } from '../cli/spawn.js';
import { testConfig } from '../support/app.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { amWebhook, hostDown } from './support.js';

/**
 * Delivery guarantees across processes: the same firing alert posted 100 times, spread over two
 * `keel serve` processes on one PostgreSQL database (both working jobs), leaves one open alert
 * with count 100 and one ticket. Only PostgreSQL can be shared by two processes.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('one alert and one ticket across two Keel processes', () => {
  let store: TestStore;
  let servers: Server[] = [];
  let token = '';
  let clientId = '';

  beforeAll(async () => {
    buildIfStale();
    store = await createTestStore('postgres');
    const keel = createModules(store, testConfig());
    await runWithContext(
      { requestId: 'setup', ip: null, principal: null, channel: 'test', audited: 0 },
      async () => {
        const user = await keel.identity.service.createUser({
          email: `alerts-${process.pid}@example.test`,
          role: 'admin',
          password: 'correct horse battery staple',
          clientId: null,
        });
        token = (
          await keel.identity.service.createToken(user.id, {
            name: 'am',
            scopes: ['alerts:ingest', 'alerts:read'],
          })
        ).token;
        clientId = (
          await keel.clients.service.createClient({
            name: `Concurrent ${process.pid}`,
            status: 'active',
            timeZone: 'UTC',
            taxRateBp: 0,
            billingAddress: {},
            notes: '',
            profile: {},
          })
        ).id;
        await keel.alerts.mappingRules.create({
          clientId,
          assetId: null,
          matchers: [{ field: 'labels.customer', op: '=', value: 'concurrent' }],
          description: '',
        });
      },
    );
    const env = { DATABASE_URL: store.url!, KEEL_WORKER: 'true' };
    // One after the other: the first applies the migrations (already there) and starts pg-boss.
    servers = [await serve(env)];
    servers.push(await serve(env));
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) await s.stop();
    await killAll();
    await store?.drop();
  });

  it('100 posts of one firing alert over two processes: one open alert, count 100, one ticket', async () => {
    const payload = amWebhook([hostDown('concurrent', 'db01:9100', { fingerprint: 'c0ffee0000000001' })]);
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < 100) {
          const n = next++;
          const res = await api(servers[n % 2]!, '/api/v1/integrations/alertmanager', {
            method: 'POST',
            token,
            body: payload,
          });
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(100);

    // The ticket job runs in both processes; wait for it to have opened the ticket.
    let alert: any = null;
    for (let i = 0; i < 150 && !alert?.ticketId; i++) {
      const res = await api(servers[i % 2]!, '/api/v1/alerts?fingerprint=alertmanager:c0ffee0000000001', {
        token,
      });
      alert = res.data.items[0];
      if (!alert?.ticketId) await new Promise((r) => setTimeout(r, 200));
    }
    const list = await api(servers[0]!, '/api/v1/alerts?fingerprint=alertmanager:c0ffee0000000001', {
      token,
    });
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({ status: 'open', count: 100, clientId });
    expect(list.data.items[0].ticketId).toBeTruthy();
    // Let any second job run out, then count what is in the database.
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await store.executeSql(
      `select (select count(*) from alerts where fingerprint = 'alertmanager:c0ffee0000000001')::int alerts,
              (select count(*) from alert_events where fingerprint = 'alertmanager:c0ffee0000000001')::int events,
              (select count(*) from tickets where source = 'alert' and client_id = $1)::int tickets,
              (select count(*) from alert_actions where kind = 'open')::int opens`,
      [clientId],
    );
    expect(rows[0]).toEqual({ alerts: 1, events: 100, tickets: 1, opens: 1 });
  });
});
