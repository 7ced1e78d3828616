import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import {
  buildClient,
  buildUser,
  call,
  expectProblem,
  unique,
  useTestApp,
} from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { timeEntries } from './time.tables.js';

const weekdayHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '18:00']]]),
);
const targets = {
  P1: { responseMinutes: 30, resolutionMinutes: 240, updateMinutes: null },
  P2: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: null },
  P3: { responseMinutes: 240, resolutionMinutes: 1440, updateMinutes: null },
  P4: { responseMinutes: 480, resolutionMinutes: 2880, updateMinutes: null },
};

// March 2026 in Paris is UTC+1: 09:00Z is 10:00 there. 2 March is a Monday.
const paris = (day: number, hour: number, minute = 0) =>
  `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+01:00`;

describe.each(storeKinds)('time entries on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  let managed: string;
  let managedAgreement: string;
  let breakFix: string;
  let blockClient: string;
  let blockAgreement: string;
  let holidayClient: string;
  let ticketId: string;
  let triageTicket: string;
  const api = (method: string, url: string, payload: unknown, who: Caller) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const entryCount = async () => (await t.current.store.db.select().from(timeEntries)).length;

  async function activeAgreement(body: Record<string, unknown>) {
    const a = await api('POST', '/api/v1/agreements', body, manager);
    expect(a.statusCode, a.body).toBe(201);
    const on = await api(
      'POST',
      `/api/v1/agreements/${a.data.id}/activate`,
      { signedOn: '2025-12-15', signedBy: 'Director' },
      manager,
    );
    expect(on.statusCode, on.body).toBe(200);
    return a.data.id as string;
  }

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
    managed = (await buildClient(t.current)).id;
    breakFix = (await buildClient(t.current)).id;
    blockClient = (await buildClient(t.current)).id;
    holidayClient = (await buildClient(t.current)).id;
    managedAgreement = await activeAgreement({ clientId: managed, ...fullStack() });
    blockAgreement = await activeAgreement({
      clientId: blockClient,
      kind: 'block_hours',
      name: 'Two hours a month',
      startDate: '2026-01-01',
      minimumTermMonths: 0,
      blockHours: { hoursPerPeriod: 2, overageRate: 12_000 },
    });
    // The holiday client's SLA runs on a calendar with 4 March off; its agreement names that SLA.
    const calendar = await api(
      'POST',
      '/api/v1/sla/calendars',
      {
        name: unique('Office'),
        timezone: 'Europe/Paris',
        hours: weekdayHours,
        holidays: ['2026-03-04'],
        always: false,
      },
      manager,
    );
    expect(calendar.statusCode, calendar.body).toBe(201);
    const policy = await api(
      'POST',
      '/api/v1/sla/policies',
      { name: unique('Office SLA'), calendarId: calendar.data.id, targets },
      manager,
    );
    expect(policy.statusCode, policy.body).toBe(201);
    await activeAgreement({
      clientId: holidayClient,
      kind: 'time_materials',
      name: 'Hourly',
      startDate: '2026-01-01',
      minimumTermMonths: 0,
      slaPolicyId: policy.data.id,
      afterHoursMultiplier: 1.5,
      lines: [{ description: 'Hourly rate', quantity: 1, unitPrice: 10_000, unit: 'flat', recurring: false }],
    });
    const ticket = await api(
      'POST',
      '/api/v1/tickets',
      { clientId: managed, subject: 'Outlook crashes', category: 'helpdesk' },
      manager,
    );
    ticketId = ticket.data.id;
    triageTicket = (await api('POST', '/api/v1/tickets', { subject: 'Who is this?' }, manager)).data.id;
  });

  describe('entitlement decides each entry when it is saved', () => {
    let tech: Caller;
    beforeAll(async () => {
      tech = await buildUser(t.current, 'technician');
    });
    const log = (body: Record<string, unknown>) => api('POST', '/api/v1/time-entries', body, tech);

    it('work on a managed client’s helpdesk ticket is covered: not billable, no rate', async () => {
      const res = await log({ ticketId, workType: 'remote', startedAt: paris(2, 10), endedAt: paris(2, 11) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.data).toMatchObject({
        technicianId: tech.userId,
        clientId: managed,
        ticketId,
        category: 'helpdesk',
        status: 'draft',
        minutes: 60,
        billable: false,
        amount: 0,
        startedAt: '2026-03-02T09:00:00.000Z',
        endedAt: '2026-03-02T10:00:00.000Z',
        entitlement: {
          kind: 'covered',
          agreementId: managedAgreement,
          rule: { code: 'COVERED_BY_MANAGED' },
          billable: false,
          rate: null,
          afterHours: false,
        },
      });
    });

    it('work outside a managed agreement’s scope bills at its out-of-scope rate', async () => {
      // fullStack does not cover network work; out of scope is 110.00 an hour: 90 min = 165.00.
      const res = await log({
        projectRef: 'Firewall replacement',
        clientId: managed,
        category: 'network',
        workType: 'remote',
        startedAt: paris(2, 13),
        durationMinutes: 90,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.data).toMatchObject({
        endedAt: '2026-03-02T13:30:00.000Z',
        minutes: 90,
        billable: true,
        amount: 16_500,
        entitlement: {
          kind: 'out_of_scope',
          agreementId: managedAgreement,
          rule: { code: 'OUTSIDE_MANAGED_SCOPE' },
          rate: 11_000,
        },
      });
    });

    it.each([
      // day-time: 90 min at the remote rate 95.00 = 142.50
      ['in business hours', paris(3, 10), paris(3, 11, 30), false, 0, 14_250],
      // 19:00–20:00 in Paris: after hours; break-fix has no multiplier, so 95.00
      ['after hours', paris(3, 19), paris(3, 20), true, 60, 9_500],
      // 17:30–18:30: half after hours
      ['across closing time', paris(4, 17, 30), paris(4, 18, 30), true, 30, 9_500],
    ])(
      'break-fix work %s bills at the work type’s rate',
      async (_, startedAt, endedAt, afterHours, ahm, amount) => {
        const res = await log({
          activity: 'Printer setup',
          clientId: breakFix,
          workType: 'remote',
          startedAt,
          endedAt,
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.data).toMatchObject({
          billable: true,
          amount,
          entitlement: {
            kind: 'time_materials',
            agreementId: null,
            rule: { code: 'BREAK_FIX' },
            rate: 9_500,
            afterHours,
            afterHoursMinutes: ahm,
            afterHoursMultiplier: 1,
          },
        });
      },
    );

    it('after hours comes from the client’s calendar: its holidays, at its agreement’s multiplier', async () => {
      // 5 March is a working day: one hour at 100.00.
      const working = await log({
        activity: 'Server check',
        clientId: holidayClient,
        workType: 'remote',
        startedAt: paris(5, 10),
        endedAt: paris(5, 11),
      });
      expect(working.data).toMatchObject({
        amount: 10_000,
        entitlement: { kind: 'time_materials', afterHours: false, rate: 10_000 },
      });
      // 4 March is a holiday on the client's calendar: the same hour at 100.00 × 1.5.
      const holiday = await log({
        activity: 'Server check',
        clientId: holidayClient,
        workType: 'remote',
        startedAt: paris(4, 10),
        endedAt: paris(4, 11),
      });
      expect(holiday.statusCode, holiday.body).toBe(201);
      expect(holiday.data).toMatchObject({
        amount: 15_000,
        entitlement: { afterHours: true, afterHoursMinutes: 60, afterHoursMultiplier: 1.5 },
      });
    });

    it('block hours are drawn by the period’s entries; the overflow bills at the overage rate', async () => {
      const blockTech = await buildUser(t.current, 'technician');
      const logBlock = (startedAt: string, durationMinutes: number) =>
        api(
          'POST',
          '/api/v1/time-entries',
          { activity: 'Support', clientId: blockClient, workType: 'remote', startedAt, durationMinutes },
          blockTech,
        );
      const first = await logBlock(paris(9, 10), 90);
      expect(first.data).toMatchObject({
        billable: false,
        amount: 0,
        entitlement: { kind: 'block', agreementId: blockAgreement, rule: { code: 'DRAWN_FROM_BLOCK' } },
      });
      // 30 of the 120 minutes are left: 30 drawn, 30 over at 120.00 an hour = 60.00.
      const second = await logBlock(paris(10, 10), 60);
      expect(second.data).toMatchObject({
        billable: true,
        amount: 6_000,
        entitlement: { kind: 'block', rate: 12_000 },
      });
      // April is a new period with a full block.
      const april = await logBlock('2026-04-01T10:00:00+02:00', 60);
      expect(april.data).toMatchObject({ billable: false, amount: 0 });
      // Once the first entry is gone, the second fits in the block when it is saved again.
      expect(
        (await api('DELETE', `/api/v1/time-entries/${first.data.id}`, undefined, blockTech)).statusCode,
      ).toBe(204);
      const resaved = await api(
        'PATCH',
        `/api/v1/time-entries/${second.data.id}`,
        { note: 'again' },
        blockTech,
      );
      expect(resaved.data).toMatchObject({ billable: false, amount: 0 });
    });

    it('work for no client is internal and never bills', async () => {
      const res = await log({
        activity: 'Training',
        workType: 'remote',
        startedAt: paris(5, 14),
        durationMinutes: 120,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.data).toMatchObject({
        clientId: null,
        billable: false,
        amount: 0,
        entitlement: { kind: 'internal', rule: { code: 'INTERNAL_WORK' }, afterHours: false },
      });
    });

    it('an override of the billable flag needs a reason, which is stored and audited', async () => {
      const body = {
        ticketId,
        workType: 'remote',
        startedAt: paris(6, 10),
        endedAt: paris(6, 11),
        billable: true,
      };
      const refused = expectProblem(await log(body), 422);
      expect(refused.errors?.map((e) => e.field)).toEqual(['body.billableReason']);
      const res = await log({ ...body, billableReason: 'Damage caused by the client' });
      expect(res.statusCode, res.body).toBe(201);
      // Covered work priced by nobody bills at the work type's 95.00 once overridden.
      expect(res.data).toMatchObject({
        billable: true,
        amount: 9_500,
        billableOverride: { billable: true, reason: 'Damage caused by the client' },
        entitlement: { kind: 'covered', billable: false },
      });
      const audit = await t.current.store.db.select().from(auditLog);
      const row = audit.find((a) => a.entityType === 'time_entry' && a.entityId === res.data.id);
      expect(row?.changes).toMatchObject({
        billableOverride: true,
        billableOverrideReason: 'Damage caused by the client',
      });
      // Removing the override restores entitlement's decision.
      const cleared = await api('PATCH', `/api/v1/time-entries/${res.data.id}`, { billable: null }, tech);
      expect(cleared.data).toMatchObject({ billable: false, amount: 0, billableOverride: null });
    });
  });

  describe('approval workflow', () => {
    let tech: Caller;
    let other: Caller;
    let slot = 0;
    beforeAll(async () => {
      tech = await buildUser(t.current, 'technician');
      other = await buildUser(t.current, 'technician');
    });
    /** A fresh break-fix hour for the technician, on its own day. */
    async function draft(who = tech) {
      slot++;
      const res = await api(
        'POST',
        '/api/v1/time-entries',
        {
          activity: 'Visit',
          clientId: breakFix,
          workType: 'onsite',
          startedAt: `2026-02-${String(slot).padStart(2, '0')}T09:00:00Z`,
          durationMinutes: 60,
        },
        who,
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.data.id as string;
    }

    it('draft → submitted → approved, then locked: no edit, no delete, no second approval', async () => {
      const id = await draft();
      const submitted = await api('POST', '/api/v1/time-entries/submit', { ids: [id] }, tech);
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.data.items[0]).toMatchObject({ id, status: 'submitted', locked: null });
      expectProblem(await api('POST', '/api/v1/time-entries/approve', { ids: [id] }, tech), 403);
      const approved = await api('POST', '/api/v1/time-entries/approve', { ids: [id] }, manager);
      expect(approved.data.items[0]).toMatchObject({
        status: 'approved',
        reviewedBy: manager.userId,
        locked: 'approved',
      });
      const before = (await api('GET', `/api/v1/time-entries/${id}`, undefined, tech)).data;
      expectProblem(await api('PATCH', `/api/v1/time-entries/${id}`, { note: 'later' }, tech), 409);
      expectProblem(await api('PATCH', `/api/v1/time-entries/${id}`, { note: 'later' }, manager), 409);
      expectProblem(await api('DELETE', `/api/v1/time-entries/${id}`, undefined, manager), 409);
      const twice = expectProblem(
        await api('POST', '/api/v1/time-entries/approve', { ids: [id] }, manager),
        409,
      );
      expect(twice.detail).toContain('already approved');
      expectProblem(
        await api('POST', '/api/v1/time-entries/reject', { ids: [id], reason: 'no' }, manager),
        409,
      );
      expect((await api('GET', `/api/v1/time-entries/${id}`, undefined, tech)).data).toEqual(before);
    });

    it('rejected entries carry the reason, can be edited (back to draft) and resubmitted', async () => {
      const id = await draft();
      await api('POST', '/api/v1/time-entries/submit', { ids: [id] }, tech);
      expectProblem(await api('POST', '/api/v1/time-entries/reject', { ids: [id] }, manager), 400);
      const rejected = await api(
        'POST',
        '/api/v1/time-entries/reject',
        { ids: [id], reason: 'Was this not remote?' },
        manager,
      );
      expect(rejected.data.items[0]).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Was this not remote?',
      });
      const edited = await api('PATCH', `/api/v1/time-entries/${id}`, { workType: 'remote' }, tech);
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.data).toMatchObject({
        status: 'draft',
        workType: 'remote',
        entitlement: { rate: 9_500 },
      });
      const again = await api('POST', '/api/v1/time-entries/submit', { ids: [id] }, tech);
      expect(again.data.items[0]).toMatchObject({ status: 'submitted', rejectionReason: null });
      // An edit after submitting takes the entry out of the queue until it is submitted again.
      const pulled = await api('PATCH', `/api/v1/time-entries/${id}`, { note: 'fixed' }, tech);
      expect(pulled.data.status).toBe('draft');
    });

    it('bulk review is all or nothing', async () => {
      const a = await draft();
      const b = await draft();
      const c = await draft();
      await api('POST', '/api/v1/time-entries/submit', { ids: [a, b] }, tech);
      const refused = expectProblem(
        await api('POST', '/api/v1/time-entries/approve', { ids: [a, b, c] }, manager),
        409,
      );
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'body.ids.2', code: 'NOT_ALLOWED' })]);
      for (const id of [a, b])
        expect((await api('GET', `/api/v1/time-entries/${id}`, undefined, manager)).data.status).toBe(
          'submitted',
        );
      const missing = expectProblem(
        await api(
          'POST',
          '/api/v1/time-entries/approve',
          { ids: [a, '01900000-0000-7000-8000-0000000000aa'] },
          manager,
        ),
        404,
      );
      expect(missing.errors?.[0]?.field).toBe('body.ids.1');
      const approved = await api('POST', '/api/v1/time-entries/approve', { ids: [b, a] }, manager);
      expect(approved.data.items.map((e: { id: string }) => e.id)).toEqual([b, a]);
    });

    it('technicians change only their own time; approvers anyone’s', async () => {
      const mine = await draft();
      expectProblem(await api('PATCH', `/api/v1/time-entries/${mine}`, { note: 'x' }, other), 403);
      expectProblem(await api('DELETE', `/api/v1/time-entries/${mine}`, undefined, other), 403);
      expectProblem(await api('POST', '/api/v1/time-entries/submit', { ids: [mine] }, other), 403);
      expectProblem(
        await api(
          'POST',
          '/api/v1/time-entries',
          {
            technicianId: tech.userId,
            activity: 'x',
            workType: 'remote',
            startedAt: paris(20, 9),
            durationMinutes: 5,
          },
          other,
        ),
        403,
      );
      // Colleagues' time is visible to all staff; a manager logs it for someone.
      expect((await api('GET', `/api/v1/time-entries/${mine}`, undefined, other)).statusCode).toBe(200);
      const forTech = await api(
        'POST',
        '/api/v1/time-entries',
        {
          technicianId: other.userId,
          activity: 'x',
          workType: 'remote',
          startedAt: paris(20, 9),
          durationMinutes: 5,
        },
        manager,
      );
      expect(forTech.data.technicianId).toBe(other.userId);
      expect((await api('PATCH', `/api/v1/time-entries/${mine}`, { note: 'ok' }, manager)).statusCode).toBe(
        200,
      );
    });

    it('portal users see nothing of time', async () => {
      const portal = await buildUser(t.current, 'portal', { clientId: breakFix });
      expectProblem(await api('GET', '/api/v1/time-entries', undefined, portal), 404);
      expectProblem(await api('GET', `/api/v1/time-entries/${await draft()}`, undefined, portal), 404);
      expectProblem(
        await api(
          'POST',
          '/api/v1/time-entries',
          { activity: 'x', workType: 'remote', startedAt: paris(1, 1) },
          portal,
        ),
        404,
      );
      expectProblem(await api('GET', '/api/v1/timer', undefined, portal), 404);
      const billing = await buildUser(t.current, 'billing');
      expect((await api('GET', '/api/v1/time-entries', undefined, billing)).statusCode).toBe(200);
      expectProblem(
        await api('POST', '/api/v1/time-entries/approve', { ids: [await draft()] }, billing),
        403,
      );
    });
  });

  describe('bad input is refused with nothing written', () => {
    let tech: Caller;
    beforeAll(async () => {
      tech = await buildUser(t.current, 'technician');
      const first = await api(
        'POST',
        '/api/v1/time-entries',
        { activity: 'Existing', workType: 'remote', startedAt: paris(16, 10), endedAt: paris(16, 12) },
        tech,
      );
      expect(first.statusCode, first.body).toBe(201);
    });
    const base = {
      activity: 'Work',
      clientId: null,
      workType: 'remote',
      startedAt: paris(17, 10),
      endedAt: paris(17, 11),
    };

    it.each([
      ['end before start', { endedAt: paris(17, 9) }, 422, 'body.endedAt'],
      ['end equal to start', { endedAt: paris(17, 10) }, 422, 'body.endedAt'],
      ['longer than a day', { endedAt: paris(18, 11) }, 422, 'body.endedAt'],
      ['an end and a duration', { durationMinutes: 30 }, 422, 'body.durationMinutes'],
      ['neither end nor duration', { endedAt: undefined }, 422, 'body.endedAt'],
      ['an unknown work type', { workType: 'juggling' }, 422, 'body.workType'],
      ['an unknown category', { category: 'juggling' }, 422, 'body.category'],
      ['two subjects', { ticketId: '01900000-0000-7000-8000-0000000000bb' }, 422, 'body.ticketId'],
      ['no subject', { activity: undefined }, 422, 'body.ticketId'],
      ['an unknown client', { clientId: '01900000-0000-7000-8000-0000000000cc' }, 422, 'body.clientId'],
      ['an instant with no zone', { startedAt: '2026-03-17T10:00:00' }, 400, 'body.startedAt'],
      ['a zero duration', { endedAt: undefined, durationMinutes: 0 }, 400, 'body.durationMinutes'],
      ['an unknown field', { hours: 1 }, 400, 'body'],
      [
        'overlapping the technician’s own entry',
        { startedAt: paris(16, 11), endedAt: paris(16, 13) },
        409,
        'body.startedAt',
      ],
    ])('%s', async (_, change, status, field) => {
      const count = await entryCount();
      const problem = expectProblem(
        await api('POST', '/api/v1/time-entries', { ...base, ...change }, tech),
        status,
      );
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      expect(await entryCount()).toBe(count);
    });

    it('a ticket still in triage, or an unknown one, cannot take time', async () => {
      const count = await entryCount();
      const triage = expectProblem(
        await api(
          'POST',
          '/api/v1/time-entries',
          { ...base, activity: undefined, ticketId: triageTicket },
          tech,
        ),
        422,
      );
      expect(triage.detail).toContain('triage');
      expectProblem(
        await api(
          'POST',
          '/api/v1/time-entries',
          { ...base, activity: undefined, ticketId: '01900000-0000-7000-8000-0000000000dd' },
          tech,
        ),
        422,
      );
      expectProblem(
        await api(
          'POST',
          '/api/v1/time-entries',
          { ...base, activity: undefined, ticketId, clientId: breakFix },
          tech,
        ),
        422,
      );
      expect(await entryCount()).toBe(count);
    });

    it('an edit that would overlap or invert the entry changes nothing', async () => {
      const res = await api('POST', '/api/v1/time-entries', base, tech);
      const id = res.data.id;
      expectProblem(
        await api('PATCH', `/api/v1/time-entries/${id}`, { startedAt: paris(16, 11) }, tech),
        409,
      );
      expectProblem(await api('PATCH', `/api/v1/time-entries/${id}`, { endedAt: paris(17, 9) }, tech), 422);
      expectProblem(await api('PATCH', `/api/v1/time-entries/${id}`, {}, tech), 400);
      expectProblem(await api('PATCH', `/api/v1/time-entries/${id}`, { status: 'approved' }, tech), 400);
      const after = await api('GET', `/api/v1/time-entries/${id}`, undefined, tech);
      expect(after.data).toEqual(res.data);
    });
  });

  describe('lists', () => {
    let tech: Caller;
    const ids: string[] = [];
    beforeAll(async () => {
      tech = await buildUser(t.current, 'technician');
      for (const [day, client] of [
        [23, breakFix],
        [24, managed],
        [25, breakFix],
        [26, null],
      ] as const) {
        const res = await api(
          'POST',
          '/api/v1/time-entries',
          {
            activity: 'Work',
            clientId: client,
            workType: 'remote',
            startedAt: paris(day, 10),
            durationMinutes: 30,
          },
          tech,
        );
        ids.push(res.data.id);
      }
      await api('POST', '/api/v1/time-entries/submit', { ids: [ids[0], ids[1]] }, tech);
    });
    const list = async (query: string, who = tech) => {
      const res = await api('GET', `/api/v1/time-entries?${query}`, undefined, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.data as { items: { id: string }[]; nextCursor: string | null };
    };

    it.each([
      ['technician=me', [0, 1, 2, 3]],
      ['technician=me&status=submitted', [0, 1]],
      ['technician=me&status=draft,rejected', [2, 3]],
      // The managed client's uncategorised activity is outside its scope, so it bills too.
      ['technician=me&billable=true', [0, 1, 2]],
      ['technician=me&billable=false', [3]],
      [
        `technician=me&from=${encodeURIComponent(paris(24, 0))}&to=${encodeURIComponent(paris(26, 0))}`,
        [1, 2],
      ],
      ['technician=me&invoiced=false', [0, 1, 2, 3]],
    ])('%s', async (query, expected) => {
      expect((await list(query)).items.map((e) => ids.indexOf(e.id))).toEqual(expected);
    });

    it('filters by client and ticket, pages with a cursor, and gives changes since an instant', async () => {
      const byClient = await list(`client_id=${breakFix}&technician=${tech.userId}`);
      expect(byClient.items.map((e) => e.id)).toEqual([ids[0], ids[2]]);
      const first = await list('technician=me&limit=3');
      expect(first.items).toHaveLength(3);
      const second = await list(`technician=me&limit=3&cursor=${first.nextCursor}`);
      expect([...first.items, ...second.items].map((e) => e.id)).toEqual(ids);
      expect(second.nextCursor).toBeNull();
      const since = new Date(Date.now() + 60_000).toISOString();
      expect((await list(`technician=me&updated_since=${encodeURIComponent(since)}`)).items).toEqual([]);
      expectProblem(await api('GET', '/api/v1/time-entries?status=done', undefined, tech), 400);
      expectProblem(await api('GET', '/api/v1/time-entries?cursor=nonsense', undefined, tech), 400);
    });
  });

  describe('billing reads approved billable work and claims it once', () => {
    it('lists a client’s uninvoiced work of a period, attaches it to one invoice, and locks it', async () => {
      const tech = await buildUser(t.current, 'technician');
      const client = (await buildClient(t.current)).id;
      const log = async (startedAt: string, extra: Record<string, unknown> = {}) => {
        const res = await api(
          'POST',
          '/api/v1/time-entries',
          { activity: 'Fix', clientId: client, workType: 'remote', startedAt, durationMinutes: 60, ...extra },
          tech,
        );
        expect(res.statusCode, res.body).toBe(201);
        return res.data.id as string;
      };
      const march = await log(paris(11, 10));
      const overridden = await log(paris(12, 10), { billable: false, billableReason: 'Goodwill' });
      const pending = await log(paris(13, 10));
      const april = await log('2026-04-01T10:00:00+02:00');
      await api('POST', '/api/v1/time-entries/submit', { ids: [march, overridden, pending, april] }, tech);
      await api('POST', '/api/v1/time-entries/approve', { ids: [march, overridden, april] }, manager);

      const billing = t.current.keel.time.service;
      const range = {
        clientIds: [client],
        from: new Date('2026-03-01T00:00:00+01:00'),
        to: new Date('2026-04-01T00:00:00+02:00'),
      };
      const billable = await billing.listUninvoiced(range);
      expect(billable).toEqual([
        expect.objectContaining({
          id: march,
          minutes: 60,
          rate: 9_500,
          amount: 9_500,
          outcomeKind: 'time_materials',
        }),
      ]);
      const waiting = await billing.listPendingApproval({ ...range, clientId: client });
      expect(waiting.map((e) => e.id)).toEqual([pending]);

      const invoiceId = '01900000-0000-7000-8000-00000000f001';
      const db = t.current.store.db;
      await db.transaction((tx) =>
        billing.attachToInvoices(tx, [{ invoiceId, clientId: client, entryIds: [march] }]),
      );
      expect(await billing.listUninvoiced(range)).toEqual([]);
      const locked = await api('GET', `/api/v1/time-entries/${march}`, undefined, tech);
      expect(locked.data).toMatchObject({ invoiceId, locked: 'invoiced' });
      expectProblem(await api('PATCH', `/api/v1/time-entries/${march}`, { note: 'x' }, manager), 409);

      // A second invoice cannot take the same entry, nor unapproved or non-billable work; nothing changes.
      for (const entryIds of [[march], [pending], [overridden], [april, march]])
        await expect(
          db.transaction((tx) =>
            billing.attachToInvoices(tx, [
              { invoiceId: '01900000-0000-7000-8000-00000000f002', clientId: client, entryIds },
            ]),
          ),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await api('GET', `/api/v1/time-entries/${april}`, undefined, tech)).data.invoiceId).toBeNull();

      await db.transaction((tx) => billing.detachFromInvoice(tx, invoiceId));
      expect((await billing.listUninvoiced(range)).map((e) => e.id)).toEqual([march]);
    });
  });
});
