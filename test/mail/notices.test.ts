import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { staffScope } from '../../src/platform/auth/principal.js';
import { buildClient, buildContact, buildUser, type Caller, createTestApp, unique } from '../support/app.js';
import { storeKinds } from '../support/stores.js';
import { type Outbox, startOutbox } from './support.js';

const AROUND_THE_CLOCK = '01900000-0000-7000-8000-000000000002';
const t0 = new Date(Date.now() - 3 * 3_600_000);

describe.each(storeKinds)('SLA notices and CSAT links by mail on %s', (kind) => {
  let app: App;
  let outbox: Outbox;
  let tech: Caller;

  beforeAll(async () => {
    outbox = await startOutbox();
    app = await createTestApp(kind, {
      jobs: { work: true },
      env: {
        SMTP_URL: `smtp://127.0.0.1:${outbox.port}`,
        MAIL_FROM: 'MSP Helpdesk <help@msp.test>',
        KEEL_PUBLIC_URL: 'https://desk.msp.test/',
      },
    });
    tech = await buildUser(app, 'technician');
  });
  afterAll(async () => {
    await app?.close();
    await outbox?.close();
  });

  it('mails the assignee when a target breaches, and the requester a one-click survey on resolution', async () => {
    const { sla, tickets } = app.keel;
    const policy = await sla.service.createPolicy({
      name: unique('Fast'),
      calendarId: AROUND_THE_CLOCK,
      targets: {
        P1: { responseMinutes: 5, resolutionMinutes: 60, updateMinutes: null },
        P2: { responseMinutes: 10, resolutionMinutes: 60, updateMinutes: null },
        P3: { responseMinutes: 15, resolutionMinutes: 60, updateMinutes: null },
        P4: { responseMinutes: 20, resolutionMinutes: 60, updateMinutes: null },
      },
      pauseStatuses: [],
      warnPercent: 100,
      escalation: { notifyOnWarning: false, notifyOnBreach: true, reassignTo: null, raisePriority: false },
    });
    const clientId = (await buildClient(app)).id;
    await sla.service.setKindDefaults({ prospect: policy.id });
    const contact = await buildContact(app, clientId, { email: `req-${process.pid}@client.test` });
    const staff = { userId: tech.userId, contactId: null, staff: true, channel: 'web' as const };
    const ticket = await tickets.service.create(
      staffScope,
      {
        clientId,
        contactId: contact.id,
        assigneeId: tech.userId,
        subject: 'Server room too hot',
        source: 'phone',
        type: 'incident',
        impact: 'medium',
        urgency: 'medium',
        tags: [],
        description: '',
      },
      staff,
      t0,
    );
    await tickets.sweep();
    const breach = await outbox.next((r) => r.mail.subject?.includes('SLA breached') === true);
    expect(breach.envelope.to).toEqual([tech.email]);
    expect(breach.mail.subject).toContain(ticket.reference);
    expect(breach.mail.text).toContain(`https://desk.msp.test/tickets/${ticket.id}`);

    await tickets.service.update(staffScope, ticket.id, { status: 'resolved' }, staff);
    const survey = await outbox.next((r) => r.mail.subject?.includes('How did we do?') === true);
    expect(survey.envelope.to).toEqual([contact.email]);
    const link = /https:\/\/desk\.msp\.test\/csat\/([A-Za-z0-9_-]+)\?rating=5/.exec(survey.mail.text ?? '');
    expect(link).not.toBeNull();
    const page = await app.http.inject({ method: 'GET', url: `/api/v1/csat/${link![1]}` });
    expect(page.json()).toMatchObject({ reference: ticket.reference, rating: null });
  });
});
