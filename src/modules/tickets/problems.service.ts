/**
 * Problem records: the one root cause behind repeated incidents. Incidents link to a problem; once
 * the cause is fixed, resolving the problem can resolve every incident still open under it, each
 * through the ticket service so its clocks, history and notifications follow the usual path.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import { staffScope } from '../../platform/auth/principal.js';
import { currentContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { ticketReference } from './tickets.presenters.js';
import type { TicketsService } from './tickets.service.js';
import { problems, ticketEvents, tickets } from './tickets.tables.js';

type ProblemRow = typeof problems.$inferSelect;
export type ProblemInput = { title: string; rootCause: string; workaround: string; ticketIds: string[] };
export type ProblemPatch = Partial<Pick<ProblemRow, 'title' | 'rootCause' | 'workaround'>> & {
  status?: 'open' | 'known_error';
};

const present = (p: ProblemRow, linked: (typeof tickets.$inferSelect)[]) => ({
  id: p.id,
  title: p.title,
  rootCause: p.rootCause,
  workaround: p.workaround,
  status: p.status,
  resolvedAt: p.resolvedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  incidents: linked.map((t) => ({
    id: t.id,
    reference: ticketReference(t.number),
    subject: t.subject,
    clientId: t.clientId,
    status: t.status,
    resolved: t.resolvedAt !== null,
  })),
});

export function createProblemsService(db: Db, ticketsService: TicketsService) {
  async function load(id: string) {
    const [row] = await db.select().from(problems).where(eq(problems.id, id));
    if (!row) throw notFound('PROBLEM_NOT_FOUND', 'Problem', id);
    return row;
  }
  const incidentsOf = (id: string) =>
    db.select().from(tickets).where(eq(tickets.problemId, id)).orderBy(asc(tickets.number));

  async function checkTickets(ticketIds: string[]) {
    if (!ticketIds.length) return;
    const found = await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ticketIds));
    const missing = ticketIds.filter((t) => !found.some((f) => f.id === t));
    if (missing.length)
      throw new AppError('UNPROCESSABLE', `No such tickets: ${missing.join(', ')}.`, [
        { field: 'body.ticketIds', message: `unknown tickets: ${missing.join(', ')}` },
      ]);
  }

  return {
    async list(status?: ProblemRow['status']) {
      const where: SQL | undefined = status ? eq(problems.status, status) : undefined;
      const rows = await db.select().from(problems).where(where).orderBy(desc(problems.createdAt)).limit(500);
      const linked = rows.length
        ? await db
            .select()
            .from(tickets)
            .where(
              inArray(
                tickets.problemId,
                rows.map((r) => r.id),
              ),
            )
        : [];
      return rows.map((r) =>
        present(
          r,
          linked.filter((t) => t.problemId === r.id),
        ),
      );
    },

    async get(id: string) {
      return present(await load(id), await incidentsOf(id));
    },

    async create(input: ProblemInput) {
      await checkTickets(input.ticketIds);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(problems)
          .values({ title: input.title, rootCause: input.rootCause, workaround: input.workaround })
          .returning();
        if (input.ticketIds.length)
          await tx.update(tickets).set({ problemId: row!.id }).where(inArray(tickets.id, input.ticketIds));
        await recordAudit(tx, { action: 'create', entityType: 'problem', entityId: row!.id, changes: input });
        return row!.id;
      });
      return this.get(id);
    },

    async update(id: string, patch: ProblemPatch) {
      const before = await load(id);
      if (before.status === 'resolved')
        throw new AppError('CONFLICT', 'This problem is resolved; open a new one.');
      await db.transaction(async (tx) => {
        await tx
          .update(problems)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(problems.id, id));
        await recordAudit(tx, {
          action: 'update',
          entityType: 'problem',
          entityId: id,
          changes: diff(before, patch),
        });
      });
      return this.get(id);
    },

    async setLinks(id: string, add: string[], remove: string[]) {
      await load(id);
      await checkTickets(add);
      await db.transaction(async (tx) => {
        // Each incident's history says it joined or left the problem, as a link made from the ticket does.
        const actorUserId = currentContext()?.principal?.userId ?? null;
        const moved = await tx
          .select({ id: tickets.id, problemId: tickets.problemId })
          .from(tickets)
          .where(inArray(tickets.id, [...add, ...remove]));
        const events = moved.flatMap((t) => {
          const to = add.includes(t.id) ? id : t.problemId === id ? null : t.problemId;
          return to === t.problemId
            ? []
            : [
                {
                  ticketId: t.id,
                  kind: 'problemId',
                  byStaff: true,
                  actorUserId,
                  data: { from: t.problemId, to },
                },
              ];
        });
        if (events.length) await tx.insert(ticketEvents).values(events);
        if (add.length) await tx.update(tickets).set({ problemId: id }).where(inArray(tickets.id, add));
        if (remove.length)
          await tx
            .update(tickets)
            .set({ problemId: null })
            .where(and(inArray(tickets.id, remove), eq(tickets.problemId, id)));
        await recordAudit(tx, {
          action: 'link',
          entityType: 'problem',
          entityId: id,
          changes: { add, remove },
        });
      });
      return this.get(id);
    },

    /** Resolves the problem; with `resolveIncidents`, every linked incident still open too. */
    async resolve(id: string, opts: { resolveIncidents: boolean; note: string | null }) {
      const before = await load(id);
      if (before.status === 'resolved') throw new AppError('CONFLICT', 'This problem is already resolved.');
      await db.transaction(async (tx) => {
        await tx
          .update(problems)
          .set({ status: 'resolved', resolvedAt: new Date(), updatedAt: new Date() })
          .where(eq(problems.id, id));
        await recordAudit(tx, { action: 'resolve', entityType: 'problem', entityId: id, changes: opts });
      });
      const open = opts.resolveIncidents
        ? await db
            .select()
            .from(tickets)
            .where(and(eq(tickets.problemId, id), isNull(tickets.resolvedAt)))
        : [];
      const failed: string[] = [];
      for (const t of open) {
        try {
          if (opts.note)
            await ticketsService.reply(staffScope, t.id, {
              body: opts.note,
              public: true,
              status: 'resolved',
            });
          else await ticketsService.update(staffScope, t.id, { status: 'resolved' });
        } catch (err) {
          // A ticket the workflow will not move (e.g. closed and locked) stays as it is; say which.
          if (!(err instanceof AppError)) throw err;
          failed.push(ticketReference(t.number));
        }
      }
      return { ...(await this.get(id)), notResolved: failed };
    },
  };
}

export type ProblemsService = ReturnType<typeof createProblemsService>;
