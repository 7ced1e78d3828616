import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import { buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('catalog API on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  let tech: Caller;
  const api = (method: string, url: string, payload?: unknown, who = manager) =>
    call(t.current, { method, url, payload, headers: who.headers });

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
    tech = await buildUser(t.current, 'technician');
  });

  it('ships the built-in categories and work types', async () => {
    const cats = await api('GET', '/api/v1/catalog/categories');
    expect(cats.data.items.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining([
        'monitoring',
        'patching',
        'backup',
        'helpdesk',
        'security',
        'email',
        'network',
        'vcio',
      ]),
    );
    const types = await api('GET', '/api/v1/catalog/work-types', undefined, tech);
    expect(types.data.items.find((w: { code: string }) => w.code === 'internal')).toMatchObject({
      billable: false,
      internal: true,
    });
  });

  it('builds services into a plan that reports the categories it delivers', async () => {
    const ids: string[] = [];
    for (const [name, categoryCode] of [
      ['RMM monitoring', 'monitoring'],
      ['Patch management', 'patching'],
      ['Cloud backup', 'backup'],
    ]) {
      const res = await api('POST', '/api/v1/catalog/services', {
        name,
        categoryCode,
        unit: 'per_device',
        price: 1500,
        cost: 400,
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.data.id);
    }
    const plan = await api('POST', '/api/v1/catalog/plans', {
      name: 'Essentials',
      unit: 'per_user',
      price: 8900,
      serviceIds: ids,
    });
    expect(plan.statusCode).toBe(201);
    expect(plan.data.categories).toEqual(['backup', 'monitoring', 'patching']);
    const smaller = await api('PATCH', `/api/v1/catalog/plans/${plan.data.id}`, {
      serviceIds: ids.slice(0, 1),
    });
    expect(smaller.data.categories).toEqual(['monitoring']);
  });

  it('adds a custom category, a product, a work type and a labour cost', async () => {
    expect(
      (await api('POST', '/api/v1/catalog/categories', { code: 'voip', name: 'Telephony' })).statusCode,
    ).toBe(201);
    const product = await api('POST', '/api/v1/catalog/products', {
      name: 'Microsoft 365 Business Premium',
      vendor: 'Microsoft',
      unit: 'per_user',
      cost: 1850,
      price: 2200,
    });
    expect(product.data.categoryCode).toBe('licences');
    expect(
      (
        await api('POST', '/api/v1/catalog/work-types', {
          code: 'bench',
          name: 'Bench repair',
          defaultRate: 8500,
        })
      ).statusCode,
    ).toBe(201);
    // Billing rounds each entry of a work type up to its increment, then to its minimum charge.
    const visit = await api('POST', '/api/v1/catalog/work-types', {
      code: 'site-visit',
      name: 'Site visit',
      defaultRate: 12_000,
      incrementMinutes: 30,
      minimumMinutes: 120,
    });
    expect(visit.data).toMatchObject({ incrementMinutes: 30, minimumMinutes: 120 });
    const types = (await api('GET', '/api/v1/catalog/work-types')).data.items;
    expect(types.find((w: { code: string }) => w.code === 'onsite')).toMatchObject({
      incrementMinutes: 15,
      minimumMinutes: 60,
    });
    expect(types.find((w: { code: string }) => w.code === 'bench')).toMatchObject({
      incrementMinutes: 0,
      minimumMinutes: 0,
    });
    expect(
      (await api('PATCH', '/api/v1/catalog/work-types/site-visit', { minimumMinutes: -1 })).statusCode,
    ).toBe(400);
    const rate = await api('POST', '/api/v1/catalog/labour-rates', {
      userId: tech.userId,
      hourlyCost: 4200,
      effectiveFrom: '2026-01-01',
    });
    expect(rate.statusCode).toBe(201);
  });

  it('refuses bad input with 4xx and writes nothing; technicians only read', async () => {
    const before = await api('GET', '/api/v1/catalog/services');
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/v1/catalog/services', { name: 'X', categoryCode: 'nope', unit: 'flat' }, 422],
      [
        'POST',
        '/api/v1/catalog/services',
        { name: 'X', categoryCode: 'backup', unit: 'flat', price: -1 },
        400,
      ],
      [
        'POST',
        '/api/v1/catalog/services',
        { name: 'RMM monitoring', categoryCode: 'monitoring', unit: 'flat' },
        409,
      ],
      [
        'POST',
        '/api/v1/catalog/plans',
        { name: 'Broken', unit: 'flat', serviceIds: ['0190e4a0-0000-7000-8000-000000000000'] },
        422,
      ],
      ['POST', '/api/v1/catalog/categories', { code: 'Has Spaces', name: 'X' }, 400],
      ['PATCH', '/api/v1/catalog/work-types/unknown-type', { name: 'X' }, 404],
    ];
    for (const [method, url, payload, status] of cases)
      expectProblem(await api(method, url, payload), status);
    expectProblem(
      await api(
        'POST',
        '/api/v1/catalog/services',
        { name: 'Y', categoryCode: 'backup', unit: 'flat' },
        tech,
      ),
      403,
    );
    expect((await api('GET', '/api/v1/catalog/services')).data.items).toHaveLength(before.data.items.length);
    const plans = await api('GET', '/api/v1/catalog/plans');
    expect(plans.data.items.map((p: { name: string }) => p.name)).not.toContain('Broken');
  });
});
