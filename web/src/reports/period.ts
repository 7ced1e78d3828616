/**
 * Report periods as whole days (YYYY-MM-DD, UTC, as the API reads them). People pick the first
 * and the last day; the API wants the day after the last (`to` is exclusive).
 */

export type Period = { from: string; to: string };
export type Preset = 'last30' | 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear';

export const presetLabels: Record<Preset, string> = {
  last30: 'Last 30 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisQuarter: 'This quarter',
  thisYear: 'This year',
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m, d);

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** The day after `day`: the exclusive end the API wants. */
export const dayAfter = (day: string) => iso(Date.parse(day) + DAY);

/** The first and last day of a preset period that contains `now`. */
export function presetPeriod(preset: Preset, now = Date.now()): Period {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const today = iso(now);
  switch (preset) {
    case 'last30':
      return { from: iso(now - 29 * DAY), to: today };
    case 'thisMonth':
      return { from: iso(utc(y, m, 1)), to: today };
    case 'lastMonth':
      return { from: iso(utc(y, m - 1, 1)), to: iso(utc(y, m, 0)) };
    case 'thisQuarter':
      return { from: iso(utc(y, m - (m % 3), 1)), to: today };
    case 'thisYear':
      return { from: iso(utc(y, 0, 1)), to: today };
  }
}

/** The preset a period is, if any. */
export function presetOf(period: Period, now = Date.now()): Preset | null {
  for (const p of Object.keys(presetLabels) as Preset[]) {
    const q = presetPeriod(p, now);
    if (q.from === period.from && q.to === period.to) return p;
  }
  return null;
}
