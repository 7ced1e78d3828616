import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('entitlement check API on %s', (kind) => {
  const t = useTestApp(kind);
  let tech: Caller;
  let clientId: string;
  const check = (body: Record<string, unknown>, who = tech) =>
    call(t.current, {
      method: 'POST',
      url: '/api/v1/entitlement/check',
      payload: { clientId, ...body },
      headers: who.headers,
    });

  beforeAll(async () => {
    tech = await buildUser(t.current, 'technician');
    const manager = await buildUser(t.current, 'manager');
    clientId = (await buildClient(t.current, { timeZone: 'Europe/Paris' })).id;
    const a = await call(t.current, {
      method: 'POST',
      url: '/api/v1/agreements',
      headers: manager.headers,
      payload: {
        clientId,
        ...fullStack({
          exclusions: [
            { category: 'backup', workType: 'onsite', description: 'On-site restores', hourlyRate: 13000 },
          ],
        }),
      },
    });
    await call(t.current, {
      method: 'POST',
      url: `/api/v1/agreements/${a.data.id}/activate`,
      headers: manager.headers,
      payload: { signedOn: '2025-12-15', signedBy: 'CEO' },
    });
  });

  it('answers covered for helpdesk work in scope, with the rule that decided', async () => {
    const res = await check({
      category: 'helpdesk',
      workType: 'remote',
      start: '2026-03-03T09:00:00+01:00',
      end: '2026-03-03T10:30:00+01:00',
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      kind: 'covered',
      minutes: 90,
      billableAmount: 0,
      afterHours: false,
      rule: { code: 'COVERED_BY_MANAGED' },
    });
  });

  it('bills excluded work at the exclusion rate and uncovered work at the out-of-scope rate, after hours × 1.5', async () => {
    const evening = { start: '2026-03-03T19:00:00+01:00', end: '2026-03-03T20:00:00+01:00' };
    const excluded = await check({ category: 'backup', workType: 'onsite', ...evening });
    expect(excluded.data).toMatchObject({
      kind: 'out_of_scope',
      reason: 'exclusion',
      afterHours: true,
      afterHoursMinutes: 60,
      billableAmount: 19500,
    });
    const uncovered = await check({ category: 'network', workType: 'remote', ...evening });
    expect(uncovered.data).toMatchObject({
      kind: 'out_of_scope',
      reason: 'not_covered',
      billableAmount: 16500,
      rule: { code: 'OUTSIDE_MANAGED_SCOPE' },
    });
  });

  it('calls work for a client without agreements break-fix, and refuses bad input', async () => {
    const other = await buildClient(t.current);
    const res = await call(t.current, {
      method: 'POST',
      url: '/api/v1/entitlement/check',
      headers: tech.headers,
      payload: {
        clientId: other.id,
        category: null,
        workType: 'onsite',
        start: '2026-03-03T09:00:00Z',
        end: '2026-03-03T11:00:00Z',
      },
    });
    expect(res.data).toMatchObject({
      kind: 'time_materials',
      agreementId: null,
      billableAmount: 24000,
      rule: { code: 'BREAK_FIX' },
    });
    expectProblem(
      await check({ workType: 'remote', start: '2026-03-03T10:00:00Z', end: '2026-03-03T09:00:00Z' }),
      400,
    );
    expectProblem(
      await check({ workType: 'juggling', start: '2026-03-03T09:00:00Z', end: '2026-03-03T10:00:00Z' }),
      400,
    );
    expectProblem(await check({ workType: 'remote', start: 'yesterday', end: '2026-03-03T10:00:00Z' }), 400);
    expectProblem(
      await check({
        clientId: '0190e4a0-0000-7000-8000-000000000000',
        workType: 'remote',
        start: '2026-03-03T09:00:00Z',
        end: '2026-03-03T10:00:00Z',
      }),
      404,
    );
    const portal = await buildUser(t.current, 'portal', { clientId });
    expectProblem(
      await check({ workType: 'remote', start: '2026-03-03T09:00:00Z', end: '2026-03-03T10:00:00Z' }, portal),
      404,
    );
  });
});
