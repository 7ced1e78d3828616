/**
 * Alerts as staff see and work them: the list (open, resolved, silenced, triage), one alert with
 * its events, mapping an alert out of triage, and the periodic settling of flapping alerts.
 */
import { and, desc, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decideTicketRule, type Matcher, settleFlapping } from '../../domain/monitoring/index.js';
import { currentContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/store.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type ListQuery, type Page } from '../../platform/http/pagination.js';
import type { AlertPorts } from './alerts.ports.js';
import {
  type AlertRow,
  keyOf,
  latestAlerts,
  linkedTicketOf,
  lockFingerprints,
  recordOf,
  type TicketLink,
} from './alerts.records.js';
import type { AlertListQuery } from './alerts.schemas.js';
import { type AlertSettingsStore, unprocessable } from './alerts.settings.js';
import { alertEvents, alerts, alertTickets } from './alerts.tables.js';
import { AlertWrites, type Working } from './alerts.writer.js';
import type { MappingRulesService } from './mapping-rules.service.js';

export function presentAlert(row: AlertRow, link: TicketLink | null) {
  return {
    id: row.id,
    integration: row.integration,
    source: row.source,
    fingerprint: row.fingerprint,
    status: row.status,
    severity: row.severity,
    summary: row.summary,
    description: row.description,
    url: row.url,
    labels: row.labels,
    identity: row.identity,
    count: row.count,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    firingSince: row.firingSince.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    acknowledged: row.acknowledged,
    silencedBy: row.silencedBy,
    flapping: row.flapping !== null,
    clientId: row.clientId,
    assetId: row.assetId,
    mappingReason: row.mappingReason,
    ticketId: link?.ticketId ?? null,
    ticketState: link?.state ?? ('none' as const),
    reasons: row.reasons,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type Alert = ReturnType<typeof presentAlert>;

const Cursor = z.tuple([z.string().max(40), z.uuid()]);

/** The identity an alert is best known by, as the exact matcher a mapping rule needs. */
function identityMatcher(row: AlertRow): Matcher | null {
  for (const field of ['host', 'instance', 'monitor', 'service'] as const) {
    const value = row.identity[field];
    if (value) return { field, op: '=', value };
  }
  return null;
}

export function createAlertsService(deps: {
  db: Db;
  ports: Pick<AlertPorts, 'clientExists' | 'assetOfClient' | 'tickets'>;
  settings: AlertSettingsStore;
  mappingRules: MappingRulesService;
  kick: (alertIds: string[]) => void;
}) {
  const { db, settings } = deps;

  async function find(id: string): Promise<{ row: AlertRow; link: TicketLink | null }> {
    const [found] = await db
      .select({ row: alerts, link: alertTickets })
      .from(alerts)
      .leftJoin(alertTickets, eq(alertTickets.alertId, alerts.id))
      .where(eq(alerts.id, id));
    if (!found) throw notFound('NOT_FOUND', 'Alert', id);
    return found;
  }

  return {
    async list(query: AlertListQuery): Promise<Page<Alert>> {
      const where: (SQL | undefined)[] = [];
      if (query.status) where.push(eq(alerts.status, query.status));
      if (query.client_id) where.push(eq(alerts.clientId, query.client_id));
      if (query.triage === true) where.push(isNull(alerts.clientId));
      if (query.triage === false) where.push(sql`${alerts.clientId} is not null`);
      if (query.fingerprint) where.push(eq(alerts.fingerprint, query.fingerprint));
      if (query.source) where.push(eq(alerts.source, query.source));
      if (query.updated_since) where.push(gte(alerts.updatedAt, new Date(query.updated_since)));
      if (query.cursor) {
        const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
        where.push(sql`${alerts.id} < ${id}::uuid`);
      }
      const rows = await db
        .select({ row: alerts, link: alertTickets })
        .from(alerts)
        .leftJoin(alertTickets, eq(alertTickets.alertId, alerts.id))
        .where(and(...where))
        .orderBy(desc(alerts.id))
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items.at(-1)?.row;
      return {
        items: items.map((r) => presentAlert(r.row, r.link)),
        nextCursor: more && last ? encodeCursor([last.id]) : null,
      };
    },

    async get(id: string): Promise<Alert> {
      const { row, link } = await find(id);
      return presentAlert(row, link);
    },

    /** The alert's events, newest first. */
    async events(id: string, query: Pick<ListQuery, 'limit' | 'cursor'>) {
      await find(id);
      const where: (SQL | undefined)[] = [eq(alertEvents.alertId, id)];
      if (query.cursor) {
        const [receivedAt, eventId] = decodeCursor(query.cursor, Cursor);
        where.push(
          sql`(${alertEvents.receivedAt}, ${alertEvents.id}) < (${new Date(receivedAt)}, ${eventId}::uuid)`,
        );
      }
      const rows = await db
        .select()
        .from(alertEvents)
        .where(and(...where))
        .orderBy(desc(alertEvents.receivedAt), desc(alertEvents.id))
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items.at(-1);
      return {
        items: items.map((e) => ({
          id: e.id,
          status: e.status,
          severity: e.severity,
          summary: e.summary,
          occurredAt: e.occurredAt.toISOString(),
          receivedAt: e.receivedAt.toISOString(),
          outcome: e.outcome,
          silencedBy: e.silencedBy,
          labels: e.labels,
        })),
        nextCursor: more && last ? encodeCursor([last.receivedAt.toISOString(), last.id]) : null,
      };
    },

    /**
     * Places an alert with a client (and asset) by hand — out of triage, or corrected. Its events
     * follow it (availability counts them for that client); a live alert without a ticket asks the
     * rules again; a triage ticket moves to the client. `createRule` also adds a mapping rule on
     * the alert's identity, so the next alerts from it map by themselves.
     */
    async map(
      id: string,
      input: { clientId: string; assetId: string | null; createRule: boolean },
      now = new Date(),
    ) {
      if (!(await deps.ports.clientExists(input.clientId)))
        throw unprocessable('body.clientId', `no live client ${input.clientId}`);
      if (input.assetId && !(await deps.ports.assetOfClient(input.clientId, input.assetId)))
        throw unprocessable('body.assetId', 'is not an asset of this client');
      const { row: first } = await find(id);
      const matcher = input.createRule ? identityMatcher(first) : null;
      if (input.createRule && !matcher)
        throw unprocessable(
          'body.createRule',
          'the alert carries no host, instance, monitor or service to map by',
        );
      const snap = await settings.snapshot();
      const writes = new AlertWrites(snap.noteEveryMinutes * 60_000);
      const result = await db.transaction(async (tx) => {
        await lockFingerprints(tx, [keyOf(first.integration, first.fingerprint)]);
        const [found] = await tx
          .select({ row: alerts, link: alertTickets })
          .from(alerts)
          .leftJoin(alertTickets, eq(alertTickets.alertId, alerts.id))
          .where(eq(alerts.id, id));
        const { row, link } = found!;
        const w: Working = { key: keyOf(row.integration, row.fingerprint), current: { row, link } };
        const reason = `mapped by hand to client ${input.clientId}${input.assetId ? `, asset ${input.assetId}` : ''}`;
        const reasons = [reason];
        writes.place(w, { clientId: input.clientId, assetId: input.assetId, reason }, reasons, now);
        if (row.status !== 'resolved' && !link) {
          const verdict = decideTicketRule(
            snap.rules,
            { ...row, clientId: input.clientId, assetId: input.assetId },
            snap.policy.unmatched,
          );
          reasons.push(verdict.reason);
          if (verdict.action.ticket)
            writes.openTicket(
              w,
              verdict.action.priority,
              verdict.ruleId,
              `Alert mapped to its client: ${row.summary ?? row.fingerprint}`,
              now,
            );
        }
        writes.audit(currentContext(), {
          action: 'map',
          entityType: 'alert',
          entityId: id,
          clientId: input.clientId,
          changes: { clientId: [row.clientId, input.clientId], assetId: [row.assetId, input.assetId] },
        });
        await writes.flush(tx);
        await tx
          .update(alertEvents)
          .set({ clientId: input.clientId, assetId: input.assetId })
          .where(eq(alertEvents.alertId, id));
        return { ticketId: link?.ticketId ?? null, clientBefore: row.clientId };
      });
      if (writes.kicked.size) deps.kick([...writes.kicked]);
      if (result.ticketId && result.clientBefore !== input.clientId)
        await deps.ports.tickets.setClient(result.ticketId, input.clientId);
      if (matcher)
        await deps.mappingRules.create({
          clientId: input.clientId,
          assetId: input.assetId,
          matchers: [matcher],
          description: `From alert ${first.summary ?? first.fingerprint}`,
        });
      const { row, link } = await find(id);
      return presentAlert(row, link);
    },

    /** Flapping alerts quiet for the flap window get their last state applied once. */
    async settleFlapping(now = Date.now()): Promise<number> {
      const flapping = await db
        .select({ integration: alerts.integration, fingerprint: alerts.fingerprint })
        .from(alerts)
        .where(sql`${alerts.flapping} is not null`)
        .limit(500);
      if (!flapping.length) return 0;
      const snap = await settings.snapshot();
      const writes = new AlertWrites(snap.noteEveryMinutes * 60_000);
      let settled = 0;
      await db.transaction(async (tx) => {
        const keys = flapping.map((f) => keyOf(f.integration, f.fingerprint));
        await lockFingerprints(tx, keys);
        const latest = await latestAlerts(tx, flapping);
        for (const [key, { current }] of latest) {
          if (!current.row.flapping) continue;
          const d = settleFlapping(recordOf(current.row), linkedTicketOf(current.link), now, snap.policy);
          if (!d) continue;
          const w: Working = { key, current };
          writes.apply(
            w,
            d,
            null,
            { clientId: current.row.clientId, assetId: current.row.assetId, reason: null },
            new Date(now),
          );
          settled++;
        }
        await writes.flush(tx);
      });
      if (writes.kicked.size) deps.kick([...writes.kicked]);
      return settled;
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
