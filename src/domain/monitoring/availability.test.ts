import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityInput,
  availabilityInputErrors,
  type MonthAvailability,
  monthlyAvailability,
  outageIntervals,
  type StateSample,
  samplesFromEvents,
} from './availability.js';
import { MonitoringValidationError } from './errors.js';
import {
  clipIntervals,
  type Interval,
  normalizeIntervals,
  subtractIntervals,
  totalLength,
} from './intervals.js';
import { maintenanceIntervals } from './maintenance.js';
import { monthInterval } from './months.js';

const t = (iso: string) => Date.parse(iso);
const span = (from: string, to: string): Interval => ({ from: t(from), to: t(to) });
const minutes = (n: number) => n * 60_000;
const down = (at: string): StateSample => ({ at: t(at), state: 'down' });
const up = (at: string): StateSample => ({ at: t(at), state: 'up' });

describe('outage intervals from down and up', () => {
  const end = t('2024-05-02T00:00:00Z');
  // biome-ignore format: one case per line reads as a table
  const rows: [string, StateSample[], Interval[]][] = [
    ['down then up', [down('2024-05-01T10:00:00Z'), up('2024-05-01T10:30:00Z')], [span('2024-05-01T10:00:00Z', '2024-05-01T10:30:00Z')]],
    ['repeated downs extend nothing', [down('2024-05-01T10:00:00Z'), down('2024-05-01T10:10:00Z'), up('2024-05-01T10:30:00Z')], [span('2024-05-01T10:00:00Z', '2024-05-01T10:30:00Z')]],
    ['an up with no down is ignored', [up('2024-05-01T09:00:00Z'), down('2024-05-01T10:00:00Z'), up('2024-05-01T10:30:00Z'), up('2024-05-01T11:00:00Z')], [span('2024-05-01T10:00:00Z', '2024-05-01T10:30:00Z')]],
    ['still down at the end counts to the end', [down('2024-05-01T23:00:00Z')], [span('2024-05-01T23:00:00Z', '2024-05-02T00:00:00Z')]],
    ['samples in any order', [up('2024-05-01T10:30:00Z'), down('2024-05-01T10:00:00Z')], [span('2024-05-01T10:00:00Z', '2024-05-01T10:30:00Z')]],
    ['samples after the end are not read', [down('2024-05-01T23:00:00Z'), up('2024-05-02T01:00:00Z')], [span('2024-05-01T23:00:00Z', '2024-05-02T00:00:00Z')]],
    ['down and up at once is no outage', [down('2024-05-01T10:00:00Z'), up('2024-05-01T10:00:00Z')], []],
    ['two outages', [down('2024-05-01T01:00:00Z'), up('2024-05-01T02:00:00Z'), down('2024-05-01T03:00:00Z'), up('2024-05-01T03:05:00Z')], [span('2024-05-01T01:00:00Z', '2024-05-01T02:00:00Z'), span('2024-05-01T03:00:00Z', '2024-05-01T03:05:00Z')]],
    ['nothing', [], []],
  ];
  it.each(rows)('%s', (_name, samples, expected) => {
    expect(outageIntervals(samples, end)).toEqual(expected);
  });

  it('from alert events: firing is down, resolved is up, acknowledgements are no state', () => {
    expect(
      samplesFromEvents([
        { status: 'firing', occurredAt: 1 },
        { status: 'acknowledged', occurredAt: 2 },
        { status: 'resolved', occurredAt: 3 },
      ]),
    ).toEqual([
      { at: 1, state: 'down' },
      { at: 3, state: 'up' },
    ]);
  });
});

const input = (over: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  outages: [],
  maintenance: [],
  timeZone: 'UTC',
  first: '2024-04',
  last: '2024-04',
  until: t('2030-01-01T00:00:00Z'),
  targetPercent: 99.9,
  ...over,
});
const only = (over: Partial<AvailabilityInput>) => monthlyAvailability(input(over))[0]!;

