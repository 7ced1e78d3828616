import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Weekday } from '../calendar/types.js';
import {
  activeMaintenance,
  type MaintenanceSchedule,
  type MaintenanceWindow,
  maintenanceIntervals,
  scheduleHolds,
  scheduleIntervals,
  validateMaintenanceWindows,
} from './maintenance.js';

const t = (iso: string) => Date.parse(iso);
const span = (from: string, to: string) => ({ from: t(from), to: t(to) });
const weekly = (
  over: Partial<Extract<MaintenanceSchedule, { kind: 'weekly' }>> = {},
): MaintenanceSchedule => ({
  kind: 'weekly',
  timeZone: 'Europe/Paris',
  days: ['sun'],
  start: '02:00',
  end: '04:00',
  ...over,
});
const win = (
  id: string,
  schedule: MaintenanceSchedule,
  assetId: string | null = null,
  clientId = 'acme',
) => ({
  id,
  clientId,
  assetId,
  schedule,
});

describe('whether a window holds an instant', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: [string, MaintenanceSchedule, string, boolean][] = [
    ['one-off: inside', { kind: 'once', ...span('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z') }, '2024-05-01T11:00:00Z', true],
    ['one-off: at its start', { kind: 'once', ...span('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z') }, '2024-05-01T10:00:00Z', true],
    ['one-off: at its end, no longer', { kind: 'once', ...span('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z') }, '2024-05-01T12:00:00Z', false],
    ['weekly: Sunday 02:00–04:00 Paris (CEST) at 03:00', weekly(), '2024-05-05T01:00:00Z', true],
    ['weekly: at 04:00, no longer', weekly(), '2024-05-05T02:00:00Z', false],
    ['weekly: a Saturday', weekly(), '2024-05-04T01:00:00Z', false],
    ['weekly: winter (CET) offset', weekly(), '2024-01-07T01:30:00Z', true],
    ['over midnight: Saturday 23:30', weekly({ days: ['sat'], start: '23:00', end: '01:00' }), '2024-05-04T21:30:00Z', true],
    ['over midnight: Sunday 00:30', weekly({ days: ['sat'], start: '23:00', end: '01:00' }), '2024-05-04T22:30:00Z', true],
    ['over midnight: Sunday 01:00', weekly({ days: ['sat'], start: '23:00', end: '01:00' }), '2024-05-04T23:00:00Z', false],
    ['over midnight: Saturday 22:59', weekly({ days: ['sat'], start: '23:00', end: '01:00' }), '2024-05-04T20:59:00Z', false],
    ['a whole day (start = end)', weekly({ start: '00:00', end: '00:00' }), '2024-05-05T21:59:00Z', true],
    ['until 24:00', weekly({ start: '22:00', end: '24:00' }), '2024-05-05T21:30:00Z', true],
    ['spring forward: 02:00–03:00 does not exist that night', weekly({ start: '02:00', end: '03:00' }), '2024-03-31T01:00:00Z', false],
    ['fall back: first pass of 02:30', weekly({ start: '02:00', end: '03:00' }), '2024-10-27T00:30:00Z', true],
    ['fall back: second pass of 02:30', weekly({ start: '02:00', end: '03:00' }), '2024-10-27T01:30:00Z', true],
    ['before its recurrence begins', weekly({ from: t('2024-06-01T00:00:00Z') }), '2024-05-05T01:00:00Z', false],
    ['after its recurrence ends', weekly({ until: t('2024-05-05T01:30:00Z') }), '2024-05-05T01:30:00Z', false],
    ['New York', weekly({ timeZone: 'America/New_York', days: ['tue'], start: '18:00', end: '20:00' }), '2024-05-07T23:00:00Z', true],
    ['every day, all day', weekly({ days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '00:00', end: '00:00' }), '2024-05-08T12:00:00Z', true],
  ];
  it.each(rows)('%s', (_name, schedule, at, expected) => {
    expect(scheduleHolds(schedule, t(at))).toBe(expected);
  });
});

