/**
 * Carries out lifecycle decisions: the alert rows, the events, the ticket link and the ticket work
 * (outbox rows for the ticket job) each decision calls for, collected in memory while a batch is
 * decided and written in a few statements at its end, inside the caller's transaction (which holds
 * the fingerprints' locks).
 *
 * Repeats are added to the ticket as a note at most once per `noteEveryMinutes` (the count and last
 * seen are always kept on the alert): a check that fires every minute for a day would otherwise
 * bury its ticket under 1,440 notes.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { AlertEvent, LifecycleDecision } from '../../domain/monitoring/index.js';
import { type AuditEntry, auditInsertOf, markAudited } from '../../platform/audit/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { newId } from '../../platform/db/columns.js';
import { rawRows, recordsetInsert } from '../../platform/db/recordset.js';
import type { DbOrTx } from '../../platform/db/store.js';
import {
  type AlertRow,
  type AlertState,
  type AlertWrite,
  type Current,
  keyOf,
  recordOfRow,
  type TicketLink,
  type Version,
  withRecord,
  writeAlertStates,
} from './alerts.records.js';
import { alertActions, alertEvents, alerts, alertTickets } from './alerts.tables.js';

type EventRow = typeof alertEvents.$inferInsert;
type ActionRow = Omit<typeof alertActions.$inferInsert, 'id'>;
type ActionKind = ActionRow['kind'];

/** One fingerprint while a batch is decided: its latest alert and ticket link as they now stand. */
export type Working = { key: string; current: Current | null };

export type Placement = { clientId: string | null; assetId: string | null; reason: string | null };

/** Alerts another writer changed since the versions a batch was decided on: nothing was written. */
export class StaleState extends Error {
  constructor(readonly alertIds: string[]) {
    super(`${alertIds.length} alerts changed meanwhile`);
  }
}

export class AlertWrites {
  private readonly created = new Map<string, AlertRow>();
  private readonly updated = new Map<string, AlertWrite>();
  /** Each existing alert's state as stored, before this batch's first decision on it. */
  private readonly stored = new Map<string, AlertState>();
  /** The versions decisions on these alerts were made on, when not read under the lock. */
  private readonly expected = new Map<string, Version>();
  /** The new version (xmin) of each alert row written or found unchanged, once flushed. */
  readonly versions = new Map<string, string>();
  private readonly newLinks = new Map<string, TicketLink>();
  private readonly changedLinks = new Map<string, TicketLink>();
  private readonly events: EventRow[] = [];
  private readonly actions: ActionRow[] = [];
  private readonly audits: { ctx: RequestContext | undefined; entry: AuditEntry }[] = [];
  /** Alerts with ticket work to do once this commits. */
  readonly kicked = new Set<string>();
  /** Alerts whose rows were merged into another process's alert by the unique index (see flush). */
  merged = 0;

  constructor(private readonly noteEveryMs: number) {}

  /** Decisions on this alert are made on a state held in memory at `version`: flush checks it. */
  expect(alertId: string, version: Version) {
    this.expected.set(alertId, version);
  }

  /** Whether the batch wrote the alert's ticket link (its version is then unknown here). */
  linkWritten(alertId: string): boolean {
    return this.newLinks.has(alertId) || this.changedLinks.has(alertId);
  }

  private touch(row: AlertState) {
    if (!this.created.has(row.id) && !this.stored.has(row.id)) this.stored.set(row.id, row);
  }

  /**
   * Keeps the new state of an alert for the flush. `extra` holds what else changed; a column left
   * out (or null) keeps what an earlier decision of this batch, or the store, has.
   */
  private keep(state: AlertState, now: Date, reasons: string[] | null, extra: Partial<AlertWrite> = {}) {
    const created = this.created.get(state.id);
    if (created) {
      const given = Object.fromEntries(
        Object.entries(extra).filter(([, v]) => v !== null && v !== undefined),
      );
      this.created.set(state.id, {
        ...created,
        ...state,
        ...given,
        reasons: reasons ?? created.reasons,
        updatedAt: now,
      });
      return;
    }
    const before = this.updated.get(state.id);
    this.updated.set(state.id, {
      ...state,
      reasons: reasons ?? before?.reasons ?? [],
      updatedAt: now,
      mappingReason: extra.mappingReason ?? before?.mappingReason ?? null,
      labels: extra.labels ?? before?.labels ?? null,
      identity: extra.identity ?? before?.identity ?? null,
      description: extra.description ?? before?.description ?? null,
      url: extra.url ?? before?.url ?? null,
    });
  }

  /** Places an alert with a client outside a decision (a mapping by hand). */
  place(
    w: Working,
    placement: { clientId: string; assetId: string | null; reason: string },
    reasons: string[],
    now: Date,
  ) {
    this.touch(w.current!.row);
    const row = { ...w.current!.row, clientId: placement.clientId, assetId: placement.assetId };
    w.current = { row, link: w.current!.link };
    this.keep(row, now, reasons, { mappingReason: placement.reason });
  }

