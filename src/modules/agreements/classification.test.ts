import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('classification API on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  const api = (method: string, url: string, payload?: unknown, who = manager) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const signed = async (clientId: string, overrides: Record<string, unknown> = {}) => {
    const a = await api('POST', '/api/v1/agreements', { clientId, ...fullStack(overrides) });
    expect(a.statusCode).toBe(201);
    await api('POST', `/api/v1/agreements/${a.data.id}/activate`, {
      signedOn: '2025-12-15',
      signedBy: 'Client CEO',
    });
    return a.data.id as string;
  };

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
  });

  it('explains a contract client, and a near miss with the fix', async () => {
    const contract = await buildClient(t.current);
    await signed(contract.id);
    const res = await api('GET', `/api/v1/clients/${contract.id}/classification?as_of=2026-03-01`);
    expect(res.data).toMatchObject({ kind: 'contract', mrr: 247500 });
    expect(res.data.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);

    const short = await buildClient(t.current);
    const id = await signed(short.id, { minimumTermMonths: 6 });
    const near = await api('GET', `/api/v1/clients/${short.id}/classification?as_of=2026-03-01`);
    expect(near.data.kind).not.toBe('contract');
    const failing = near.data.checks.filter((c: { passed: boolean }) => !c.passed);
    expect(failing).toHaveLength(1);
    expect(failing[0].message).toMatch(/6.*12/);

    const summary = await api('GET', '/api/v1/classification/summary?as_of=2026-03-01');
    expect(summary.data.byKind.contract.count).toBeGreaterThanOrEqual(1);
    expect(summary.data.clients[0].failsOne).toBe(true);
    expect(summary.data.total.mrr).toBeGreaterThanOrEqual(2 * 247500);

    // Raising the policy's minimum to 24 months turns the contract client into a near miss too.
    const policy = await api('GET', '/api/v1/settings/classification-policy');
    expect(policy.data).toMatchObject({ minimumTermMonths: 12, minimumMonthlyValue: 200000 });
    await api('PUT', '/api/v1/settings/classification-policy', { ...policy.data, minimumTermMonths: 24 });
    const stricter = await api('GET', `/api/v1/clients/${contract.id}/classification?as_of=2026-03-01`);
    expect(stricter.data.kind).not.toBe('contract');
    await api('PUT', '/api/v1/settings/classification-policy', policy.data);
    expect(id).toBeTruthy();
  });

  it('calls a client with nothing billed a prospect, and keeps classification from portal users', async () => {
    const prospect = await buildClient(t.current);
    const res = await api('GET', `/api/v1/clients/${prospect.id}/classification`);
    expect(res.data).toMatchObject({ kind: 'prospect', mrr: 0, decidingAgreementId: null });
    const portal = await buildUser(t.current, 'portal', { clientId: prospect.id });
    expectProblem(await api('GET', `/api/v1/clients/${prospect.id}/classification`, undefined, portal), 404);
    expectProblem(await api('GET', '/api/v1/classification/summary', undefined, portal), 404);
    expectProblem(
      await api('GET', '/api/v1/clients/0190e4a0-0000-7000-8000-000000000000/classification'),
      404,
    );
    expectProblem(await api('PUT', '/api/v1/settings/classification-policy', { minimumTermMonths: -1 }), 400);
  });
});
