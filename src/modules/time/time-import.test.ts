import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, unique, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { AppError } from '../../platform/errors.js';
import type { TimeEntry } from './time.presenters.js';
import { timeEntries } from './time.tables.js';
import type { ImportedEntry } from './time-import.js';

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

/** What a refused import threw, for matching. */
async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return { code: err.code, fields: (err.fields ?? []).map((f) => f.field) };
}

describe.each(storeKinds)('importing time entries on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  const api = (method: string, url: string, payload: unknown) =>
    call(t.current, { method, url, payload, headers: manager.headers });
  const approver = () => ({ userId: manager.userId, canApprove: true });
  const counts = async () => ({
    entries: (await t.current.store.db.select().from(timeEntries)).length,
    audit: (await t.current.store.db.select().from(auditLog)).length,
  });

  async function activeAgreement(body: Record<string, unknown>) {
    const a = await api('POST', '/api/v1/agreements', body);
    expect(a.statusCode, a.body).toBe(201);
    const on = await api('POST', `/api/v1/agreements/${a.data.id}/activate`, {
      signedOn: '2025-12-15',
      signedBy: 'Director',
    });
    expect(on.statusCode, on.body).toBe(200);
    return a.data;
  }

  /**
   * Clients whose work entitlement decides in every way it can: covered, out of scope until an
   * amendment brings the category in, break-fix by business hours, a calendar's holiday at an
   * agreement's multiplier, a block of hours drawn down and overrun. Built twice, so an import and
   * single saves of the same work each draw from their own block.
   */
  async function world() {
    const managed = (await buildClient(t.current)).id;
    const breakFix = (await buildClient(t.current)).id;
    const block = (await buildClient(t.current)).id;
    const holiday = (await buildClient(t.current)).id;
    const managedAgreement = await activeAgreement({ clientId: managed, ...fullStack() });
    // From 16 March the managed agreement also delivers email: such work is covered from then on.
    const amended = await api('POST', `/api/v1/agreements/${managedAgreement.id}/amendments`, {
      kind: 'add_line',
      effectiveOn: '2026-03-16',
      line: {
        description: 'Email security',
        quantity: 25,
        unitPrice: 200,
        unit: 'per_user',
        categories: ['email'],
      },
    });
    expect(amended.statusCode, amended.body).toBe(201);
    const blockAgreement = await activeAgreement({
      clientId: block,
      kind: 'block_hours',
      name: 'Two hours a month',
      startDate: '2026-01-01',
      minimumTermMonths: 0,
      blockHours: { hoursPerPeriod: 2, overageRate: 12_000 },
    });
    const calendar = await api('POST', '/api/v1/sla/calendars', {
      name: unique('Office'),
      timezone: 'Europe/Paris',
      hours: weekdayHours,
      holidays: ['2026-03-04'],
      always: false,
    });
    expect(calendar.statusCode, calendar.body).toBe(201);
    const policy = await api('POST', '/api/v1/sla/policies', {
      name: unique('Office SLA'),
      calendarId: calendar.data.id,
      targets,
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const holidayAgreement = await activeAgreement({
      clientId: holiday,
      kind: 'time_materials',
      name: 'Hourly',
      startDate: '2026-01-01',
      minimumTermMonths: 0,
      slaPolicyId: policy.data.id,
      afterHoursMultiplier: 1.5,
      lines: [{ description: 'Hourly rate', quantity: 1, unitPrice: 10_000, unit: 'flat', recurring: false }],
    });
    const ticket = await api('POST', '/api/v1/tickets', {
      clientId: managed,
      subject: 'Outlook crashes',
      category: 'helpdesk',
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const ids = {
      managed,
      breakFix,
      block,
      holiday,
      managedAgreement: managedAgreement.id as string,
      blockAgreement: blockAgreement.id as string,
      holidayAgreement: holidayAgreement.id as string,
      ticket: ticket.data.id as string,
    };
    return ids;
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** The same work for any world and technician, given out of the order it was done. */
  const work = (w: World, technicianId: string): ImportedEntry[] => [
    // The block: 90 minutes drawn, then 30 drawn and 30 over, then a new month's full block.
    {
      technicianId,
      activity: 'Support',
      clientId: w.block,
      workType: 'remote',
      startedAt: paris(10, 10),
      durationMinutes: 60,
    },
    {
      technicianId,
      activity: 'Support',
      clientId: w.block,
      workType: 'remote',
      startedAt: paris(9, 10),
      durationMinutes: 90,
    },
    {
      technicianId,
      activity: 'Support',
      clientId: w.block,
      workType: 'remote',
      startedAt: '2026-04-01T10:00:00+02:00',
      durationMinutes: 60,
    },
    { technicianId, ticketId: w.ticket, workType: 'remote', startedAt: paris(2, 10), endedAt: paris(2, 11) },
    {
      technicianId,
      projectRef: 'Mail filter',
      clientId: w.managed,
      category: 'email',
      workType: 'remote',
      startedAt: paris(13, 10),
      durationMinutes: 60,
    },
    {
      technicianId,
      projectRef: 'Mail filter',
      clientId: w.managed,
      category: 'email',
      workType: 'remote',
      startedAt: paris(17, 10),
      durationMinutes: 60,
    },
    {
      technicianId,
      activity: 'Printer setup',
      clientId: w.breakFix,
      workType: 'remote',
      startedAt: paris(3, 10),
      endedAt: paris(3, 11, 30),
    },
    {
      technicianId,
      activity: 'Printer setup',
      clientId: w.breakFix,
      workType: 'remote',
      startedAt: paris(3, 17, 30),
      endedAt: paris(3, 18, 30),
    },
    {
      technicianId,
      activity: 'Server check',
      clientId: w.holiday,
      workType: 'remote',
      startedAt: paris(4, 10),
      endedAt: paris(4, 11),
    },
    {
      technicianId,
      activity: 'Server check',
      clientId: w.holiday,
      workType: 'remote',
      startedAt: paris(5, 10),
      endedAt: paris(5, 11),
    },
    {
      technicianId,
      activity: 'Training',
      workType: 'remote',
      startedAt: paris(5, 14),
      durationMinutes: 120,
      note: 'New RMM',
    },
    {
      technicianId,
      ticketId: w.ticket,
      workType: 'remote',
      startedAt: paris(6, 10),
      endedAt: paris(6, 11),
      billable: true,
      billableReason: 'Damage caused by the client',
    },
  ];

  /** An entry as it reads in any world: its own ids, the world's and the technician's left out. */
  function comparable(entry: TimeEntry, w: World) {
    const { id, technicianId, createdAt, updatedAt, ...rest } = entry;
    let text = JSON.stringify(rest);
    // Ids stand in rule explanations too.
    for (const [name, worldId] of Object.entries(w)) text = text.replaceAll(worldId, name);
    return JSON.parse(text);
  }

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
  });

  it('decides every entry as single saves in the order the work was done would', async () => {
    const [imported, saved] = [await world(), await world()];
    const importer = await buildUser(t.current, 'technician');
    const saver = await buildUser(t.current, 'technician');

    const before = await counts();
    const entries = await t.current.keel.time.imports.createMany(approver(), work(imported, importer.userId));
    const singles = work(saved, saver.userId);
    const byStart = [...singles.keys()].sort(
      (a, b) => Date.parse(singles[a]!.startedAt) - Date.parse(singles[b]!.startedAt),
    );
    const one: TimeEntry[] = [];
    for (const i of byStart)
      one[i] = await t.current.keel.time.service.create(
        { userId: saver.userId, canApprove: false },
        // What the API's body schema gives a single save: a note, '' when none.
        { note: '', ...singles[i]! },
      );

    expect(entries.map((e) => comparable(e, imported))).toEqual(one.map((e) => comparable(e, saved)));
    // The rules did decide: every kind of answer is there, the block drawn then overrun, the
    // amendment read on each entry's own day.
    expect(entries.map((e) => [e.entitlement.kind, e.billable, e.amount])).toEqual([
      ['block', true, 6_000],
      ['block', false, 0],
      ['block', false, 0],
      ['covered', false, 0],
      ['out_of_scope', true, 11_000],
      ['covered', false, 0],
      ['time_materials', true, 14_250],
      ['time_materials', true, 9_500],
      ['time_materials', true, 15_000],
      ['time_materials', true, 10_000],
      ['internal', false, 0],
      ['covered', true, 9_500],
    ]);
    expect(entries.every((e) => e.status === 'draft' && e.technicianId === importer.userId)).toBe(true);

    // Written as returned, each with its audit record.
    const listed = await t.current.keel.time.service.list(
      { technician: importer.userId, limit: 50 },
      { userId: manager.userId, canApprove: true },
    );
    expect(listed.items.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(listed.items.find((e) => e.id === entries[0]!.id)).toEqual(entries[0]);
    const after = await counts();
    expect(after.entries - before.entries).toBe(2 * entries.length);
    const audit = await t.current.store.db.select().from(auditLog);
    const imports = audit.filter((a) => a.action === 'import' && entries.some((e) => e.id === a.entityId));
    expect(imports).toHaveLength(entries.length);
    expect(imports.every((a) => a.entityType === 'time_entry')).toBe(true);
  });

  describe('overlaps are refused with nothing written', () => {
    let tech: Caller;
    let stored: string;
    const entry = (startedAt: string, endedAt: string, technicianId = tech.userId): ImportedEntry => ({
      technicianId,
      activity: 'Admin',
      workType: 'remote',
      startedAt,
      endedAt,
    });
    beforeAll(async () => {
      tech = await buildUser(t.current, 'technician');
      stored = (
        await t.current.keel.time.service.create(
          { userId: tech.userId, canApprove: false },
          { ...entry(paris(23, 10), paris(23, 12)), note: '' },
        )
      ).id;
    });

    it('with a stored entry of the same technician', async () => {
      const before = await counts();
      const refused = await refusal(
        t.current.keel.time.imports.createMany(approver(), [
          entry(paris(23, 8), paris(23, 9)),
          entry(paris(23, 11), paris(23, 13)),
        ]),
      );
      expect(refused).toEqual({ code: 'CONFLICT', fields: ['entries.1.startedAt'] });
      expect(await counts()).toEqual(before);
    });

    it('with another entry of the batch', async () => {
      const before = await counts();
      const refused = await refusal(
        t.current.keel.time.imports.createMany(approver(), [
          entry(paris(24, 13), paris(24, 14)),
          entry(paris(24, 9), paris(24, 11)),
          entry(paris(24, 10, 30), paris(24, 12)),
        ]),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.fields).toEqual(['entries.2.startedAt']);
      expect(await counts()).toEqual(before);
    });

    it('but work that only touches other work, or is someone else’s, is imported', async () => {
      const other = await buildUser(t.current, 'technician');
      const entries = await t.current.keel.time.imports.createMany(approver(), [
        entry(paris(23, 12), paris(23, 13)),
        entry(paris(23, 9), paris(23, 10)),
        entry(paris(23, 13), paris(23, 14)),
        entry(paris(23, 10), paris(23, 12), other.userId),
      ]);
      expect(entries.map((e) => e.minutes)).toEqual([60, 60, 60, 120]);
      expect(entries.map((e) => e.id)).not.toContain(stored);
    });
  });

  describe('bad input is refused with nothing written', () => {
    let tech: Caller;
    let triage: string;
    const good = (day: number): ImportedEntry => ({
      technicianId: tech.userId,
      activity: 'Admin',
      workType: 'remote',
      startedAt: paris(day, 10),
      endedAt: paris(day, 11),
    });
    beforeAll(async () => {
      tech = await buildUser(t.current, 'technician');
      triage = (await api('POST', '/api/v1/tickets', { subject: 'Who is this?' })).data.id;
    });

    it('names every entry at fault, and writes none of the others', async () => {
      const before = await counts();
      const refused = await refusal(
        t.current.keel.time.imports.createMany(approver(), [
          good(25),
          { ...good(26), workType: 'juggling' },
          { ...good(27), endedAt: paris(27, 9) },
          { ...good(28), activity: undefined, ticketId: triage },
          { ...good(29), startedAt: '2026-03-29T10:00:00' },
          { ...good(30), technicianId: '01900000-0000-7000-8000-0000000000ee' },
          good(31),
        ]),
      );
      expect(refused.code).toBe('UNPROCESSABLE');
      expect(refused.fields).toEqual([
        'entries.1.workType',
        'entries.2.endedAt',
        'entries.3.ticketId',
        'entries.4.startedAt',
        'entries.5.technicianId',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('an override without a reason, found once entitlement has decided, refuses the batch too', async () => {
      const before = await counts();
      const refused = await refusal(
        t.current.keel.time.imports.createMany(approver(), [good(25), { ...good(26), billable: true }]),
      );
      expect(refused).toEqual({ code: 'UNPROCESSABLE', fields: ['entries.1.billableReason'] });
      expect(await counts()).toEqual(before);
    });

    it('takes an approver', async () => {
      const before = await counts();
      const refused = await refusal(
        t.current.keel.time.imports.createMany({ userId: tech.userId, canApprove: false }, [good(25)]),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });
  });
});
