/**
 * `keel seed --demo`: the demo MSP's SLA calendars and policies, written through the SLA service so
 * each is validated and audited like any other. Idempotent: calendars and policies are found by
 * name and left alone; what is missing is created (a policy on the calendar of its tier's name).
 */
import type { Keel } from '../../app.js';
import type { SlaTier } from './agreements.js';
import {
  calendarBody,
  type DemoCalendarKey,
  demoSlaCalendars,
  demoSlaPolicies,
  policyBody,
  slaTiers,
} from './sla.js';

const key = (text: string) => text.trim().toLowerCase();

export type SlaTally = { calendars: number; policies: number };

/**
 * The demo's SLA policies by tier: what is missing is created when `apply`, else only counted.
 * Returns the id of each tier's policy (null while it is missing).
 */
export async function ensureSla(
  keel: Keel,
  apply: boolean,
  today = new Date(),
): Promise<{ missing: SlaTally; ids: Record<SlaTier, string | null> }> {
  const sla = keel.sla.service;
  const [calendars, policies] = await Promise.all([sla.listCalendars(), sla.listPolicies()]);
  const calendarIds = new Map(calendars.map((c) => [key(c.name), c.id]));
  const policyIds = new Map(policies.map((p) => [key(p.name), p.id]));
  const missing: SlaTally = { calendars: 0, policies: 0 };
  const ids = {} as Record<SlaTier, string | null>;

  const calendarOf = async (which: DemoCalendarKey) => {
    const name = key(demoSlaCalendars[which].name);
    const found = calendarIds.get(name);
    if (found) return found;
    missing.calendars++;
    const created = await sla.createCalendar(calendarBody(which, today));
    calendarIds.set(name, created.id);
    return created.id;
  };

  for (const tier of slaTiers) {
    const policy = demoSlaPolicies[tier];
    const found = policyIds.get(key(policy.name));
    if (found) {
      ids[tier] = found;
      continue;
    }
    missing.policies++;
    if (!apply) {
      ids[tier] = null;
      continue;
    }
    const created = await sla.createPolicy(policyBody(tier, await calendarOf(policy.calendar)));
    ids[tier] = created.id;
  }
  return { missing, ids };
}
