import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('agreements API on %s', (kind) => {
  const t = useTestApp(kind);
  let billing: Caller;
  const api = (method: string, url: string, payload?: unknown, who = billing) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const countRows = async () =>
    (
      await t.current.store.executeSql(
        'select (select count(*) from agreements)::int a, (select count(*) from agreement_lines)::int l, (select count(*) from agreement_events)::int e',
      )
    ).rows[0];

  beforeAll(async () => {
    billing = await buildUser(t.current, 'billing');
  });

  it('creates a draft with every element, activates it with a signature, and computes MRR and renewal', async () => {
    const client = await buildClient(t.current);
    const created = await api('POST', '/api/v1/agreements', {
      clientId: client.id,
      ...fullStack(),
      billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 14 },
      complianceFrameworks: ['GDPR'],
      termination: { noticeDays: 60, earlyTerminationFee: 250000 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      status: 'draft',
      mrr: 247500,
      billing: { paymentTermsDays: 14 },
      complianceFrameworks: ['GDPR'],
    });
    const id = created.data.id;

    const active = await api('POST', `/api/v1/agreements/${id}/activate`, {
      signedOn: '2025-12-20',
      signedBy: 'Jane Doe, CEO',
    });
    expect(active.data).toMatchObject({ status: 'active', signedBy: 'Jane Doe, CEO' });
    const asOf = await api('GET', `/api/v1/agreements/${id}?as_of=2026-06-01`);
    expect(asOf.data.renewalDate).toBe('2027-01-01');

    const lines = await api('PATCH', `/api/v1/agreements/${id}`, { lines: [] });
    expect(expectProblem(lines, 409).code).toBe('AGREEMENT_NOT_DRAFT');
    const terms = await api('PATCH', `/api/v1/agreements/${id}`, { noticeDays: 90 });
    expect(terms.data.noticeDays).toBe(90);

    const ended = await api('POST', `/api/v1/agreements/${id}/terminate`, {
      on: '2026-06-30',
      reason: 'Client sold the business',
    });
    expect(ended.data).toMatchObject({ status: 'terminated', endDate: '2026-06-30' });
    const events = await api('GET', `/api/v1/agreements/${id}/events`);
    expect(events.data.items.map((e: { kind: string }) => e.kind)).toEqual(['activated', 'terminated']);
    expect(events.data.items[1].details).toEqual({ earlyTerminationFee: 250000 });
    expectProblem(await api('POST', `/api/v1/agreements/${id}/resume`, { on: '2026-07-01' }), 409);
  });

  it('refuses bad input with 4xx problem+json and writes nothing', async () => {
    const client = await buildClient(t.current);
    const before = await countRows();
    const bad: [Record<string, unknown>, number][] = [
      [{ clientId: client.id, ...fullStack({ coveredCategories: ['teleportation'] }) }, 400],
      [
        {
          clientId: client.id,
          ...fullStack({ lines: [{ description: 'x', quantity: -5, unitPrice: 100, unit: 'flat' }] }),
        },
        400,
      ],
      [{ clientId: client.id, ...fullStack({ startDate: '2026-05-01', endDate: '2026-04-01' }) }, 400],
      [{ clientId: client.id, ...fullStack({ startDate: '2026-02-30' }) }, 400],
      [{ clientId: client.id, ...fullStack({ kind: 'barter' }) }, 400],
      [{ clientId: client.id, ...fullStack({ coveredWorkTypes: ['juggling'] }) }, 400],
      [{ clientId: client.id, ...fullStack({ slaPolicyId: '0190e4a0-0000-7000-8000-00000000a5a5' }) }, 400],
      [{ clientId: '0190e4a0-0000-7000-8000-000000000000', ...fullStack() }, 404],
    ];
    for (const [body, status] of bad) expectProblem(await api('POST', '/api/v1/agreements', body), status);
    expect(await countRows()).toEqual(before);
  });

  it('keeps an availability target to the thousandth of a percent, and refuses one that is not a percentage', async () => {
    const client = await buildClient(t.current);
    const created = await api('POST', '/api/v1/agreements', {
      clientId: client.id,
      ...fullStack({ availabilityTargetPercent: 99.9 }),
    });
    expect(created.data.availabilityTargetPercent).toBe(99.9);
    const changed = await api('PATCH', `/api/v1/agreements/${created.data.id}`, {
      availabilityTargetPercent: 99.995,
    });
    expect(changed.data.availabilityTargetPercent).toBe(99.995);
    const cleared = await api('PATCH', `/api/v1/agreements/${created.data.id}`, {
      availabilityTargetPercent: null,
    });
    expect(cleared.data.availabilityTargetPercent).toBeNull();
    const none = await api('POST', '/api/v1/agreements', { clientId: client.id, ...fullStack() });
    expect(none.data.availabilityTargetPercent).toBeNull();
    for (const bad of [100.5, -1, 99.9995, '99.9'])
      expectProblem(
        await api('POST', '/api/v1/agreements', {
          clientId: client.id,
          ...fullStack({ availabilityTargetPercent: bad }),
        }),
        400,
      );
  });

  it('shows a portal user only their own agreements, without internal notes', async () => {
    const mine = await buildClient(t.current);
    const other = await buildClient(t.current);
    const a = await api('POST', '/api/v1/agreements', {
      clientId: mine.id,
      ...fullStack({ notes: 'price floor 90' }),
    });
    const b = await api('POST', '/api/v1/agreements', { clientId: other.id, ...fullStack() });
    const portal = await buildUser(t.current, 'portal', { clientId: mine.id });
    const list = await api('GET', '/api/v1/agreements', undefined, portal);
    expect(list.data.items.map((x: { id: string }) => x.id)).toEqual([a.data.id]);
    expect(list.data.items[0]).not.toHaveProperty('notes');
    expectProblem(await api('GET', `/api/v1/agreements/${b.data.id}`, undefined, portal), 404);
    const filtered = await api('GET', `/api/v1/agreements?client_id=${other.id}`, undefined, portal);
    expect(filtered.data.items).toEqual([]);
    expectProblem(
      await api('POST', `/api/v1/agreements/${a.data.id}/suspend`, { on: '2026-03-01' }, portal),
      404,
    );
  });
});
