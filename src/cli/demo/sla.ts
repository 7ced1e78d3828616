/**
 * The demo MSP's SLA tiers as real SLA policies: three calendars in the MSP's zone (business hours,
 * extended hours, round the clock) and one policy per tier with its per-priority targets. Data only;
 * `keel seed --demo` creates them through the SLA service (./seed-sla.ts) and the demo agreements
 * name them by the ids the service gives.
 */
import type { PolicyInput } from '../../modules/sla/sla.schemas.js';
import type { SlaTier } from './agreements.js';
import { demoHolidays } from './holidays.js';
import { demoMsp } from './users.js';

export type DemoCalendarKey = 'business' | 'extended' | '24x7';

export type DemoSlaCalendar = {
  name: string;
  hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;
  /** Closed on the MSP's public holidays. */
  holidays: boolean;
  always: boolean;
};

const days = (names: readonly string[], open: string, close: string) =>
  Object.fromEntries(names.map((d) => [d, [[open, close]]])) as DemoSlaCalendar['hours'];

export const demoSlaCalendars: Record<DemoCalendarKey, DemoSlaCalendar> = {
  business: {
    name: 'Northbeam business hours (Mon–Fri 08:00–18:00, Dublin)',
    hours: days(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '18:00'),
    holidays: true,
    always: false,
  },
  extended: {
    name: 'Northbeam extended hours (Mon–Sat 07:00–20:00, Dublin)',
    hours: days(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], '07:00', '20:00'),
    holidays: true,
    always: false,
  },
  '24x7': { name: 'Northbeam around the clock (24x7)', hours: {}, holidays: false, always: true },
};

/** The calendar as the SLA service takes it: in the MSP's zone, with this year's and next year's holidays. */
export function calendarBody(key: DemoCalendarKey, today: Date) {
  const c = demoSlaCalendars[key];
  return {
    name: c.name,
    timezone: demoMsp.timeZone,
    hours: c.hours,
    holidays: c.holidays ? demoHolidays(today) : [],
    always: c.always,
  };
}

type Targets = PolicyInput['targets'];
const t = (responseMinutes: number, resolutionMinutes: number, updateMinutes: number | null = null) => ({
  responseMinutes,
  resolutionMinutes,
  updateMinutes,
});

export type DemoSlaPolicy = {
  name: string;
  calendar: DemoCalendarKey;
  targets: Targets;
  warnPercent: number;
  /** On breach, raise the priority one step (round-the-clock clients pay for that). */
  raisePriority: boolean;
};

/**
 * One policy per tier the demo agreements sell. Targets are business minutes of the tier's calendar:
 * a business day is 600 minutes, an extended one 780, a 24x7 one 1,440.
 */
export const demoSlaPolicies: Record<SlaTier, DemoSlaPolicy> = {
  'business-hours': {
    name: 'Business hours: Mon–Fri 08:00–18:00',
    calendar: 'business',
    targets: {
      P1: t(30, 240, 60),
      P2: t(60, 480, 120),
      P3: t(240, 1200),
      P4: t(480, 3000),
    },
    warnPercent: 75,
    raisePriority: false,
  },
  extended: {
    name: 'Extended: 07:00–20:00 and Saturdays',
    calendar: 'extended',
    targets: {
      P1: t(15, 240, 60),
      P2: t(30, 480, 120),
      P3: t(120, 1560),
      P4: t(240, 3900),
    },
    warnPercent: 75,
    raisePriority: false,
  },
  '24x7': {
    name: '24x7: round the clock, every day of the year',
    calendar: '24x7',
    targets: {
      P1: t(15, 240, 30),
      P2: t(30, 480, 60),
      P3: t(120, 1440),
      P4: t(480, 4320),
    },
    warnPercent: 75,
    raisePriority: true,
  },
};

export const slaTiers = Object.keys(demoSlaPolicies) as SlaTier[];

/** The policy as the SLA service takes it, on the calendar of that id. */
export function policyBody(tier: SlaTier, calendarId: string): PolicyInput {
  const p = demoSlaPolicies[tier];
  return {
    name: p.name,
    calendarId,
    targets: p.targets,
    pauseStatuses: ['waiting_client', 'waiting_vendor'],
    warnPercent: p.warnPercent,
    escalation: {
      notifyOnWarning: true,
      notifyOnBreach: true,
      reassignTo: null,
      raisePriority: p.raisePriority,
    },
  };
}

/**
 * The fixed ids demo agreements carried before Keel had SLA policies. A demo agreement still naming
 * one is pointed at the real policy of its tier when the seed runs again.
 */
export const legacySlaPolicyIds: Record<SlaTier, string> = {
  'business-hours': '019a0000-51a0-7000-8000-000000000001',
  extended: '019a0000-51a0-7000-8000-000000000002',
  '24x7': '019a0000-51a0-7000-8000-000000000003',
};

/** The id of a demo SLA policy by tier, once it exists. */
export type SlaIds = (tier: SlaTier) => string | null;