describe('intervals of a window', () => {
  const iso = (xs: { from: number; to: number }[]) =>
    xs.map((i) => [new Date(i.from).toISOString(), new Date(i.to).toISOString()]);

  it('weekly over midnight across the spring-forward night, clipped to the range', () => {
    const s = weekly({ days: ['sat', 'sun'], start: '23:00', end: '02:00' });
    expect(iso(scheduleIntervals(s, t('2024-03-25T00:00:00Z'), t('2024-04-08T00:00:00Z')))).toEqual([
      ['2024-03-25T00:00:00.000Z', '2024-03-25T01:00:00.000Z'], // Sunday 24th's window, clipped
      ['2024-03-30T22:00:00.000Z', '2024-03-31T01:00:00.000Z'], // Sat 23:00 CET → Sun 02:00, which is skipped
      ['2024-03-31T21:00:00.000Z', '2024-04-01T00:00:00.000Z'], // Sun 23:00 CEST → Mon 02:00 CEST
      ['2024-04-06T21:00:00.000Z', '2024-04-07T00:00:00.000Z'], // Sat 23:00 CEST → Sun 02:00 CEST
      ['2024-04-07T21:00:00.000Z', '2024-04-08T00:00:00.000Z'], // Sun 23:00 CEST → Mon 02:00 CEST
    ]);
  });

  it('the repeated hour counts twice', () => {
    const s = weekly({ start: '02:00', end: '03:00' });
    expect(iso(scheduleIntervals(s, t('2024-10-26T00:00:00Z'), t('2024-10-28T00:00:00Z')))).toEqual([
      ['2024-10-27T00:00:00.000Z', '2024-10-27T02:00:00.000Z'],
    ]);
  });

  it('one-off, clipped', () => {
    const s: MaintenanceSchedule = { kind: 'once', ...span('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z') };
    expect(scheduleIntervals(s, t('2024-05-01T11:00:00Z'), t('2024-05-02T00:00:00Z'))).toEqual([
      span('2024-05-01T11:00:00Z', '2024-05-01T12:00:00Z'),
    ]);
    expect(scheduleIntervals(s, t('2024-05-01T12:00:00Z'), t('2024-05-02T00:00:00Z'))).toEqual([]);
  });

  it('always-on within its bounds', () => {
    const s = weekly({
      days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      start: '00:00',
      end: '00:00',
      from: t('2024-05-02T00:00:00Z'),
    });
    expect(scheduleIntervals(s, t('2024-05-01T00:00:00Z'), t('2024-05-03T00:00:00Z'))).toEqual([
      span('2024-05-02T00:00:00Z', '2024-05-03T00:00:00Z'),
    ]);
  });

  it('a client’s windows together, an asset’s only for it', () => {
    const windows = [
      win('client', { kind: 'once', ...span('2024-05-01T10:00:00Z', '2024-05-01T11:00:00Z') }),
      win('asset', { kind: 'once', ...span('2024-05-01T10:30:00Z', '2024-05-01T12:00:00Z') }, 'srv1'),
      win('other', { kind: 'once', ...span('2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z') }, null, 'globex'),
    ];
    const range = [t('2024-05-01T00:00:00Z'), t('2024-05-02T00:00:00Z')] as const;
    expect(maintenanceIntervals(windows, { clientId: 'acme', assetId: 'srv1' }, ...range)).toEqual([
      span('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z'),
    ]);
    expect(maintenanceIntervals(windows, { clientId: 'acme', assetId: 'srv2' }, ...range)).toEqual([
      span('2024-05-01T10:00:00Z', '2024-05-01T11:00:00Z'),
    ]);
    expect(maintenanceIntervals(windows, { clientId: null, assetId: null }, ...range)).toEqual([]);
  });
});

describe('the window silencing an alert', () => {
  const windows: MaintenanceWindow[] = [
    win('asset-night', weekly({ days: ['sun'], start: '02:00', end: '04:00' }), 'srv1'),
    win('client-patch', weekly({ days: ['sun'], start: '03:00', end: '05:00' })),
    win('globex', weekly({ days: ['sun'], start: '00:00', end: '00:00' }), null, 'globex'),
  ];
  // biome-ignore format: one case per line reads as a table
  const rows: [string, string | null, string | null, string, string | null][] = [
    ['the asset’s own window', 'acme', 'srv1', '2024-05-05T00:30:00Z', 'asset-night'],
    ['both hold: the first listed', 'acme', 'srv1', '2024-05-05T01:30:00Z', 'asset-night'],
    ['another asset: only the client’s', 'acme', 'srv2', '2024-05-05T01:30:00Z', 'client-patch'],
    ['another asset, before the client’s', 'acme', 'srv2', '2024-05-05T00:30:00Z', null],
    ['no asset: the client’s', 'acme', null, '2024-05-05T02:30:00Z', 'client-patch'],
    ['triage: none', null, null, '2024-05-05T02:30:00Z', null],
    ['another client', 'initech', null, '2024-05-05T02:30:00Z', null],
  ];
  it.each(rows)('%s', (_name, clientId, assetId, at, expected) => {
    expect(activeMaintenance(windows, { clientId, assetId }, t(at))?.id ?? null).toBe(expected);
  });
});

