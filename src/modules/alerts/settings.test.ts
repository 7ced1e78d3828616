import { beforeAll, describe, expect, it } from 'vitest';
import { amWebhook, hostDown, ingestToken, post } from '../../../test/alerts/support.js';
import {
  buildClient,
  buildUser,
  type Caller,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)(
  'alert rules, mapping rules, maintenance windows and the alert list on %s',
  (kind) => {
    const t = useTestApp(kind);
    let admin: Caller;
    let tech: Caller;
    let billing: Caller;
    let clientId: string;
    const api = (method: string, url: string, payload?: unknown, who = admin) =>
      call(t.current, { method, url, payload: payload as object, headers: who.headers });
    const count = async (table: string) =>
      (await t.current.store.executeSql(`select count(*)::int n from ${table}`)).rows[0].n as number;

    beforeAll(async () => {
      admin = await buildUser(t.current, 'admin');
      tech = await buildUser(t.current, 'technician');
      billing = await buildUser(t.current, 'billing');
      clientId = (await buildClient(t.current)).id;
    });

    it('alert rules: the defaults until saved, then the saved list in order', async () => {
      const defaults = await api('GET', '/api/v1/alert-rules');
      expect(defaults.data.rules.map((r: { id: string }) => r.id)).toEqual(['critical-p1', 'high-p2']);
      const rules = [
        {
          id: 'lab-quiet',
          matchers: [{ field: 'labels.env', op: '=', value: 'lab' }],
          action: { ticket: false },
        },
        {
          id: 'vip',
          clientIds: [clientId],
          minSeverity: 'warning',
          action: { ticket: true, priority: 'P1' },
        },
        { id: 'critical', minSeverity: 'critical', action: { ticket: true, priority: 'P2' } },
      ];
      const saved = await api('PUT', '/api/v1/alert-rules', { rules });
      expect(saved.statusCode).toBe(200);
      expect((await api('GET', '/api/v1/alert-rules')).data.rules).toEqual(rules);
    });

    // biome-ignore format: one case per line reads as a table
    const badRules: [string, unknown, number, string][] = [
    ['a duplicate id', [{ id: 'a', action: { ticket: false } }, { id: 'a', action: { ticket: false } }], 400, 'body.rules[1].id'],
    ['a matcher on no field', [{ id: 'a', matchers: [{ field: 'colour', op: '=', value: 'x' }], action: { ticket: false } }], 400, 'body.rules[0].matchers[0].field'],
    ['a regular expression that does not compile', [{ id: 'a', matchers: [{ field: 'host', op: '=~', value: '(' }], action: { ticket: false } }], 400, 'body.rules[0].matchers[0].value'],
    ['a priority that does not exist', [{ id: 'a', action: { ticket: true, priority: 'P0' } }], 400, 'body.rules.0.action.priority'],
    ['an unknown key', [{ id: 'a', action: { ticket: false }, colour: 'red' }], 400, 'body.rules.0'],
    ['a client that does not exist', [{ id: 'a', clientIds: ['0190e4a0-0000-7000-8000-000000000000'], action: { ticket: false } }], 422, 'body.rules[0].clientIds[0]'],
  ];
    it.each(badRules)(
      'alert rules refuse %s and keep the saved ones',
      async (_name, rules, status, field) => {
        const before = (await api('GET', '/api/v1/alert-rules')).data;
        const problem = expectProblem(await api('PUT', '/api/v1/alert-rules', { rules }), status);
        expect(problem.errors?.map((e) => e.field).join(' ')).toContain(field);
        expect((await api('GET', '/api/v1/alert-rules')).data).toEqual(before);
      },
    );

    it('lifecycle settings are validated and kept', async () => {
      const settings = {
        reopenWindowMinutes: 60,
        flapping: { maxChanges: 6, windowMinutes: 20 },
        unmatched: { ticket: true, priority: 'P4' },
        noteEveryMinutes: 5,
        outageSeverity: 'high',
      };
      expect((await api('PUT', '/api/v1/alert-settings', settings)).data).toEqual(settings);
      expect((await api('GET', '/api/v1/alert-settings')).data).toEqual(settings);
      expectProblem(
        await api('PUT', '/api/v1/alert-settings', {
          ...settings,
          flapping: { maxChanges: 0, windowMinutes: 20 },
        }),
        400,
      );
      expectProblem(await api('PUT', '/api/v1/alert-settings', { ...settings, outageSeverity: 'meh' }), 400);
      expect((await api('GET', '/api/v1/alert-settings')).data).toEqual(settings);
    });

    it('mapping rules: add, read, replace, remove; bad ones refused', async () => {
      const created = await api('POST', '/api/v1/alert-mapping-rules', {
        clientId,
        matchers: [{ field: 'host', op: '=~', value: '.*\\.acme\\.example', ignoreCase: true }],
        description: 'Acme hosts',
      });
      expect(created.statusCode).toBe(201);
      const id = created.data.id;
      expect((await api('GET', `/api/v1/alert-mapping-rules/${id}`)).data.description).toBe('Acme hosts');
      const replaced = await api('PUT', `/api/v1/alert-mapping-rules/${id}`, {
        clientId,
        matchers: [{ field: 'labels.customer', op: '=', value: 'acme' }],
      });
      expect(replaced.data.matchers).toEqual([{ field: 'labels.customer', op: '=', value: 'acme' }]);
      const before = await count('alert_mapping_rules');
      // biome-ignore format: one case per line reads as a table
      const bad: [unknown, number][] = [
      [{ clientId, matchers: [] }, 400],
      [{ clientId, matchers: [{ field: 'nope', op: '=', value: 'x' }] }, 400],
      [{ clientId, matchers: [{ field: 'host', op: '~', value: 'x' }] }, 400],
      [{ clientId: '0190e4a0-0000-7000-8000-000000000000', matchers: [{ field: 'host', op: '=', value: 'x' }] }, 422],
      [{ clientId, assetId: '0190e4a0-0000-7000-8000-000000000000', matchers: [{ field: 'host', op: '=', value: 'x' }] }, 422],
    ];
      for (const [body, status] of bad)
        expectProblem(await api('POST', '/api/v1/alert-mapping-rules', body), status);
      expect(await count('alert_mapping_rules')).toBe(before);
      expect((await api('DELETE', `/api/v1/alert-mapping-rules/${id}`)).statusCode).toBe(204);
      expectProblem(await api('GET', `/api/v1/alert-mapping-rules/${id}`), 404);
    });

    it('maintenance windows: one-off and weekly in a zone; bad ones refused', async () => {
      const weekly = await api('POST', '/api/v1/maintenance-windows', {
        clientId,
        name: 'Saturday patching',
        schedule: { kind: 'weekly', timeZone: 'Europe/Paris', days: ['sat'], start: '23:00', end: '02:00' },
      });
      expect(weekly.statusCode, JSON.stringify(weekly.data)).toBe(201);
      expect(weekly.data.schedule).toMatchObject({ kind: 'weekly', days: ['sat'], from: null, until: null });
      const once = await api('POST', '/api/v1/maintenance-windows', {
        clientId,
        name: 'Firewall swap',
        schedule: { kind: 'once', from: '2026-03-01T22:00:00Z', to: '2026-03-02T02:00:00+01:00' },
      });
      expect(once.data.schedule).toEqual({
        kind: 'once',
        from: '2026-03-01T22:00:00.000Z',
        to: '2026-03-02T01:00:00.000Z',
      });
      const list = await api('GET', `/api/v1/maintenance-windows?client_id=${clientId}&limit=1`);
      expect(list.data.items).toHaveLength(1);
      const next = await api(
        'GET',
        `/api/v1/maintenance-windows?client_id=${clientId}&limit=1&cursor=${list.data.nextCursor}`,
      );
      expect(next.data.items[0].id).not.toBe(list.data.items[0].id);

      const before = await count('maintenance_windows');
      const base = { clientId, name: 'x' };
      // biome-ignore format: one case per line reads as a table
      const bad: [unknown, number, string?][] = [
      [{ ...base, schedule: { kind: 'once', from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 400, 'body.schedule.to'],
      [{ ...base, schedule: { kind: 'weekly', timeZone: 'Mars/Olympus', days: ['sat'], start: '01:00', end: '02:00' } }, 400, 'body.schedule.timeZone'],
      [{ ...base, schedule: { kind: 'weekly', timeZone: 'UTC', days: ['sat', 'sat'], start: '01:00', end: '02:00' } }, 400, 'body.schedule.days[1]'],
      [{ ...base, schedule: { kind: 'weekly', timeZone: 'UTC', days: ['sat'], start: '25:00', end: '02:00' } }, 400, 'body.schedule.start'],
      [{ ...base, schedule: { kind: 'weekly', timeZone: 'UTC', days: ['caturday'], start: '01:00', end: '02:00' } }, 400],
      [{ ...base, schedule: { kind: 'monthly' } }, 400],
      [{ ...base, clientId: '0190e4a0-0000-7000-8000-000000000000', schedule: { kind: 'once', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } }, 422],
    ];
      for (const [body, status, field] of bad) {
        const problem = expectProblem(await api('POST', '/api/v1/maintenance-windows', body), status);
        if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
      }
      expect(await count('maintenance_windows')).toBe(before);

      const changed = await api('PUT', `/api/v1/maintenance-windows/${once.data.id}`, {
        clientId,
        name: 'Firewall swap (moved)',
        schedule: { kind: 'once', from: '2026-03-08T22:00:00Z', to: '2026-03-09T01:00:00Z' },
      });
      expect(changed.data.name).toBe('Firewall swap (moved)');
      expect((await api('DELETE', `/api/v1/maintenance-windows/${once.data.id}`)).statusCode).toBe(204);
      expectProblem(await api('DELETE', `/api/v1/maintenance-windows/${once.data.id}`), 404);
    });

    it('who may do what: technicians work alerts and windows, billing staff and portal users see no alerts', async () => {
      expect((await api('GET', '/api/v1/alerts', undefined, tech)).statusCode).toBe(200);
      const window = await api(
        'POST',
        '/api/v1/maintenance-windows',
        {
          clientId,
          name: 'Tech window',
          schedule: { kind: 'once', from: '2026-03-01T00:00:00Z', to: '2026-03-01T01:00:00Z' },
        },
        tech,
      );
      expect(window.statusCode).toBe(201);
      expectProblem(await api('GET', '/api/v1/alerts', undefined, billing), 403);
      const portal = await buildUser(t.current, 'portal', { clientId });
      expectProblem(await api('GET', '/api/v1/alerts', undefined, portal), 404);
      expectProblem(await api('GET', '/api/v1/maintenance-windows', undefined, portal), 404);
      expectProblem(await api('PUT', '/api/v1/alert-rules', { rules: [] }, portal), 404);
    });

    it('lists alerts by status, client, fingerprint and source, newest first, a page at a time', async () => {
      const ingest = await ingestToken(t.current, admin);
      const other = (await buildClient(t.current)).id;
      await api('POST', '/api/v1/alert-mapping-rules', {
        clientId: other,
        matchers: [{ field: 'labels.customer', op: '=', value: 'listed' }],
      });
      for (let i = 0; i < 5; i++)
        await post(t.current, 'alertmanager', ingest, amWebhook([hostDown('listed', `list${i}:9100`)]));
      await post(
        t.current,
        'alertmanager',
        ingest,
        amWebhook([
          { ...hostDown('listed', 'list0:9100'), status: 'resolved', endsAt: new Date().toISOString() },
        ]),
      );
      const open = await api('GET', `/api/v1/alerts?client_id=${other}&status=open&limit=2`);
      expect(open.data.items).toHaveLength(2);
      const all: { id: string; lastSeen: string; status: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { items: typeof all; nextCursor: string | null } } = await api(
          'GET',
          `/api/v1/alerts?client_id=${other}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        all.push(...page.data.items);
        cursor = page.data.nextCursor;
      } while (cursor);
      expect(all).toHaveLength(5);
      expect(new Set(all.map((a) => a.id)).size).toBe(5);
      const ids = all.map((a) => a.id);
      expect(ids).toEqual([...ids].sort().reverse());
      const resolved = await api('GET', `/api/v1/alerts?client_id=${other}&status=resolved`);
      expect(resolved.data.items).toHaveLength(1);
      const byFingerprint = await api(
        'GET',
        `/api/v1/alerts?fingerprint=${encodeURIComponent(resolved.data.items[0].fingerprint)}`,
      );
      expect(byFingerprint.data.items.map((a: { id: string }) => a.id)).toEqual([resolved.data.items[0].id]);
      expect((await api('GET', `/api/v1/alerts?client_id=${other}&source=zabbix`)).data.items).toEqual([]);
      for (const field of [
        'id',
        'fingerprint',
        'status',
        'count',
        'firstSeen',
        'lastSeen',
        'clientId',
        'assetId',
        'ticketId',
      ])
        expect(all[0]).toHaveProperty(field);
      expectProblem(await api('GET', '/api/v1/alerts?status=burning'), 400);
      expectProblem(await api('GET', '/api/v1/alerts?cursor=garbage'), 400);
    });
  },
);
