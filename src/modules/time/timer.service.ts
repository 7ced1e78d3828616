/**
 * A running timer per technician (the table's primary key allows one): started on a ticket, a
 * project or an activity, and stopped into a draft time entry that ends when it stopped.
 */
import { and, eq } from 'drizzle-orm';
import { countedMinutes, maxEntryMinutes } from '../../domain/time/span.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import type { TimePorts } from './time.ports.js';
import { presentEntry, presentTimer } from './time.presenters.js';
import type { StartTimerInput } from './time.schemas.js';
import type { TimeService } from './time.service.js';
import { timeTimers } from './time.tables.js';
import { draftOf, resolveSubject, unprocessable } from './time-entry-draft.js';

const noTimer = () => new AppError('NOT_FOUND', 'You have no running timer.');

export function createTimerService(db: Db, ports: TimePorts, time: Pick<TimeService, 'insertEntry'>) {
  async function find(userId: string) {
    const [row] = await db.select().from(timeTimers).where(eq(timeTimers.userId, userId));
    return row ?? null;
  }

  return {
    async get(userId: string) {
      const row = await find(userId);
      return row ? presentTimer(row) : null;
    },

    async start(userId: string, input: StartTimerInput, now = new Date()) {
      const fields: { field: string; message: string }[] = [];
      const [subject, workTypes] = await Promise.all([
        resolveSubject(
          ports,
          {
            ticketId: input.ticketId ?? null,
            projectRef: input.projectRef ?? null,
            activity: input.activity ?? null,
            clientId: input.clientId ?? null,
            category: input.category ?? null,
          },
          fields,
        ),
        ports.workTypes(),
      ]);
      if (!workTypes.some((w) => w.code === input.workType))
        fields.push({ field: 'body.workType', message: `is not an active work type: ${input.workType}` });
      // A browser's clock a little ahead of the server's is not an error: the timer starts now.
      const given = input.startedAt ? Date.parse(input.startedAt) : now.getTime();
      const startedAt = new Date(Math.min(given, now.getTime()));
      const ran = countedMinutes(startedAt.getTime(), now.getTime());
      if (given > now.getTime() + 60_000)
        fields.push({ field: 'body.startedAt', message: 'is in the future' });
      else if (ran > maxEntryMinutes)
        fields.push({ field: 'body.startedAt', message: `is more than ${maxEntryMinutes / 60} hours ago` });
      if (fields.length) throw unprocessable(fields);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(timeTimers)
            .values({ userId, startedAt, ...subject, workType: input.workType, note: input.note })
            .returning();
          await recordAudit(tx, {
            action: 'start_timer',
            entityType: 'time_timer',
            entityId: userId,
            clientId: row!.clientId,
            changes: { ticketId: row!.ticketId, projectRef: row!.projectRef, activity: row!.activity },
          });
          return presentTimer(row!);
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', 'Your timer is already running: stop it before starting another.');
        throw err;
      }
    },

    /** Stops the timer into a draft entry; the timer stays when the entry cannot be written. */
    async stop(userId: string, now = new Date()) {
      const timer = await find(userId);
      if (!timer) throw noTimer();
      const minutes = countedMinutes(timer.startedAt.getTime(), now.getTime());
      if (minutes < 1 || minutes > maxEntryMinutes)
        throw new AppError(
          'UNPROCESSABLE',
          minutes < 1
            ? 'The timer has run less than a minute: let it run, or discard it.'
            : `The timer has run more than ${maxEntryMinutes / 60} hours: discard it and log the time by hand.`,
        );
      const draft = await draftOf(ports, {
        technicianId: userId,
        ticketId: timer.ticketId,
        projectRef: timer.projectRef,
        activity: timer.activity,
        // A ticket's client is read again: the ticket may have moved while the timer ran.
        clientId: timer.ticketId ? null : timer.clientId,
        category: timer.ticketId ? null : timer.category,
        workType: timer.workType,
        agreementHint: null,
        start: timer.startedAt.getTime(),
        end: now.getTime(),
        durationMinutes: null,
      });
      const row = await db.transaction(async (tx) => {
        const [gone] = await tx
          .delete(timeTimers)
          .where(and(eq(timeTimers.userId, userId), eq(timeTimers.startedAt, timer.startedAt)))
          .returning();
        if (!gone) throw noTimer();
        return time.insertEntry(tx, draft, timer.note, () => null);
      });
      return presentEntry(row);
    },

    async discard(userId: string) {
      await db.transaction(async (tx) => {
        const [gone] = await tx.delete(timeTimers).where(eq(timeTimers.userId, userId)).returning();
        if (!gone) throw noTimer();
        await recordAudit(tx, {
          action: 'discard_timer',
          entityType: 'time_timer',
          entityId: userId,
          clientId: gone.clientId,
          changes: { startedAt: gone.startedAt.toISOString() },
        });
      });
    },
  };
}

export type TimerService = ReturnType<typeof createTimerService>;