const days: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const aWeekly = fc.record({
  kind: fc.constant('weekly' as const),
  timeZone: fc.constantFrom(
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'UTC',
  ),
  days: fc.uniqueArray(fc.constantFrom(...days), { minLength: 1, maxLength: 7 }),
  start: clock,
  end: clock,
});

/** The wall clock of `zone` at `at`, read from Intl: the rule's reference, sharing no code with it. */
function wallClock(zone: string, at: number) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return {
    day: days.indexOf(p.weekday!.toLowerCase().slice(0, 3) as Weekday),
    clock: `${p.hour}:${p.minute}`,
  };
}

function referenceHolds(s: Extract<MaintenanceSchedule, { kind: 'weekly' }>, at: number): boolean {
  const { day, clock: now } = wallClock(s.timeZone, at);
  const on = (d: number) => s.days.includes(days[(d + 7) % 7]!);
  if (s.end > s.start) return on(day) && s.start <= now && now < s.end;
  return (on(day) && s.start <= now) || (on(day - 1) && now < s.end);
}

const instant = fc.integer({
  min: t('2023-01-01T00:00:00Z') / 60_000,
  max: t('2026-01-01T00:00:00Z') / 60_000,
});

describe('weekly windows against a wall clock read from Intl', () => {
  it('hold exactly the instants whose wall clock is inside', () => {
    fc.assert(
      fc.property(aWeekly, instant, (s, minute) => {
        expect(scheduleHolds(s, minute * 60_000)).toBe(referenceHolds(s, minute * 60_000));
      }),
      { numRuns: 500 },
    );
  });

  it('intervals hold what the window holds, and nothing else', () => {
    fc.assert(
      fc.property(
        aWeekly,
        instant,
        fc.array(fc.integer({ min: 0, max: 14 * 1440 - 1 }), { maxLength: 20 }),
        (s, m, probes) => {
          const from = m * 60_000;
          const to = from + 14 * 86_400_000;
          const list = scheduleIntervals(s, from, to);
          for (let i = 1; i < list.length; i++) expect(list[i]!.from).toBeGreaterThan(list[i - 1]!.to);
          for (const p of probes) {
            const at = from + p * 60_000;
            const inside = list.some((iv) => iv.from <= at && at < iv.to);
            expect(inside).toBe(scheduleHolds(s, at));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('window validation', () => {
  it('accepts good windows', () => {
    expect(
      validateMaintenanceWindows([
        win('a', weekly({ from: null, until: t('2025-01-01T00:00:00Z') })),
        win('b', { kind: 'once', ...span('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z') }, 'srv'),
      ]),
    ).toEqual([]);
  });

  // biome-ignore format: one case per line reads as a table
  const rows: [unknown, string[]][] = [
    ['x', ['windows']],
    [[null], ['windows[0]']],
    [[{ ...win('', weekly()), clientId: '' }], ['windows[0].id', 'windows[0].clientId']],
    [[{ ...win('a', weekly()), assetId: undefined }], ['windows[0].assetId']],
    [[win('a', { kind: 'once', ...span('2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z') })], ['windows[0].schedule.to']],
    [[win('a', { kind: 'once', from: 1.5, to: 2 } as MaintenanceSchedule)], ['windows[0].schedule.from']],
    [[win('a', weekly({ timeZone: 'Mars/Olympus' }))], ['windows[0].schedule.timeZone']],
    [[win('a', weekly({ days: [] }))], ['windows[0].schedule.days']],
    [[win('a', weekly({ days: ['sun', 'sunday' as Weekday, 'sun'] }))], ['windows[0].schedule.days[1]', 'windows[0].schedule.days[2]']],
    [[win('a', weekly({ start: '24:00', end: '25:00' }))], ['windows[0].schedule.start', 'windows[0].schedule.end']],
    [[win('a', weekly({ from: 10, until: 10 }))], ['windows[0].schedule.until']],
    [[win('a', { kind: 'monthly' } as unknown as MaintenanceSchedule)], ['windows[0].schedule.kind']],
    [[{ id: 'a', clientId: 'c', assetId: null }], ['windows[0].schedule']],
  ];
  it.each(rows)('problems of %j', (windows, fields) => {
    expect(validateMaintenanceWindows(windows).map((e) => e.field)).toEqual(fields);
  });
});
