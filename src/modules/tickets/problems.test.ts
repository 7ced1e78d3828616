import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

describe.each(storeKinds)('problems on %s', (kind) => {
  const t = useTestApp(kind);
  let tech: Caller;
  let clientA: string;
  let clientB: string;
  const api = (method: string, url: string, payload?: unknown, who = tech) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const ticket = async (clientId: string, subject: string) =>
    (await api('POST', '/api/v1/tickets', { clientId, subject, category: 'email' })).data;

  beforeAll(async () => {
    tech = await buildUser(t.current, 'technician');
    clientA = (await buildClient(t.current)).id;
    clientB = (await buildClient(t.current)).id;
  });

  it('links incidents across clients to one root cause, and resolving it resolves them', async () => {
    const one = await ticket(clientA, 'Mail bouncing');
    const two = await ticket(clientB, 'Cannot send mail');
    const three = await ticket(clientA, 'Outlook asks for password');
    const created = await api('POST', '/api/v1/problems', {
      title: 'Mail relay certificate expired',
      workaround: 'Send through webmail',
      ticketIds: [one.id, two.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.incidents.map((i: { id: string }) => i.id).sort()).toEqual([one.id, two.id].sort());

    const linked = await api('POST', `/api/v1/problems/${created.data.id}/incidents`, {
      add: [three.id],
      remove: [two.id],
    });
    expect(linked.data.incidents).toHaveLength(2);
    const history = await api('GET', `/api/v1/tickets/${three.id}/history`);
    expect(history.data.items.at(-1)).toMatchObject({
      kind: 'problemId',
      data: { from: null, to: created.data.id },
    });
    const known = await api('PATCH', `/api/v1/problems/${created.data.id}`, {
      status: 'known_error',
      rootCause: 'Certificate not renewed',
    });
    expect(known.data).toMatchObject({ status: 'known_error', rootCause: 'Certificate not renewed' });

    const resolved = await api('POST', `/api/v1/problems/${created.data.id}/resolve`, {
      resolveIncidents: true,
      note: 'The certificate is renewed; mail flows again.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.data).toMatchObject({ status: 'resolved', notResolved: [] });
    expect(resolved.data.incidents.every((i: { resolved: boolean }) => i.resolved)).toBe(true);
    const messages = await api('GET', `/api/v1/tickets/${three.id}/messages`);
    expect(messages.data.items.at(-1).body).toBe('The certificate is renewed; mail flows again.');
    const untouched = await api('GET', `/api/v1/tickets/${two.id}`);
    expect(untouched.data).toMatchObject({ status: 'new', problemId: null });

    expectProblem(await api('POST', `/api/v1/problems/${created.data.id}/resolve`, {}), 409);
  });

  it('rejects unknown incidents and keeps portal users out', async () => {
    const bad = await api('POST', '/api/v1/problems', {
      title: 'Ghost',
      ticketIds: ['01900000-0000-7000-8000-0000000000ff'],
    });
    expect(expectProblem(bad, 422).errors?.[0]?.field).toBe('body.ticketIds');
    expectProblem(await api('POST', '/api/v1/problems', { title: '' }), 400);
    const portal = await buildUser(t.current, 'portal', { clientId: clientA });
    expectProblem(await api('GET', '/api/v1/problems', undefined, portal), 404);
  });
});