describe('availability per month against the target', () => {
  // Allowed downtime at 99.9%: 0.1% of the month's minutes, shown rounded down to 0.01 minute.
  // biome-ignore format: one case per line reads as a table
  const lengths: [string, number][] = [['2024-04', 43.2], ['2024-05', 44.64], ['2024-02', 41.76], ['2023-02', 40.32]];
  it.each(lengths)('%s allows %f minutes at 99.9%%', (month, allowed) => {
    expect(only({ first: month, last: month })).toMatchObject({
      allowedDowntimeMinutes: allowed,
      downtimeMinutes: 0,
      availabilityPercent: 100,
      status: 'met',
      complete: true,
    });
  });

  it('a whole report for one outage', () => {
    const outage = span('2024-04-10T10:00:00Z', '2024-04-10T11:00:00Z');
    expect(only({ outages: [outage] })).toEqual({
      month: '2024-04',
      from: t('2024-04-01T00:00:00Z'),
      to: t('2024-05-01T00:00:00Z'),
      complete: true,
      maintenanceMs: 0,
      agreedMs: minutes(43_200),
      measuredMs: minutes(43_200),
      downtimeMs: minutes(60),
      allowedDowntimeMs: minutes(43.2),
      downtimeMinutes: 60,
      allowedDowntimeMinutes: 43.2,
      availabilityMilliPercent: 99_861,
      availabilityPercent: 99.861,
      targetPercent: 99.9,
      status: 'breached',
      outages: [outage],
    } satisfies MonthAvailability);
  });

  it('an outage across a month boundary counts in each month for its part', () => {
    const [jan, feb] = monthlyAvailability(
      input({
        first: '2024-01',
        last: '2024-02',
        outages: [span('2024-01-31T23:30:00Z', '2024-02-01T00:45:00Z')],
      }),
    );
    expect(jan).toMatchObject({ downtimeMinutes: 30, status: 'met' });
    expect(feb).toMatchObject({ downtimeMinutes: 45, status: 'breached' });
    expect(jan!.outages).toEqual([span('2024-01-31T23:30:00Z', '2024-02-01T00:00:00Z')]);
    expect(feb!.outages).toEqual([span('2024-02-01T00:00:00Z', '2024-02-01T00:45:00Z')]);
  });

  it('months follow the zone: 00:30 in Paris on the 1st is already February', () => {
    const outages = [span('2024-01-31T23:30:00Z', '2024-02-01T00:00:00Z')];
    const [jan, feb] = monthlyAvailability(
      input({ timeZone: 'Europe/Paris', first: '2024-01', last: '2024-02', outages }),
    );
    expect(jan!.downtimeMs).toBe(0);
    expect(feb!.downtimeMs).toBe(minutes(30));
  });

  it('a month with the spring-forward night is an hour shorter', () => {
    expect(only({ timeZone: 'Europe/Paris', first: '2024-03', last: '2024-03' }).agreedMs).toBe(
      minutes((31 * 24 - 1) * 60),
    );
  });

  it('maintenance is out of both the agreed time and the downtime', () => {
    const outages = [span('2024-04-10T10:00:00Z', '2024-04-10T12:00:00Z')];
    const maintenance = [span('2024-04-10T09:00:00Z', '2024-04-10T11:30:00Z')];
    expect(only({ outages, maintenance })).toMatchObject({
      maintenanceMs: minutes(150),
      agreedMs: minutes(43_200 - 150),
      downtimeMs: minutes(30),
      allowedDowntimeMs: Math.floor((minutes(43_050) * 100) / 100_000),
      allowedDowntimeMinutes: 43.05,
      status: 'met',
      outages: [span('2024-04-10T11:30:00Z', '2024-04-10T12:00:00Z')],
    });
  });

  it('weekly maintenance windows from the schedule', () => {
    const windows = [
      {
        id: 'sunday',
        clientId: 'acme',
        assetId: null,
        schedule: {
          kind: 'weekly' as const,
          timeZone: 'UTC',
          days: ['sun' as const],
          start: '02:00',
          end: '04:00',
        },
      },
    ];
    const month = monthInterval('UTC', '2024-04');
    const maintenance = maintenanceIntervals(
      windows,
      { clientId: 'acme', assetId: null },
      month.from,
      month.to,
    );
    // Sundays in April 2024: 7, 14, 21, 28; the outage on the 14th is all inside the window.
    const outages = [span('2024-04-14T02:30:00Z', '2024-04-14T03:30:00Z')];
    expect(only({ outages, maintenance })).toMatchObject({
      maintenanceMs: minutes(4 * 120),
      downtimeMs: 0,
      status: 'met',
    });
  });

  it('met exactly at the allowance, breached one millisecond over', () => {
    const allowed = minutes(43.2);
    const at = t('2024-04-10T00:00:00Z');
    expect(only({ outages: [{ from: at, to: at + allowed }] }).status).toBe('met');
    expect(only({ outages: [{ from: at, to: at + allowed + 1 }] }).status).toBe('breached');
  });

  it('the availability shown is rounded down, never up', () => {
    // 0.1004% of April down: 99.8996% delivered, shown 99.899 (not 99.900) and breached.
    const month = minutes(43_200);
    const at = t('2024-04-10T00:00:00Z');
    const r = only({ outages: [{ from: at, to: at + Math.ceil((month * 1004) / 1_000_000) }] });
    expect(r).toMatchObject({
      availabilityMilliPercent: 99_899,
      availabilityPercent: 99.899,
      status: 'breached',
    });
  });

  it('a month under way is measured so far against the whole month’s allowance', () => {
    const until = t('2024-04-15T00:00:00Z');
    const pending = only({ until, outages: [span('2024-04-10T10:00:00Z', '2024-04-10T10:30:00Z')] });
    expect(pending).toMatchObject({
      complete: false,
      measuredMs: minutes(14 * 1440),
      downtimeMinutes: 30,
      allowedDowntimeMinutes: 43.2,
      status: 'pending',
      availabilityMilliPercent: Math.floor(
        ((minutes(14 * 1440) - minutes(30)) * 100_000) / minutes(14 * 1440),
      ),
    });
    const over = only({ until, outages: [span('2024-04-10T10:00:00Z', '2024-04-10T11:00:00Z')] });
    expect(over.status).toBe('breached');
  });

  it('an outage still open is counted to `until`', () => {
    const until = t('2024-04-15T00:00:00Z');
    const outages = outageIntervals([down('2024-04-14T23:00:00Z')], until);
    expect(only({ until, outages })).toMatchObject({ downtimeMinutes: 60, status: 'breached' });
  });

  it('a month not begun yet is pending with nothing measured', () => {
    expect(only({ until: t('2024-03-15T00:00:00Z') })).toMatchObject({
      measuredMs: 0,
      availabilityPercent: null,
      status: 'pending',
    });
  });

  it('a month of maintenance only is met at 100%', () => {
    const all = span('2024-03-31T00:00:00Z', '2024-05-02T00:00:00Z');
    expect(only({ maintenance: [all], outages: [all] })).toMatchObject({
      agreedMs: 0,
      downtimeMs: 0,
      availabilityPercent: 100,
      status: 'met',
    });
  });

  it.each([
    [100, minutes(1), 'breached'],
    [100, 0, 'met'],
    [0, minutes(43_200), 'met'],
    [99.999, minutes(0.432), 'met'],
    [99.999, minutes(0.432) + 1, 'breached'],
  ])('target %f%% with %i ms down: %s', (targetPercent, ms, status) => {
    const at = t('2024-04-10T00:00:00Z');
    expect(only({ targetPercent, outages: [{ from: at, to: at + ms }] }).status).toBe(status);
  });

  // biome-ignore format: one case per line reads as a table
  const bad: [Partial<AvailabilityInput>, string[]][] = [
    [{ targetPercent: 100.5 }, ['targetPercent']],
    [{ targetPercent: 99.9995 }, ['targetPercent']],
    [{ targetPercent: Number.NaN }, ['targetPercent']],
    [{ timeZone: 'Moon/Base' }, ['timeZone']],
    [{ first: '2024-4' }, ['first']],
    [{ first: '2024-05', last: '2024-04' }, ['last']],
    [{ first: '1990-01', last: '2100-01' }, ['last']],
    [{ until: 1.5 }, ['until']],
    [{ outages: [{ from: 5, to: 4 }] }, ['outages[0]']],
    [{ maintenance: 'none' as never }, ['maintenance']],
  ];
  it.each(bad)('refuses %j', (over, fields) => {
    expect(availabilityInputErrors(input(over)).map((e) => e.field)).toEqual(fields);
    expect(() => monthlyAvailability(input(over))).toThrow(MonitoringValidationError);
  });
});