  private setLink(w: Working, link: TicketLink) {
    w.current = { row: w.current!.row, link };
    if (this.newLinks.has(link.alertId)) this.newLinks.set(link.alertId, link);
    else this.changedLinks.set(link.alertId, link);
  }

  /** Asks for a ticket at `priority`: a pending link and the job's first action. */
  openTicket(w: Working, priority: TicketLink['priority'], ruleId: string | null, note: string, now: Date) {
    const row = w.current!.row;
    if (w.current!.link) return;
    const link: TicketLink = {
      alertId: row.id,
      ticketId: null,
      priority,
      ruleId,
      state: 'pending',
      resolvedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    w.current = { row, link };
    this.newLinks.set(row.id, link);
    this.action(row.id, 'open', note, now);
  }

  private action(alertId: string, kind: ActionKind, note: string, now: Date) {
    this.actions.push({ alertId, kind, note, createdAt: now, doneAt: null, outcome: null, attempts: 0 });
    this.kicked.add(alertId);
  }

  /**
   * Applies one decision to the working state. `event` is the event decided on (null for the
   * flap-settling job); `placement` the mapping's client and asset for a new alert.
   */
  apply(
    w: Working,
    d: LifecycleDecision,
    event: AlertEvent | null,
    placement: Placement,
    now: Date,
    integration = w.current?.row.integration ?? '',
  ) {
    if (d.write === 'create' && event) {
      const row: AlertRow = withRecord(
        {
          id: newId(),
          integration,
          source: event.source,
          fingerprint: event.fingerprint,
          mappingReason: placement.reason ?? '',
          description: event.description,
          url: event.url,
          labels: { ...event.labels },
          identity: { ...event.identity },
          lastNotedAt: null,
          reasons: d.reasons,
          createdAt: now,
          updatedAt: now,
        } as AlertRow,
        d.alert!,
      );
      w.current = { row, link: null };
      this.created.set(row.id, row);
    } else if (d.write === 'update') {
      const before = w.current!.row;
      this.touch(before);
      const placed = before.clientId === null && d.alert!.clientId !== null;
      const row = withRecord({ ...before }, d.alert!);
      w.current = { row, link: w.current!.link };
      // A repeat carries the labels and texts the alert already has: only other changes rewrite them.
      const fresh = event && d.outcome !== 'repeat';
      this.keep(row, now, d.reasons, {
        mappingReason: placed ? placement.reason : null,
        labels: fresh ? { ...event.labels } : null,
        identity: fresh ? { ...event.identity } : null,
        description: fresh ? event.description : null,
        url: fresh ? event.url : null,
      });
    }
    if (event) {
      const row = w.current?.row ?? null;
      this.events.push({
        id: newId(),
        alertId: row?.id ?? null,
        integration,
        fingerprint: event.fingerprint,
        status: event.status,
        severity: event.severity,
        summary: event.summary,
        occurredAt: new Date(event.occurredAt),
        receivedAt: now,
        clientId: row?.clientId ?? placement.clientId,
        assetId: row?.assetId ?? placement.assetId,
        outcome: d.outcome,
        silencedBy: d.silencedBy,
        labels: event.labels as Record<string, string>,
        identity: event.identity as Record<string, string>,
      });
    }
    this.ticket(w, d, now);
  }

  private ticket(w: Working, d: LifecycleDecision, now: Date) {
    const t = d.ticket;
    if (t.kind === 'none' || !w.current) return;
    const { row, link } = w.current;
    switch (t.kind) {
      case 'open':
        this.openTicket(w, t.priority, t.ruleId, t.note, now);
        return;
      case 'note': {
        if (!link) return;
        if (d.outcome === 'repeat') {
          const last = row.lastNotedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
          if (now.getTime() - last < this.noteEveryMs) return;
          this.touch(row);
          const noted = { ...row, lastNotedAt: now };
          w.current = { row: noted, link };
          this.keep(noted, now, null);
        }
        this.action(row.id, 'note', t.note, now);
        return;
      }
      case 'resolve':
      case 'review':
      case 'reopen': {
        if (!link) return;
        this.action(row.id, t.kind, t.note, now);
        // What intake expects the ticket to be once the job has run: the next decision reads it.
        const state = t.kind === 'resolve' ? 'resolved' : t.kind === 'review' ? 'review' : 'open';
        this.setLink(w, { ...link, state, resolvedAt: state === 'resolved' ? now : null, updatedAt: now });
        return;
      }
    }
  }

  audit(ctx: RequestContext | undefined, entry: AuditEntry) {
    this.audits.push({ ctx, entry });
  }

  get eventCount() {
    return this.events.length;
  }

  /**
   * Writes everything collected, in the caller's transaction; throws StaleState, having written
   * nothing, when an alert decided on at an expected version has another one now.
   */
  async flush(tx: DbOrTx): Promise<void> {
    if (this.updated.size || this.expected.size) {
      const written = await writeAlertStates(
        tx,
        [...this.updated.values()].map((write) => ({
          write,
          stored: this.stored.get(write.id) ?? null,
          version: this.expected.get(write.id) ?? null,
        })),
        [...this.expected].filter(([id]) => !this.updated.has(id)).map(([id, version]) => ({ id, version })),
      );
      const stale = [...new Set([...this.updated.keys(), ...this.expected.keys()])].filter(
        (id) => !written.has(id),
      );
      if (stale.length) throw new StaleState(stale);
      for (const [id, v] of written) this.versions.set(id, v);
    }
    if (this.created.size) await this.insertAlerts(tx);
    const parts = [
      this.events.length ? eventsInsert(this.events) : null,
      this.actions.length ? recordsetInsert(alertActions, this.actions) : null,
      this.newLinks.size
        ? sql`${recordsetInsert(alertTickets, [...this.newLinks.values()])} on conflict (alert_id) do nothing`
        : null,
      this.changedLinks.size ? linkUpdate([...this.changedLinks.values()]) : null,
    ].filter((p) => p !== null);
    const audit = this.audits.length ? auditInsertOf(this.audits) : null;
    if (!parts.length && !audit) return;
    // One statement: the inserts in data-modifying CTEs, whose foreign keys to the alerts written
    // above are checked as it ends.
    const ctes = parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`);
    const main = audit ?? sql`select 1`;
    await tx.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${main}` : main);
    markAudited(this.audits);
  }

