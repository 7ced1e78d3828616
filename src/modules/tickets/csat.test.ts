import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('CSAT on %s', (kind) => {
  const t = useTestApp(kind);
  let tech: Caller;
  let portal: Caller;
  let clientId: string;
  const tokens = new Map<string, string>();
  const api = (method: string, url: string, payload?: unknown, who?: Caller) =>
    call(t.current, { method, url, payload, headers: who?.headers ?? {} });
  const resolvedTicket = async (subject: string) => {
    const created = await api(
      'POST',
      '/api/v1/tickets',
      { clientId, subject, assigneeId: tech.userId },
      tech,
    );
    await api('PATCH', `/api/v1/tickets/${created.data.id}`, { status: 'resolved' }, tech);
    return created.data.id as string;
  };

  beforeAll(async () => {
    tech = await buildUser(t.current, 'technician');
    clientId = (await buildClient(t.current)).id;
    portal = await buildUser(t.current, 'portal', { clientId });
    t.current.keel.tickets.onSurveyOpened(async (ticket, token) => {
      tokens.set(ticket.id, token);
    });
  });

  it('opens one survey on resolution, rated once by its one-click link', async () => {
    const id = await resolvedTicket('Laptop fixed');
    const token = tokens.get(id)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const page = await api('GET', `/api/v1/csat/${token}`);
    expect(page.data).toMatchObject({ subject: 'Laptop fixed', rating: null });
    const rated = await api('POST', `/api/v1/csat/${token}`, { rating: 5, comment: 'Quick and kind' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.data).toMatchObject({ ticketId: id, rating: 5 });
    const read = await api('GET', `/api/v1/tickets/${id}/csat`, undefined, portal);
    expect(read.data).toMatchObject({ rating: 5, comment: 'Quick and kind' });

    // Reopening and resolving again does not open a second survey.
    await api('PATCH', `/api/v1/tickets/${id}`, { status: 'open' }, tech);
    tokens.delete(id);
    await api('PATCH', `/api/v1/tickets/${id}`, { status: 'resolved' }, tech);
    expect(tokens.has(id)).toBe(false);
  });

  it('lets the portal rate its own resolved tickets, and reports per client and technician', async () => {
    const id = await resolvedTicket('Printer driver');
    const rated = await api(
      'POST',
      `/api/v1/tickets/${id}/csat`,
      { rating: 2, comment: 'Took two days' },
      portal,
    );
    expect(rated.statusCode, rated.body).toBe(200);
    const open = await api('POST', '/api/v1/tickets', { clientId, subject: 'Still open' }, tech);
    expectProblem(await api('POST', `/api/v1/tickets/${open.data.id}/csat`, { rating: 4 }, portal), 409);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const results = await api('GET', `/api/v1/csat/results?from=${today}&to=${tomorrow}`, undefined, tech);
    expect(results.statusCode, results.body).toBe(200);
    const mine = results.data.byClient.find((c: { clientId: string }) => c.clientId === clientId);
    expect(mine).toEqual({ clientId, responses: 2, average: 3.5, satisfied: 0.5 });
    const byTech = results.data.byTechnician.find(
      (c: { technicianId: string }) => c.technicianId === tech.userId,
    );
    expect(byTech.responses).toBe(2);
  });

  it('rejects bad ratings and unknown links', async () => {
    const id = await resolvedTicket('Bad rating');
    expectProblem(await api('POST', `/api/v1/csat/${tokens.get(id)}`, { rating: 9 }), 400);
    expectProblem(await api('POST', `/api/v1/csat/${'x'.repeat(32)}`, { rating: 4 }), 404);
    expectProblem(await api('GET', '/api/v1/csat/short'), 400);
    expectProblem(
      await api('GET', '/api/v1/csat/results?from=2026-01-01&to=2026-02-01', undefined, portal),
      404,
    );
  });
});