describe('availability, whatever the outages', () => {
  const base = t('2023-12-20T00:00:00Z');
  const intervals = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 120 * 1440 }), fc.integer({ min: 0, max: 3 * 1440 })), {
      maxLength: 8,
    })
    .map((xs) => xs.map(([m, len]) => ({ from: base + minutes(m), to: base + minutes(m + len) })));

  it('months split the downtime exactly, and every figure is within its bounds', () => {
    fc.assert(
      fc.property(
        intervals,
        intervals,
        fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'),
        fc.integer({ min: 0, max: 130 * 1440 }),
        fc.constantFrom(90, 99, 99.5, 99.9, 99.99, 100),
        (outages, maintenance, timeZone, u, targetPercent) => {
          const until = base + minutes(u);
          const report = monthlyAvailability({
            outages,
            maintenance,
            timeZone,
            first: '2024-01',
            last: '2024-03',
            until,
            targetPercent,
          });
          const start = report[0]!.from;
          const end = Math.max(start, Math.min(report[2]!.to, until));
          const counted = clipIntervals(
            subtractIntervals(normalizeIntervals(outages), normalizeIntervals(maintenance)),
            start,
            end,
          );
          expect(report.reduce((sum, r) => sum + r.downtimeMs, 0)).toBe(totalLength(counted));
          for (const [k, r] of report.entries()) {
            if (k > 0) expect(r.from).toBe(report[k - 1]!.to);
            expect(r.downtimeMs).toBeLessThanOrEqual(r.measuredMs);
            expect(r.measuredMs).toBeLessThanOrEqual(r.agreedMs);
            expect(r.agreedMs + r.maintenanceMs).toBe(r.to - r.from);
            const breached = r.downtimeMs * 100_000 > Math.round((100 - targetPercent) * 1000) * r.agreedMs;
            expect(r.status).toBe(breached ? 'breached' : r.complete ? 'met' : 'pending');
            if (r.availabilityPercent !== null) {
              expect(r.availabilityPercent).toBeGreaterThanOrEqual(0);
              expect(r.availabilityPercent).toBeLessThanOrEqual(100);
              // Rounded down: never more than was delivered.
              expect(r.availabilityPercent / 100).toBeLessThanOrEqual(
                (r.measuredMs - r.downtimeMs) / r.measuredMs + 1e-12,
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
