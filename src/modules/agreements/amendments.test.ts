import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('amendments API on %s', (kind) => {
  const t = useTestApp(kind);
  let billing: Caller;
  const api = (method: string, url: string, payload?: unknown) =>
    call(t.current, { method, url, payload, headers: billing.headers });

  beforeAll(async () => {
    billing = await buildUser(t.current, 'billing');
  });

  it('records dated changes, shows any past date as it stood, and reverses', async () => {
    const client = await buildClient(t.current);
    const a = await api('POST', '/api/v1/agreements', {
      clientId: client.id,
      ...fullStack({
        lines: [
          {
            description: 'Complete, per user',
            quantity: 10,
            unitPrice: 20000,
            unit: 'per_user',
            categories: ['monitoring', 'patching', 'backup', 'helpdesk', 'security'],
          },
        ],
      }),
    });
    const id = a.data.id;
    const lineId = a.data.lines[0].id;
    expectProblem(
      await api('POST', `/api/v1/agreements/${id}/amendments`, {
        kind: 'set_quantity',
        lineId,
        quantity: 15,
        effectiveOn: '2026-03-10',
      }),
      409,
    );
    await api('POST', `/api/v1/agreements/${id}/activate`, { signedOn: '2025-12-15', signedBy: 'CEO' });

    const more = await api('POST', `/api/v1/agreements/${id}/amendments`, {
      kind: 'set_quantity',
      lineId,
      quantity: 15,
      effectiveOn: '2026-03-10',
      note: '5 new hires',
    });
    expect(more.statusCode).toBe(201);
    expect((await api('GET', `/api/v1/agreements/${id}?as_of=2026-03-09`)).data.mrr).toBe(200000);
    expect((await api('GET', `/api/v1/agreements/${id}?as_of=2026-03-10`)).data.mrr).toBe(300000);

    const added = await api('POST', `/api/v1/agreements/${id}/amendments`, {
      kind: 'add_line',
      effectiveOn: '2026-04-01',
      line: { description: 'Onboarding', quantity: 1, unitPrice: 50000, unit: 'flat', recurring: false },
    });
    expect(added.statusCode).toBe(201);
    expect((await api('GET', `/api/v1/agreements/${id}?as_of=2026-04-01`)).data.lines).toHaveLength(2);

    const reversed = await api('POST', `/api/v1/agreements/${id}/amendments/${more.data.id}/reverse`, {
      effectiveOn: '2026-05-01',
    });
    expect(reversed.data.reverses).toBe(more.data.id);
    expect((await api('GET', `/api/v1/agreements/${id}?as_of=2026-04-15`)).data.mrr).toBe(300000);
    expect((await api('GET', `/api/v1/agreements/${id}?as_of=2026-05-01`)).data.mrr).toBe(200000);
    expectProblem(
      await api('POST', `/api/v1/agreements/${id}/amendments/${more.data.id}/reverse`, {
        effectiveOn: '2026-06-01',
      }),
      400,
    );

    const timeline = await api('GET', `/api/v1/agreements/${id}/amendments`);
    expect(timeline.data.items.map((x: { kind: string }) => x.kind)).toEqual([
      'set_quantity',
      'add_line',
      'set_quantity',
    ]);
  });

  it('lists agreements with their lines as amended on as_of, as one agreement shows them', async () => {
    const client = await buildClient(t.current);
    const a = await api('POST', '/api/v1/agreements', { clientId: client.id, ...fullStack() });
    await api('POST', `/api/v1/agreements/${a.data.id}/activate`, {
      signedOn: '2026-01-01',
      signedBy: 'CEO',
    });
    await api('POST', `/api/v1/agreements/${a.data.id}/amendments`, {
      kind: 'set_quantity',
      lineId: a.data.lines[0].id,
      quantity: 30,
      effectiveOn: '2026-03-01',
    });
    const list = (asOf: string) =>
      api('GET', `/api/v1/agreements?client_id=${client.id}&as_of=${asOf}`).then((r) => r.data.items[0]);
    expect((await list('2026-02-28')).mrr).toBe(25 * 9900);
    const after = await list('2026-03-01');
    expect(after.lines[0].quantity).toBe(30);
    expect(after.mrr).toBe(30 * 9900);
    expect(after.mrr).toBe((await api('GET', `/api/v1/agreements/${a.data.id}?as_of=2026-03-01`)).data.mrr);
  });

  it('refuses unknown lines, negative quantities, overlaps and dates before the start; writes nothing', async () => {
    const client = await buildClient(t.current);
    const a = await api('POST', '/api/v1/agreements', { clientId: client.id, ...fullStack() });
    await api('POST', `/api/v1/agreements/${a.data.id}/activate`, {
      signedOn: '2025-12-15',
      signedBy: 'CEO',
    });
    const lineId = a.data.lines[0].id;
    const url = `/api/v1/agreements/${a.data.id}/amendments`;
    await api('POST', url, { kind: 'set_quantity', lineId, quantity: 30, effectiveOn: '2026-02-01' });
    const cases: [unknown, number][] = [
      [
        {
          kind: 'set_quantity',
          lineId: '0190e4a0-0000-7000-8000-000000000000',
          quantity: 3,
          effectiveOn: '2026-02-01',
        },
        400,
      ],
      [{ kind: 'set_quantity', lineId, quantity: -3, effectiveOn: '2026-02-02' }, 400],
      [{ kind: 'set_quantity', lineId, quantity: 31, effectiveOn: '2026-02-01' }, 400],
      [{ kind: 'set_price', lineId, unitPrice: 100, effectiveOn: '2025-06-01' }, 400],
      [{ kind: 'teleport', lineId, effectiveOn: '2026-02-01' }, 400],
    ];
    for (const [body, status] of cases) expectProblem(await api('POST', url, body), status);
    expect((await api('GET', url)).data.items).toHaveLength(1);
  });
});
