import { asc, eq } from 'drizzle-orm';
import { type BusinessCalendar, createCalendar } from '../../domain/calendar/calendar.js';
import { CalendarValidationError } from '../../domain/calendar/errors.js';
import { holidaysFromICalendar } from '../../domain/calendar/ical.js';
import { type Level, matrixInversions, type PriorityMatrix, priorityOf } from '../../domain/sla/priority.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import { ttlCache } from '../../platform/cache.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Db } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ResolvedSla } from '../tickets/tickets.ports.js';
import { businessTimeOf, preview } from './business-time.js';
import type {
  CalendarInput,
  CalendarPatchInput,
  CalendarSpecInput,
  HolidayImportInput,
  PolicyInput,
  PolicyPatchInput,
  PreviewInput,
} from './sla.schemas.js';
import { type HoursJson, slaCalendars, slaKindDefaults, slaPolicies, slaSettings } from './sla.tables.js';

type CalendarRow = typeof slaCalendars.$inferSelect;
type PolicyRow = typeof slaPolicies.$inferSelect;

export type SlaPorts = {
  isAssignable(userId: string): Promise<boolean>;
  statusCodes(): Promise<string[]>;
};

/** Compiles a calendar as the API gives it; bad specs become 400s on the caller's field names. */
export function compileCalendar(spec: CalendarSpecInput, prefix: string): BusinessCalendar {
  try {
    return createCalendar({
      timeZone: spec.timezone,
      ...(spec.always ? { always: true } : { businessHours: spec.hours, holidays: spec.holidays }),
    });
  } catch (err) {
    if (!(err instanceof CalendarValidationError)) throw err;
    const rename: Record<string, string> = { timeZone: 'timezone', businessHours: 'hours' };
    throw new AppError(
      'VALIDATION_FAILED',
      err.message,
      err.fields.map((f) => {
        // Same path style as schema errors: hours.mon.0, not hours.mon[0].
        const [head, ...rest] = f.field.replace(/\[(\d+)\]/g, '.$1').split('.');
        return {
          field: [prefix, rename[head!] ?? head, ...rest].join('.'),
          message: f.message,
          code: f.code,
        };
      }),
    );
  }
}

const specOf = (row: CalendarRow): CalendarSpecInput => ({
  timezone: row.timeZone,
  hours: row.hours as CalendarSpecInput['hours'],
  holidays: row.holidays,
  always: row.always,
});

export const presentCalendar = (row: CalendarRow) => ({
  id: row.id,
  name: row.name,
  timezone: row.timeZone,
  hours: row.hours as Record<string, [string, string][]>,
  holidays: row.holidays,
  always: row.always,
  updatedAt: row.updatedAt.toISOString(),
});

export const presentPolicy = (row: PolicyRow) => ({
  id: row.id,
  name: row.name,
  calendarId: row.calendarId,
  targets: row.targets as PolicyInput['targets'],
  pauseStatuses: row.pauseStatuses,
  warnPercent: row.warnPercent,
  escalation: row.escalation,
  archived: row.archived,
  updatedAt: row.updatedAt.toISOString(),
});

/** Policies and calendars change rarely and are read on every ticket write: keep them compiled. */
const cacheMs = 5_000;

