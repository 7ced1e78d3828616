/**
 * Customer satisfaction: when a ticket with a client is resolved, a survey opens with a one-click
 * token (sent by mail; the portal rates without one). Only the token's hash is stored. Results per
 * client and per technician: responses, average rating and the share of satisfied answers (4–5).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import type { TicketRow } from './ticket-clocks.js';
import { ticketReference } from './tickets.presenters.js';
import { findTicket } from './tickets.queries.js';
import { csatSurveys, tickets } from './tickets.tables.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
export type Rating = { rating: number; comment: string | null };
const notFoundSurvey = () =>
  new AppError('NOT_FOUND', 'There is no survey for this link, or it has expired.');

export function createCsatService(db: Db) {
  async function answer(where: ReturnType<typeof eq>, ticketId: string, clientId: string, input: Rating) {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(csatSurveys)
        .set({ rating: input.rating, comment: input.comment, answeredAt: new Date() })
        .where(where)
        .returning();
      if (!row) throw notFoundSurvey();
      await recordAudit(tx, {
        action: 'rate',
        entityType: 'ticket',
        entityId: ticketId,
        clientId,
        changes: { ...input },
      });
      return {
        ticketId,
        rating: row.rating!,
        comment: row.comment,
        answeredAt: row.answeredAt!.toISOString(),
      };
    });
  }

  return {
    /** Opens the survey of a resolved ticket and returns its one-click token; null when one exists. */
    async open(ticket: TicketRow): Promise<string | null> {
      if (!ticket.clientId) return null;
      const token = randomBytes(24).toString('base64url');
      const inserted = await db
        .insert(csatSurveys)
        .values({
          ticketId: ticket.id,
          clientId: ticket.clientId,
          technicianId: ticket.assigneeId,
          tokenHash: hash(token),
        })
        .onConflictDoNothing()
        .returning();
      return inserted.length ? token : null;
    },

    /** What the one-click page shows before the rating is sent. */
    async byToken(token: string) {
      const [row] = await db
        .select({ survey: csatSurveys, number: tickets.number, subject: tickets.subject })
        .from(csatSurveys)
        .innerJoin(tickets, eq(tickets.id, csatSurveys.ticketId))
        .where(eq(csatSurveys.tokenHash, hash(token)));
      if (!row) throw notFoundSurvey();
      return {
        reference: ticketReference(row.number),
        subject: row.subject,
        rating: row.survey.rating,
        comment: row.survey.comment,
      };
    },

    async answerByToken(token: string, input: Rating) {
      const [row] = await db
        .select()
        .from(csatSurveys)
        .where(eq(csatSurveys.tokenHash, hash(token)));
      if (!row) throw notFoundSurvey();
      return answer(eq(csatSurveys.ticketId, row.ticketId), row.ticketId, row.clientId, input);
    },

    /** A portal user rates one of their client's resolved tickets. */
    async answerInPortal(scope: AccessScope, ticketId: string, input: Rating) {
      const ticket = await findTicket(db, scope, ticketId);
      if (!ticket.resolvedAt || !ticket.clientId)
        throw new AppError('CONFLICT', 'Only a resolved ticket can be rated.');
      return answer(eq(csatSurveys.ticketId, ticketId), ticketId, ticket.clientId, input);
    },

    /** The rating of one ticket, if its survey was answered; null otherwise. */
    async ofTicket(scope: AccessScope, ticketId: string) {
      await findTicket(db, scope, ticketId);
      const [row] = await db.select().from(csatSurveys).where(eq(csatSurveys.ticketId, ticketId));
      if (!row?.answeredAt) return { ticketId, rating: null, comment: null, answeredAt: null };
      return { ticketId, rating: row.rating, comment: row.comment, answeredAt: row.answeredAt.toISOString() };
    },

    async results(range: { from: string; to: string }) {
      const answered = and(
        isNotNull(csatSurveys.answeredAt),
        gte(csatSurveys.answeredAt, new Date(range.from)),
        lt(csatSurveys.answeredAt, new Date(range.to)),
      );
      const figures = {
        responses: sql<number>`count(*)::int`,
        average: sql<number>`round(avg(${csatSurveys.rating})::numeric, 2)::float`,
        satisfied: sql<number>`round(avg(case when ${csatSurveys.rating} >= 4 then 1.0 else 0 end)::numeric, 3)::float`,
      };
      const [overall, surveysSent, byClient, byTechnician] = await Promise.all([
        db.select(figures).from(csatSurveys).where(answered),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(csatSurveys)
          .where(
            and(gte(csatSurveys.sentAt, new Date(range.from)), lt(csatSurveys.sentAt, new Date(range.to))),
          ),
        db
          .select({ clientId: csatSurveys.clientId, ...figures })
          .from(csatSurveys)
          .where(answered)
          .groupBy(csatSurveys.clientId),
        db
          .select({ technicianId: csatSurveys.technicianId, ...figures })
          .from(csatSurveys)
          .where(answered)
          .groupBy(csatSurveys.technicianId),
      ]);
      return { ...range, sent: surveysSent[0]!.n, overall: overall[0]!, byClient, byTechnician };
    },
  };
}

export type CsatService = ReturnType<typeof createCsatService>;