  /**
   * New alerts. The partial unique index allows one live alert per fingerprint: should another
   * writer have committed one meanwhile (the fingerprint lock makes this a backstop, not the rule),
   * the row merges into it — count added, last seen kept — and this batch's events and ticket work
   * follow it.
   */
  private async insertAlerts(tx: DbOrTx) {
    const rows = [...this.created.values()];
    const returned = await rawRows(
      tx,
      sql`insert into alerts (${alertNames}) select ${alertNames}
        from jsonb_populate_recordset(null::alerts, ${JSON.stringify(rows.map((r) => recordOfRow(alerts, r)))}::jsonb)
        on conflict (integration, fingerprint) where status <> 'resolved' do update set
          count = alerts.count + excluded.count,
          last_seen = greatest(alerts.last_seen, excluded.last_seen),
          updated_at = excluded.updated_at
        returning id, integration, fingerprint, xmin::text as v`,
    );
    const sent = new Set(rows.map((r) => r.id));
    for (const r of returned) if (sent.has(String(r.id))) this.versions.set(String(r.id), String(r.v));
    const live = new Map(
      rows.filter((r) => r.status !== 'resolved').map((r) => [keyOf(r.integration, r.fingerprint), r.id]),
    );
    const moved = new Map<string, string>();
    for (const r of returned) {
      const id = String(r.id);
      if (sent.has(id)) continue;
      const mine = live.get(keyOf(String(r.integration), String(r.fingerprint)));
      if (mine) moved.set(mine, id);
    }
    if (!moved.size) return;
    this.merged += moved.size;
    const follow = (id: string | null | undefined) => (id && moved.get(id)) || id;
    for (const e of this.events) e.alertId = follow(e.alertId) ?? null;
    for (const a of this.actions) a.alertId = follow(a.alertId)!;
    for (const [id, link] of [...this.newLinks]) {
      const to = moved.get(id);
      if (to) {
        this.newLinks.delete(id);
        this.newLinks.set(to, { ...link, alertId: to });
      }
    }
    for (const id of [...this.kicked]) {
      const to = moved.get(id);
      if (to) {
        this.kicked.delete(id);
        this.kicked.add(to);
      }
    }
  }
}

const eventColumns = Object.entries(getTableColumns(alertEvents));
const eventNames = sql.raw(eventColumns.map(([, c]) => `"${c.name}"`).join(', '));
/** The events as intake holds them (property names, instants as JSON writes Dates), typed. */
const eventRecord = sql.raw(eventColumns.map(([key, c]) => `"${key}" ${c.getSQLType()}`).join(', '));
const eventValues = sql.raw(eventColumns.map(([key]) => `r."${key}"`).join(', '));
const alertNames = sql.raw(
  Object.values(getTableColumns(alerts))
    .map((c) => `"${c.name}"`)
    .join(', '),
);

/**
 * The events in one INSERT from one JSON parameter (intake writes thousands a second), serialized
 * as they are held: no second object per event. jsonb: the store parses the text once into its
 * binary form and reads each field from that, where json re-parses the text for every record
 * (twice the cost of the whole insert).
 */
function eventsInsert(events: readonly EventRow[]) {
  return sql`insert into alert_events (${eventNames}) select ${eventValues}
    from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as r(${eventRecord})`;
}

function linkUpdate(links: TicketLink[]) {
  const records = links.map((l) => recordOfRow(alertTickets, l));
  return sql`update alert_tickets as t set state = r.state, resolved_at = r.resolved_at, updated_at = r.updated_at
    from jsonb_populate_recordset(null::alert_tickets, ${JSON.stringify(records)}::jsonb) as r
    where t.alert_id = r.alert_id`;
}
