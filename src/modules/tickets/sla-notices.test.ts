import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, unique, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { SlaNotice } from './sla-notices.js';
import type { Actor } from './tickets.service.js';

const AROUND_THE_CLOCK = '01900000-0000-7000-8000-000000000002';
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each(storeKinds)('SLA warnings, breaches and escalation on %s', (kind) => {
  const t = useTestApp(kind);
  const heard: SlaNotice[] = [];
  let tech: Caller;
  let dispatcher: Caller;
  let clientId: string;
  const actor = (): Actor => ({ userId: tech.userId, contactId: null, staff: true, channel: 'web' });

  beforeAll(async () => {
    tech = await buildUser(t.current, 'technician');
    dispatcher = await buildUser(t.current, 'manager');
    const policy = await t.current.keel.sla.service.createPolicy({
      name: unique('Escalating 24×7'),
      calendarId: AROUND_THE_CLOCK,
      targets: {
        P1: { responseMinutes: 10, resolutionMinutes: 60, updateMinutes: null },
        P2: { responseMinutes: 20, resolutionMinutes: 120, updateMinutes: null },
        P3: { responseMinutes: 40, resolutionMinutes: 240, updateMinutes: null },
        P4: { responseMinutes: 80, resolutionMinutes: 480, updateMinutes: null },
      },
      pauseStatuses: ['waiting_client'],
      warnPercent: 75,
      escalation: {
        notifyOnWarning: true,
        notifyOnBreach: true,
        reassignTo: dispatcher.userId,
        raisePriority: true,
      },
    });
    clientId = (await buildClient(t.current)).id;
    const a = await call(t.current, {
      method: 'POST',
      url: '/api/v1/agreements',
      headers: dispatcher.headers,
      payload: { clientId, ...fullStack({ slaPolicyId: policy.id }) },
    });
    await call(t.current, {
      method: 'POST',
      url: `/api/v1/agreements/${a.data.id}/activate`,
      headers: dispatcher.headers,
      payload: { signedOn: '2025-12-15', signedBy: 'CEO' },
    });
    t.current.keel.tickets.onSlaNotice(async (n) => {
      heard.push(n);
    });
  });

  it('warns at 75%, breaches at the due instant, once each, and escalates on breach', async () => {
    const { tickets } = t.current.keel;
    const ticket = await tickets.service.create(
      staffScope,
      {
        clientId,
        subject: unique('Backups failing'),
        source: 'api',
        type: 'incident',
        impact: 'medium',
        urgency: 'medium',
        tags: [],
        description: '',
      },
      actor(),
      t0,
    );
    expect(ticket.priority).toBe('P3');
    const mine = () => heard.filter((n) => n.ticketId === ticket.id);

    await tickets.sweep(at(29));
    expect(mine()).toEqual([]);
    await tickets.sweep(at(30));
    expect(mine().map((n) => [n.clock, n.notice, n.dueAt])).toEqual([
      ['response', 'warning', at(40).toISOString()],
    ]);
    await tickets.sweep(at(35));
    expect(mine()).toHaveLength(1);

    await tickets.sweep(at(41));
    expect(mine().map((n) => [n.clock, n.notice])).toEqual([
      ['response', 'warning'],
      ['response', 'breach'],
    ]);
    const escalated = await tickets.service.get(staffScope, ticket.id);
    // Raised one step to P2 and handed to the dispatcher; the breach stays recorded at the due instant.
    expect(escalated).toMatchObject({ priority: 'P2', assigneeId: dispatcher.userId });
    const response = escalated.sla.clocks.find((c) => c.kind === 'response')!;
    expect(response).toMatchObject({ state: 'breached', breachedAt: at(20).toISOString() });
    const history = await tickets.service.history(staffScope, ticket.id);
    expect(history.map((e) => e.kind)).toEqual(['created', 'sla_warning', 'sla_breached', 'escalated']);

    // The same sweep again (a second worker, a restart) fires nothing new, and the raised
    // priority's earlier target does not start a second round of response notices.
    const before = mine().length;
    await tickets.sweep(at(41));
    await tickets.sweep(at(95));
    expect(mine().map((n) => [n.clock, n.notice])).toEqual([
      ['response', 'warning'],
      ['response', 'breach'],
      ['resolution', 'warning'],
    ]);
    expect(before).toBe(2);
  });

  it('sends nothing while the clock is paused', async () => {
    const { tickets } = t.current.keel;
    const ticket = await tickets.service.create(
      staffScope,
      {
        clientId,
        subject: unique('Waiting'),
        source: 'api',
        type: 'incident',
        impact: 'low',
        urgency: 'low',
        tags: [],
        description: '',
      },
      actor(),
      t0,
    );
    await tickets.service.reply(
      staffScope,
      ticket.id,
      { body: 'Can you send a screenshot?', public: true, status: 'waiting_client' },
      actor(),
      at(5),
    );
    await tickets.sweep(at(1000));
    expect(heard.filter((n) => n.ticketId === ticket.id)).toEqual([]);
  });

  it('records a breach that passed before the ticket was next written, with no sweep in between', async () => {
    const { tickets } = t.current.keel;
    const ticket = await tickets.service.create(
      staffScope,
      {
        clientId,
        subject: unique('Written late'),
        source: 'api',
        type: 'incident',
        impact: 'medium',
        urgency: 'medium',
        tags: [],
        description: '',
      },
      actor(),
      t0,
    );
    // An internal note meets nothing; it is written after the response target (40 min) ran out.
    await tickets.service.reply(
      staffScope,
      ticket.id,
      { body: 'Looking into it', public: false },
      actor(),
      at(45),
    );
    await tickets.sweep(at(46));
    expect(heard.filter((n) => n.ticketId === ticket.id).map((n) => [n.clock, n.notice])).toEqual([
      ['response', 'breach'],
    ]);
    await tickets.sweep(at(47));
    expect(heard.filter((n) => n.ticketId === ticket.id)).toHaveLength(1);
  });
});
