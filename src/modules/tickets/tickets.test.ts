import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import {
  buildClient,
  buildContact,
  buildUser,
  call,
  expectProblem,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { Actor } from './tickets.service.js';

const PREMIUM_24X7 = '01900000-0000-7000-8000-000000000012';

describe.each(storeKinds)('tickets on %s', (kind) => {
  const t = useTestApp(kind);
  let tech: Caller;
  let manager: Caller;
  let managed: string;
  let breakFix: string;
  let contactId: string;
  const api = (method: string, url: string, payload?: unknown, who = tech) =>
    call(t.current, { method, url, payload, headers: who.headers });

  beforeAll(async () => {
    tech = await buildUser(t.current, 'technician');
    manager = await buildUser(t.current, 'manager');
    managed = (await buildClient(t.current, { timeZone: 'Europe/London' })).id;
    breakFix = (await buildClient(t.current)).id;
    contactId = (await buildContact(t.current, managed)).id;
    const a = await api(
      'POST',
      '/api/v1/agreements',
      { clientId: managed, ...fullStack({ slaPolicyId: PREMIUM_24X7 }) },
      manager,
    );
    await api(
      'POST',
      `/api/v1/agreements/${a.data.id}/activate`,
      { signedOn: '2025-12-15', signedBy: 'CEO' },
      manager,
    );
    const hourly = await api(
      'POST',
      '/api/v1/agreements',
      {
        clientId: breakFix,
        kind: 'time_materials',
        name: 'Hourly',
        startDate: '2025-01-01',
        minimumTermMonths: 0,
        slaPolicyId: null,
        lines: [],
      },
      manager,
    );
    await api(
      'POST',
      `/api/v1/agreements/${hourly.data.id}/activate`,
      { signedOn: '2024-12-15', signedBy: 'Owner' },
      manager,
    );
  });

  it('raises a ticket with priority from the matrix, the agreement’s SLA and entitlement', async () => {
    const res = await api('POST', '/api/v1/tickets', {
      clientId: managed,
      contactId,
      subject: 'Server down',
      description: 'The file server does not answer.',
      category: 'helpdesk',
      impact: 'high',
      urgency: 'high',
      source: 'phone',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({
      reference: expect.stringMatching(/^T-\d{6}$/),
      priority: 'P1',
      status: 'new',
      queue: 'service-desk',
      sla: { policyId: PREMIUM_24X7, bestEffort: false, paused: false },
      entitlement: { kind: 'covered', billable: false },
    });
    const response = res.data.sla.clocks.find((c: { kind: string }) => c.kind === 'response');
    expect(Date.parse(response.dueAt) - Date.parse(res.data.createdAt)).toBe(15 * 60_000);
    expect(response.state).toBe('running');
  });

  it('a break-fix client is best effort: no clock, billable at time and materials', async () => {
    const res = await api('POST', '/api/v1/tickets', {
      clientId: breakFix,
      subject: 'Printer jammed',
      category: 'helpdesk',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data.sla).toMatchObject({ policyId: null, bestEffort: true, clocks: [] });
    expect(res.data.entitlement).toMatchObject({ kind: 'time_materials', billable: true });
  });

  it('a ticket with no client lands in triage, and takes the client’s SLA from its original start once placed', async () => {
    const res = await api('POST', '/api/v1/tickets', { subject: 'Mail from someone unknown' });
    expect(res.data).toMatchObject({ clientId: null, queue: 'triage', sla: { bestEffort: true } });
    const placed = await api('PATCH', `/api/v1/tickets/${res.data.id}`, { clientId: managed });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.data).toMatchObject({
      clientId: managed,
      queue: 'service-desk',
      sla: { policyId: PREMIUM_24X7 },
    });
    const response = placed.data.sla.clocks.find((c: { kind: string }) => c.kind === 'response');
    expect(Date.parse(response.dueAt) - Date.parse(res.data.createdAt)).toBe(120 * 60_000);
  });

  describe('clocks, end to end with controlled instants', () => {
    const t0 = new Date('2026-03-02T09:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const staff = (): Actor => ({ userId: tech.userId, contactId: null, staff: true, channel: 'web' });
    const clock = (ticket: { sla: { clocks: { kind: string }[] } }, kind: string) =>
      ticket.sla.clocks.find((c) => c.kind === kind) as Record<string, unknown>;

    it('pauses while waiting on the client, resumes, and records the response met', async () => {
      const tickets = t.current.keel.tickets.service;
      const created = await tickets.create(
        staffScope,
        {
          clientId: managed,
          subject: 'VPN',
          source: 'api',
          type: 'incident',
          impact: 'high',
          urgency: 'high',
          tags: [],
          description: '',
        },
        staff(),
        t0,
      );
      // P1 on the 24×7 premium policy: response 15 min, resolution 240 min.
      const replied = await tickets.reply(
        staffScope,
        created.id,
        { body: 'Looking at it', public: true, status: 'waiting_client' },
        staff(),
        at(10),
      );
      expect(clock(replied.ticket, 'response')).toMatchObject({ state: 'met', metAt: at(10).toISOString() });
      expect(clock(replied.ticket, 'resolution')).toMatchObject({ state: 'paused' });
      expect(replied.ticket.sla.paused).toBe(true);
      const resumed = await tickets.update(
        staffScope,
        created.id,
        { status: 'in_progress' },
        staff(),
        at(70),
      );
      expect(clock(resumed, 'resolution')).toMatchObject({
        state: 'running',
        dueAt: at(300).toISOString(),
        elapsedMinutes: 10,
      });
      const resolved = await tickets.update(staffScope, created.id, { status: 'resolved' }, staff(), at(200));
      expect(clock(resolved, 'resolution')).toMatchObject({
        state: 'met',
        metAt: at(200).toISOString(),
        elapsedMinutes: 140,
      });
      expect(resolved.resolvedAt).toBe(at(200).toISOString());
    });

    it('recomputes targets from the original start when the priority changes, and records the breach', async () => {
      const tickets = t.current.keel.tickets.service;
      const created = await tickets.create(
        staffScope,
        {
          clientId: managed,
          subject: 'Slow PC',
          source: 'api',
          type: 'incident',
          impact: 'low',
          urgency: 'low',
          tags: [],
          description: '',
        },
        staff(),
        t0,
      );
      expect(created.priority).toBe('P4');
      expect(clock(created, 'response')).toMatchObject({ dueAt: at(240).toISOString() });
      const raised = await tickets.update(
        staffScope,
        created.id,
        { impact: 'high', urgency: 'high' },
        staff(),
        at(20),
      );
      expect(raised.priority).toBe('P1');
      expect(clock(raised, 'response')).toMatchObject({
        state: 'breached',
        dueAt: at(15).toISOString(),
        breachedAt: at(15).toISOString(),
      });
      const history = await tickets.history(staffScope, created.id);
      expect(history.map((e) => e.kind)).toEqual(['created', 'priority', 'impact', 'urgency']);
    });
  });

  it('refuses a move the workflow does not allow, and changes nothing', async () => {
    const created = await api('POST', '/api/v1/tickets', { clientId: managed, subject: 'Closing test' });
    await api('PATCH', `/api/v1/tickets/${created.data.id}`, { status: 'closed' });
    const bad = await api('PATCH', `/api/v1/tickets/${created.data.id}`, {
      status: 'resolved',
      subject: 'changed',
    });
    expect(expectProblem(bad, 409).code).toBe('TICKET_TRANSITION');
    const unknown = await api('PATCH', `/api/v1/tickets/${created.data.id}`, { status: 'finished' });
    expect(expectProblem(unknown, 422).errors?.[0]?.field).toBe('body.status');
    const after = await api('GET', `/api/v1/tickets/${created.data.id}`);
    expect(after.data).toMatchObject({ status: 'closed', subject: 'Closing test' });
  });

  it('rejects bad input with problem+json and writes nothing', async () => {
    const before = await api('GET', '/api/v1/tickets?include_resolved=true&limit=200');
    for (const [payload, status] of [
      [{ clientId: managed, subject: '' }, 400],
      [{ clientId: managed, subject: 'x', impact: 'huge' }, 400],
      [{ clientId: managed, subject: 'x', category: 'gardening' }, 422],
      [{ clientId: managed, subject: 'x', contactId: '01900000-0000-7000-8000-0000000000ff' }, 422],
      [{ clientId: '01900000-0000-7000-8000-0000000000ff', subject: 'x' }, 404],
      [{ clientId: managed, subject: 'x', queue: 'nowhere' }, 422],
      [{ clientId: managed, subject: 'x', surprise: true }, 400],
    ] as const) {
      expectProblem(await api('POST', '/api/v1/tickets', payload), status);
    }
    const after = await api('GET', '/api/v1/tickets?include_resolved=true&limit=200');
    expect(after.data.items.length).toBe(before.data.items.length);
  });

  it('orders the queue by SLA urgency and pages with a cursor', async () => {
    const page1 = await api('GET', '/api/v1/tickets?limit=2');
    expect(page1.statusCode, page1.body).toBe(200);
    const all = [...page1.data.items];
    let cursor = page1.data.nextCursor;
    while (cursor) {
      const next = await api('GET', `/api/v1/tickets?limit=2&cursor=${cursor}`);
      all.push(...next.data.items);
      cursor = next.data.nextCursor;
    }
    const deadlines = all.map((x) => x.sla.nextDeadlineAt ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    expectProblem(await api('GET', '/api/v1/tickets?cursor=garbage'), 400);
  });

  it('portal users raise and follow only their own client’s tickets, and never see internal notes', async () => {
    const portal = await buildUser(t.current, 'portal', { clientId: managed });
    const mine = await api('POST', '/api/v1/tickets', { subject: 'My laptop', clientId: breakFix }, portal);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.data.clientId).toBe(managed);
    expect(mine.data.source).toBe('portal');
    await api('POST', `/api/v1/tickets/${mine.data.id}/replies`, {
      body: 'Internal: user is VIP',
      public: false,
    });
    await api('POST', `/api/v1/tickets/${mine.data.id}/replies`, { body: 'We are on it', public: true });
    const messages = await api('GET', `/api/v1/tickets/${mine.data.id}/messages`, undefined, portal);
    expect(messages.data.items.map((m: { body: string }) => m.body)).toEqual(['We are on it']);
    const theirs = await api('POST', '/api/v1/tickets', { clientId: breakFix, subject: 'Not yours' });
    expectProblem(await api('GET', `/api/v1/tickets/${theirs.data.id}`, undefined, portal), 404);
    const list = await api('GET', '/api/v1/tickets?include_resolved=true&limit=200', undefined, portal);
    expect(list.data.items.every((x: { clientId: string }) => x.clientId === managed)).toBe(true);
    expectProblem(
      await api('POST', `/api/v1/tickets/${mine.data.id}/replies`, { body: 'psst', public: false }, portal),
      403,
    );
    expectProblem(
      await api('PATCH', `/api/v1/tickets/${mine.data.id}`, { assigneeId: tech.userId }, portal),
      403,
    );
  });

  it('assigns to staff only, and filters the queue by assignee', async () => {
    const created = await api('POST', '/api/v1/tickets', { clientId: managed, subject: 'Assign me' });
    const portal = await buildUser(t.current, 'portal', { clientId: managed });
    expectProblem(
      await api('PATCH', `/api/v1/tickets/${created.data.id}`, { assigneeId: portal.userId }),
      422,
    );
    const ok = await api('PATCH', `/api/v1/tickets/${created.data.id}`, { assigneeId: tech.userId });
    expect(ok.data.assigneeId).toBe(tech.userId);
    const mine = await api('GET', '/api/v1/tickets?assignee=me');
    expect(mine.data.items.map((x: { id: string }) => x.id)).toContain(created.data.id);
  });

  it('lets an administrator add a status to the workflow, refusing one the clocks could not read', async () => {
    const admin = await buildUser(t.current, 'admin');
    const current = (await api('GET', '/api/v1/tickets/workflow')).data;
    const scheduled = {
      statuses: [...current.statuses, { code: 'scheduled', label: 'Scheduled visit', phase: 'paused' }],
      transitions: {
        ...current.transitions,
        scheduled: ['in_progress', 'resolved'],
        open: [...current.transitions.open, 'scheduled'],
      },
    };
    const saved = await api('PUT', '/api/v1/tickets/workflow', scheduled, admin);
    expect(saved.statusCode, saved.body).toBe(200);
    const ticket = await api('POST', '/api/v1/tickets', { clientId: managed, subject: 'Visit on Tuesday' });
    await api('PATCH', `/api/v1/tickets/${ticket.data.id}`, { status: 'open' });
    const moved = await api('PATCH', `/api/v1/tickets/${ticket.data.id}`, { status: 'scheduled' });
    expect(moved.data.status).toBe('scheduled');

    const noResolved = {
      statuses: scheduled.statuses.filter((x: { phase: string }) => x.phase !== 'resolved'),
      transitions: {},
    };
    expectProblem(await api('PUT', '/api/v1/tickets/workflow', noResolved, admin), 422);
    expect(expectProblem(await api('PUT', '/api/v1/tickets/workflow', current, admin), 409).detail).toContain(
      'scheduled',
    );
    expectProblem(await api('PUT', '/api/v1/tickets/workflow', current), 403);
    await api('PATCH', `/api/v1/tickets/${ticket.data.id}`, { status: 'resolved' });
    const restored = await api('PUT', '/api/v1/tickets/workflow', current, admin);
    expect(restored.statusCode, restored.body).toBe(200);
  });
});
