import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { PriorityMatrix } from '../../domain/sla/priority.js';
import { idColumn, timestamps } from '../../platform/db/columns.js';

/** Weekly hours as the calendar rule reads them: {"mon": [["08:00","12:00"], …], …}. */
export type HoursJson = Partial<Record<string, [string, string][]>>;
export type TargetsJson = Record<
  string,
  { responseMinutes: number; resolutionMinutes: number; updateMinutes: number | null }
>;
export type EscalationJson = {
  notifyOnWarning: boolean;
  notifyOnBreach: boolean;
  /** On breach, hand the ticket to this user (null: leave it). */
  reassignTo: string | null;
  /** On breach, raise the priority one step. */
  raisePriority: boolean;
};

export const slaCalendars = pgTable('sla_calendars', {
  id: idColumn(),
  name: text('name').notNull().unique(),
  timeZone: text('time_zone').notNull(),
  hours: jsonb('hours').$type<HoursJson>().notNull().default({}),
  holidays: text('holidays').array().notNull().default(sql`'{}'`),
  always: boolean('always').notNull().default(false),
  ...timestamps(),
});

export const slaPolicies = pgTable('sla_policies', {
  id: idColumn(),
  name: text('name').notNull().unique(),
  calendarId: uuid('calendar_id')
    .notNull()
    .references(() => slaCalendars.id),
  targets: jsonb('targets').$type<TargetsJson>().notNull(),
  pauseStatuses: text('pause_statuses').array().notNull().default(sql`'{waiting_client,waiting_vendor}'`),
  warnPercent: integer('warn_percent').notNull().default(75),
  escalation: jsonb('escalation').$type<EscalationJson>().notNull(),
  archived: boolean('archived').notNull().default(false),
  ...timestamps(),
});

/**
 * The policy a client gets when no agreement names one, per relationship kind. A kind with no row
 * (break-fix by default) is best effort: no clock, and shown as such.
 */
export const slaKindDefaults = pgTable('sla_kind_defaults', {
  kind: text('kind').primaryKey(),
  policyId: uuid('policy_id')
    .notNull()
    .references(() => slaPolicies.id),
});

export const slaSettings = pgTable('sla_settings', {
  id: integer('id').primaryKey().default(1),
  priorityMatrix: jsonb('priority_matrix').$type<PriorityMatrix>().notNull(),
});
