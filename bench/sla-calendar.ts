// SLA due times on business calendars, beside the minute-stepping reference in the same run.
import { pathToFileURL } from 'node:url';
import {
  type BusinessCalendar,
  type CalendarSpec,
  createCalendar,
  due,
  type Interval,
} from '../src/domain/calendar/index.js';
import { type ReferenceCalendar, referenceCalendar, referenceDue } from '../src/domain/calendar/reference.js';
import type { Row } from './lib.js';

export const DUES = 500_000;
const POOL = 20_000;
const CALENDARS = 200;
const REFERENCE_DUES = 2_000;
const REFERENCE_BUDGET_MS = 15_000;

/** mulberry32: the same calendars and tickets on every run. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  return { next, int, pick };
}

const zones = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Sydney',
];
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const every = (windows: readonly (readonly [string, string])[]) =>
  Object.fromEntries(weekdays.map((d) => [d, windows]));
const shapes: CalendarSpec['businessHours'][] = [
  every([
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ]),
  every([['09:00', '18:00']]),
  { ...every([['08:00', '18:00']]), sat: [['09:00', '13:00']] },
  every([['07:00', '22:00']]),
];
const holidays = [
  '2024-01-01',
  '2024-04-01',
  '2024-05-01',
  '2024-05-08',
  '2024-05-27',
  '2024-07-04',
  '2024-07-14',
  '2024-08-15',
  '2024-09-02',
  '2024-11-11',
  '2024-11-28',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
];
const targets = [15, 30, 60, 60, 120, 240, 240, 480, 960, 1440, 2400];

type Job = { cal: number; start: number; minutes: number; pauses: Interval[] };

/** Calendars of every kind (1 in 10 is 24×7) and tickets across 2024 with seconds and some pauses. */
export function generate(seed = 7): { specs: CalendarSpec[]; jobs: Job[] } {
  const r = random(seed);
  const specs: CalendarSpec[] = [];
  for (let i = 0; i < CALENDARS; i++) {
    const timeZone = r.pick(zones);
    specs.push(
      r.int(10) === 0 ? { timeZone, always: true } : { timeZone, businessHours: r.pick(shapes), holidays },
    );
  }
  const jobs: Job[] = [];
  const year = Date.UTC(2024, 0, 1);
  for (let i = 0; i < POOL; i++) {
    const start = year + r.int(365 * 86_400) * 1000;
    const pauses: Interval[] = [];
    // Three tickets in ten wait on the client or a vendor once or twice.
    if (r.int(10) < 3) {
      let from = start + r.int(48 * 60) * 60_000;
      for (let n = 1 + r.int(2); n > 0; n--) {
        const to = from + (30 + r.int(3 * 1440)) * 60_000;
        pauses.push({ from, to });
        from = to + r.int(24 * 60) * 60_000;
      }
    }
    jobs.push({ cal: r.int(CALENDARS), start, minutes: r.pick(targets), pauses });
  }
  return { specs, jobs };
}

export async function slaCalendarBench(): Promise<Row[]> {
  const { specs, jobs } = generate();
  const calendars: BusinessCalendar[] = specs.map(createCalendar);
  for (const j of jobs) due(calendars[j.cal]!, j.start, j.minutes, j.pauses); // warm-up: JIT and zone caches

  let checksum = 0;
  const t0 = performance.now();
  for (let i = 0; i < DUES; i++) {
    const j = jobs[i % POOL]!;
    checksum += due(calendars[j.cal]!, j.start, j.minutes, j.pauses) % 1000;
  }
  const fastPerSec = DUES / ((performance.now() - t0) / 1000);

  // The reference alone in the timed loop; its answers are compared with Keel's afterwards.
  const references: ReferenceCalendar[] = specs.map(referenceCalendar);
  const answers: number[] = [];
  const t1 = performance.now();
  while (answers.length < REFERENCE_DUES && performance.now() - t1 < REFERENCE_BUDGET_MS) {
    const j = jobs[answers.length]!;
    answers.push(referenceDue(references[j.cal]!, j.start, j.minutes, j.pauses));
  }
  const referencePerSec = answers.length / ((performance.now() - t1) / 1000);
  const disagree = answers.filter((a, i) => {
    const j = jobs[i]!;
    return a !== due(calendars[j.cal]!, j.start, j.minutes, j.pauses);
  }).length;
  if (checksum < 0) throw new Error('unreachable');
  console.log(
    `  ${DUES.toLocaleString('en')} due times over ${CALENDARS} calendars; reference ${answers.length.toLocaleString('en')}, ${disagree} disagreements`,
  );
  return [
    {
      figure: 'SLA due times',
      value: fastPerSec,
      unit: 'dues/s',
      baseline: referencePerSec,
      note: `minute-stepping reference, Intl per minute (${answers.length.toLocaleString('en')} dues, ${disagree} disagree); target ≥ 100×`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printTable } = await import('./lib.js');
  printTable(await slaCalendarBench());
}