export function createSlaService(db: Db, ports: SlaPorts) {
  const resolvedCache = ttlCache(cacheMs, (policyId: string) => resolve(policyId));
  const matrixCache = ttlCache(cacheMs, async (_: null) => {
    const [row] = await db.select().from(slaSettings).where(eq(slaSettings.id, 1));
    return row!.priorityMatrix;
  });
  const defaultsCache = ttlCache(cacheMs, async (_: null) => {
    const rows = await db.select().from(slaKindDefaults);
    return Object.fromEntries(rows.map((r) => [r.kind, r.policyId])) as Record<string, string>;
  });
  const forget = () => {
    resolvedCache.forget();
    matrixCache.forget();
    defaultsCache.forget();
  };

  async function calendarRow(id: string) {
    const [row] = await db.select().from(slaCalendars).where(eq(slaCalendars.id, id));
    if (!row) throw notFound('SLA_CALENDAR_NOT_FOUND', 'SLA calendar', id);
    return row;
  }
  async function policyRow(id: string) {
    const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
    if (!row) throw notFound('SLA_POLICY_NOT_FOUND', 'SLA policy', id);
    return row;
  }

  async function checkPolicy(p: Partial<PolicyInput>) {
    const fields: { field: string; message: string }[] = [];
    for (const [priority, t] of Object.entries(p.targets ?? {}))
      if (t.resolutionMinutes < t.responseMinutes)
        fields.push({
          field: `body.targets.${priority}.resolutionMinutes`,
          message: 'is shorter than the response target',
        });
    if (p.calendarId) {
      const [row] = await db
        .select({ id: slaCalendars.id })
        .from(slaCalendars)
        .where(eq(slaCalendars.id, p.calendarId));
      if (!row) fields.push({ field: 'body.calendarId', message: 'is not a saved calendar' });
    }
    if (p.pauseStatuses?.length) {
      const known = new Set(await ports.statusCodes());
      for (const s of p.pauseStatuses)
        if (!known.has(s))
          fields.push({ field: 'body.pauseStatuses', message: `${s} is not a ticket status` });
    }
    if (p.escalation?.reassignTo && !(await ports.isAssignable(p.escalation.reassignTo)))
      fields.push({
        field: 'body.escalation.reassignTo',
        message: 'is not a staff user who can take tickets',
      });
    if (fields.length)
      throw new AppError('UNPROCESSABLE', fields.map((f) => `${f.field} ${f.message}`).join('; '), fields);
  }

  const named = async <T>(work: Promise<T>, what: string) => {
    try {
      return await work;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('ALREADY_EXISTS', `An SLA ${what} with that name already exists.`);
      throw err;
    }
  };

  async function resolve(policyId: string): Promise<ResolvedSla | null> {
    const [policy] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, policyId));
    if (!policy) return null;
    const calendar = await calendarRow(policy.calendarId);
    return {
      policyId,
      targets: policy.targets as ResolvedSla['targets'],
      warnPercent: policy.warnPercent,
      pauseStatuses: policy.pauseStatuses,
      escalation: policy.escalation,
      time: businessTimeOf(compileCalendar(specOf(calendar), 'calendar')),
    };
  }

  return {
    listCalendars: async () =>
      (await db.select().from(slaCalendars).orderBy(asc(slaCalendars.name))).map(presentCalendar),
    getCalendar: async (id: string) => presentCalendar(await calendarRow(id)),

    createCalendar(input: CalendarInput) {
      compileCalendar(input, 'body');
      const work = db.transaction(async (tx) => {
        const [row] = await tx
          .insert(slaCalendars)
          .values({
            name: input.name,
            timeZone: input.timezone,
            hours: input.hours as HoursJson,
            holidays: input.holidays,
            always: input.always,
          })
          .returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'sla_calendar',
          entityId: row!.id,
          changes: input,
        });
        return presentCalendar(row!);
      });
      return named(work, 'calendar');
    },

    updateCalendar(id: string, patch: CalendarPatchInput) {
      const work = db.transaction(async (tx) => {
        const [before] = await tx.select().from(slaCalendars).where(eq(slaCalendars.id, id)).for('update');
        if (!before) throw notFound('SLA_CALENDAR_NOT_FOUND', 'SLA calendar', id);
        const next = { ...specOf(before), ...patch };
        compileCalendar(next, 'body');
        const set = {
          name: patch.name ?? before.name,
          timeZone: next.timezone,
          hours: next.hours as HoursJson,
          holidays: next.holidays,
          always: next.always,
        };
        const [row] = await tx
          .update(slaCalendars)
          .set({ ...set, updatedAt: new Date() })
          .where(eq(slaCalendars.id, id))
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: 'sla_calendar',
          entityId: id,
          changes: diff(before, set),
        });
        forget();
        return presentCalendar(row!);
      });
      return named(work, 'calendar');
    },

    /** Merges an iCalendar file's all-day events into a calendar's holidays; says what it skipped. */
    async importHolidays(id: string, input: HolidayImportInput) {
      let parsed: ReturnType<typeof holidaysFromICalendar>;
      try {
        parsed = holidaysFromICalendar(input.ics, { fromYear: input.fromYear, toYear: input.toYear });
      } catch (err) {
        if (!(err instanceof CalendarValidationError)) throw err;
        throw new AppError(
          'VALIDATION_FAILED',
          err.message,
          err.fields.map((f) => ({ field: 'body.ics', message: f.message, code: f.code })),
        );
      }
      const before = await calendarRow(id);
      const merged = [...new Set([...before.holidays, ...parsed.holidays])].sort();
      const added = merged.length - before.holidays.length;
      const calendar = await this.updateCalendar(id, { holidays: merged });
      return { calendar, added, skipped: parsed.skipped };
    },

    preview(spec: CalendarSpecInput, input: PreviewInput) {
      return preview(compileCalendar(spec, 'body.calendar'), input);
    },
    async previewSaved(id: string, input: PreviewInput) {
      return preview(compileCalendar(specOf(await calendarRow(id)), 'calendar'), input);
    },

    listPolicies: async () =>
      (await db.select().from(slaPolicies).orderBy(asc(slaPolicies.name))).map(presentPolicy),
    getPolicy: async (id: string) => presentPolicy(await policyRow(id)),

    async createPolicy(input: PolicyInput) {
      await checkPolicy(input);
      const work = db.transaction(async (tx) => {
        const [row] = await tx.insert(slaPolicies).values(input).returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'sla_policy',
          entityId: row!.id,
          changes: input,
        });
        return presentPolicy(row!);
      });
      return named(work, 'policy');
    },

    async updatePolicy(id: string, patch: PolicyPatchInput) {
      await checkPolicy(patch);
      const work = db.transaction(async (tx) => {
        const [before] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, id)).for('update');
        if (!before) throw notFound('SLA_POLICY_NOT_FOUND', 'SLA policy', id);
        const [row] = await tx
          .update(slaPolicies)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(slaPolicies.id, id))
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: 'sla_policy',
          entityId: id,
          changes: diff(before, patch),
        });
        forget();
        return presentPolicy(row!);
      });
      return named(work, 'policy');
    },

    kindDefaults: (): Promise<Record<string, string>> => defaultsCache.get(null),

    async setKindDefaults(defaults: Record<string, string | null>) {
      return db.transaction(async (tx) => {
        for (const [kind, policyId] of Object.entries(defaults)) {
          if (policyId === null) await tx.delete(slaKindDefaults).where(eq(slaKindDefaults.kind, kind));
          else {
            const [p] = await tx
              .select({ id: slaPolicies.id })
              .from(slaPolicies)
              .where(eq(slaPolicies.id, policyId));
            if (!p)
              throw new AppError('UNPROCESSABLE', `There is no SLA policy ${policyId}.`, [
                { field: `body.${kind}`, message: 'is not an SLA policy' },
              ]);
            await tx
              .insert(slaKindDefaults)
              .values({ kind, policyId })
              .onConflictDoUpdate({ target: slaKindDefaults.kind, set: { policyId } });
          }
        }
        await recordAudit(tx, { action: 'update', entityType: 'sla_kind_defaults', changes: defaults });
        forget();
        const rows = await tx.select().from(slaKindDefaults);
        return Object.fromEntries(rows.map((r) => [r.kind, r.policyId]));
      });
    },

    priorityMatrix: (): Promise<PriorityMatrix> => matrixCache.get(null),

    async setPriorityMatrix(matrix: PriorityMatrix) {
      const inversions = matrixInversions(matrix);
      if (inversions.length)
        throw new AppError(
          'UNPROCESSABLE',
          `The matrix ranks less above more: ${inversions.join('; ')}.`,
          inversions.map((message) => ({ field: 'body', message })),
        );
      return db.transaction(async (tx) => {
        await tx.update(slaSettings).set({ priorityMatrix: matrix }).where(eq(slaSettings.id, 1));
        await recordAudit(tx, { action: 'update', entityType: 'priority_matrix', changes: matrix });
        forget();
        return matrix;
      });
    },

    async priorityFor(impact: Level, urgency: Level) {
      return priorityOf(await this.priorityMatrix(), impact, urgency);
    },

    /** A policy compiled for clocks, cached briefly; null when it does not exist. */
    resolved: (policyId: string): Promise<ResolvedSla | null> => resolvedCache.get(policyId),
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
