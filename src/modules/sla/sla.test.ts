import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../test/support/app.js';
import { buildUser, call, expectProblem, unique, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';

const parisHours = {
  mon: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  tue: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  wed: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  thu: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  fri: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
};
const paris = { timezone: 'Europe/Paris', hours: parisHours, holidays: ['2026-12-25'], always: false };
const targets = {
  P1: { responseMinutes: 30, resolutionMinutes: 240, updateMinutes: 60 },
  P2: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: null },
  P3: { responseMinutes: 240, resolutionMinutes: 1440, updateMinutes: null },
  P4: { responseMinutes: 480, resolutionMinutes: 2880, updateMinutes: null },
};

describe.each(storeKinds)('SLA API on %s', (kind) => {
  const t = useTestApp(kind);
  let admin: Caller;
  let tech: Caller;
  const api = (method: string, url: string, payload?: unknown, who = admin) =>
    call(t.current, { method, url, payload, headers: who.headers });

  beforeAll(async () => {
    admin = await buildUser(t.current, 'admin');
    tech = await buildUser(t.current, 'technician');
  });

  it.each([
    ['a start inside hours, across lunch', '2026-12-21T10:00:00+01:00', 240, [], '2026-12-21T14:00:00.000Z'],
    [
      'a start outside hours counts from the next opening',
      '2026-12-24T18:30:00+01:00',
      60,
      [],
      '2026-12-28T08:00:00.000Z',
    ],
    [
      'a zero-minute target is due at the next business instant',
      '2026-12-19T10:00:00+01:00',
      0,
      [],
      '2026-12-21T07:00:00.000Z',
    ],
    [
      'running out at closing time is due at closing time',
      '2026-12-21T16:00:00+01:00',
      60,
      [],
      '2026-12-21T16:00:00.000Z',
    ],
    ['seconds in the start are kept', '2026-12-21T10:00:30+01:00', 30, [], '2026-12-21T09:30:30.000Z'],
    [
      'a pause spanning closed hours only takes business time',
      '2026-12-21T16:00:00+01:00',
      120,
      [{ from: '2026-12-21T16:30:00+01:00', to: '2026-12-22T09:00:00+01:00' }],
      '2026-12-22T09:30:00.000Z',
    ],
  ])('previews %s', async (_name, start, minutes, pauses, due) => {
    const res = await api('POST', '/api/v1/sla/preview', { calendar: paris, start, minutes, pauses }, tech);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toEqual({ due, businessMinutes: minutes });
  });

  it.each([
    [{ calendar: { ...paris, timezone: 'Mars/Olympus' } }, 'body.calendar.timezone'],
    [{ calendar: { ...paris, holidays: ['2026-13-01'] } }, 'body.calendar.holidays.0'],
    [{ calendar: { ...paris, hours: { mon: [['12:00', '08:00']] } } }, 'body.calendar.hours.mon.0'],
    [{ minutes: -5 }, 'body.minutes'],
    [{ start: 'tomorrow' }, 'body.start'],
  ])('rejects a bad preview with the field that is wrong (%#)', async (override, field) => {
    const res = await api(
      'POST',
      '/api/v1/sla/preview',
      { calendar: paris, start: '2026-12-21T10:00:00+01:00', minutes: 60, ...override },
      tech,
    );
    const problem = expectProblem(res, 400);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('saves a calendar, previews it by id, imports holidays from iCalendar, and audits each change', async () => {
    const created = await api('POST', '/api/v1/sla/calendars', { name: unique('Paris office'), ...paris });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.data.id;
    const preview = await api(
      'POST',
      `/api/v1/sla/calendars/${id}/preview`,
      { start: '2026-12-24T16:00:00+01:00', minutes: 120 },
      tech,
    );
    // One hour on the 24th, Christmas is a holiday, the weekend is closed: due Monday 09:00 Paris.
    expect(preview.data).toEqual({ due: '2026-12-28T08:00:00.000Z', businessMinutes: 120 });

    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Keel test//EN',
      'BEGIN:VEVENT',
      'UID:new-year@test',
      'DTSTART;VALUE=DATE:20270101',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:New Year',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:meeting@test',
      'DTSTART:20270105T100000Z',
      'SUMMARY:Not a holiday',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await api('POST', `/api/v1/sla/calendars/${id}/holidays/import`, {
      ics,
      fromYear: 2027,
      toYear: 2028,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.data.added).toBe(2);
    expect(imported.data.calendar.holidays).toEqual(['2026-12-25', '2027-01-01', '2028-01-01']);
    expect(imported.data.skipped.map((s: { uid: string }) => s.uid)).toEqual(['meeting@test']);
    expectProblem(
      await api('POST', `/api/v1/sla/calendars/${id}/holidays/import`, {
        ics: 'hello',
        fromYear: 2027,
        toYear: 2027,
      }),
      400,
    );

    const duplicate = await api('POST', '/api/v1/sla/calendars', { ...paris, name: created.data.name });
    expectProblem(duplicate, 409);
    expectProblem(await api('POST', '/api/v1/sla/calendars', { name: unique('x'), ...paris }, tech), 403);
  });

  it('creates and changes policies, refusing targets that cannot be met and unknown statuses', async () => {
    const calendars = await api('GET', '/api/v1/sla/calendars');
    const calendarId = calendars.data.items[0].id;
    const res = await api('POST', '/api/v1/sla/policies', { name: unique('Gold'), calendarId, targets });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({ warnPercent: 75, pauseStatuses: ['waiting_client', 'waiting_vendor'] });

    const backwards = { ...targets, P2: { responseMinutes: 60, resolutionMinutes: 30, updateMinutes: null } };
    const bad = expectProblem(
      await api('POST', '/api/v1/sla/policies', { name: unique('Bad'), calendarId, targets: backwards }),
      422,
    );
    expect(bad.errors?.[0]?.field).toBe('body.targets.P2.resolutionMinutes');
    expectProblem(
      await api('PATCH', `/api/v1/sla/policies/${res.data.id}`, { pauseStatuses: ['coffee_break'] }),
      422,
    );
    expectProblem(
      await api('PATCH', `/api/v1/sla/policies/${res.data.id}`, {
        calendarId: '01900000-0000-7000-8000-0000000000ff',
      }),
      422,
    );
    const changed = await api('PATCH', `/api/v1/sla/policies/${res.data.id}`, { warnPercent: 80 });
    expect(changed.data.warnPercent).toBe(80);
  });

  it('keeps the priority matrix monotonic and defaults per relationship kind', async () => {
    const matrix = await api('GET', '/api/v1/sla/priority-matrix', undefined, tech);
    expect(matrix.data.high.high).toBe('P1');
    const inverted = { ...matrix.data, low: { high: 'P1', medium: 'P4', low: 'P4' } };
    expectProblem(await api('PUT', '/api/v1/sla/priority-matrix', inverted), 422);

    const defaults = await api('GET', '/api/v1/sla/kind-defaults');
    expect(defaults.data.break_fix).toBeUndefined();
    expect(defaults.data.contract).toBe('01900000-0000-7000-8000-000000000011');
    const set = await api('PUT', '/api/v1/sla/kind-defaults', {
      prospect: '01900000-0000-7000-8000-000000000012',
      hybrid: null,
    });
    expect(set.data).toMatchObject({ prospect: '01900000-0000-7000-8000-000000000012' });
    expect(set.data.hybrid).toBeUndefined();
    expectProblem(
      await api('PUT', '/api/v1/sla/kind-defaults', { contract: '01900000-0000-7000-8000-0000000000ff' }),
      422,
    );
    expectProblem(await api('PUT', '/api/v1/sla/kind-defaults', { nobody: null }), 400);
  });
});
