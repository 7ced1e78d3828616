/**
 * Durable intake: parsed events are mapped, decided and stored, and the receiver answers only once
 * their transaction has committed. Payloads arriving together are group-committed: one transaction
 * takes the locks of every fingerprint they touch (in one order, so writers never wait on each
 * other in a cycle), reads the latest alert of each (unless it holds it in memory, checked by row
 * version as it writes), runs every event through the lifecycle rules in arrival order, and writes
 * alerts, events, ticket links and the ticket job's work in a few statements. The helpdesk is not touched here: tickets are the job's (alerts.tickets.ts), so
 * intake keeps its pace while the ticket side is slow or down.
 */
import {
  type AlertEvent,
  type AlertSource,
  decideAlert,
  type Identity,
  type Mapping,
  mapAlert,
} from '../../domain/monitoring/index.js';
import { ttlCache } from '../../platform/cache.js';
import { currentContext, type RequestContext } from '../../platform/context.js';
import { createBatcher } from '../../platform/db/batcher.js';
import { sqlState } from '../../platform/db/errors.js';
import type { Db } from '../../platform/db/store.js';
import type { AlertPorts } from './alerts.ports.js';
import {
  type Known,
  keyOf,
  latestAlerts,
  linkedTicketOf,
  lockFingerprints,
  recordOf,
} from './alerts.records.js';
import type { AlertSettingsStore, IntakeSnapshot } from './alerts.settings.js';
import { AlertWrites, type Placement, StaleState, type Working } from './alerts.writer.js';

export type IntakeBatch = {
  /** `alertmanager`, or `alertmanager:<name>` for one of several instances. */
  integration: string;
  source: AlertSource;
  events: readonly AlertEvent[];
  receivedAt: number;
};

export type IntakeResult = { accepted: number; outcomes: Record<string, number> };

type Queued = IntakeBatch & { ctx: RequestContext | undefined; placements: Mapping[] };

/** A deadlock or serialization failure: the batch is retried as a whole (nothing was kept). */
const retryable = (err: unknown) => ['40P01', '40001'].includes(sqlState(err) ?? '');

const identityKey = (identity: Identity) => JSON.stringify(identity);

/** Live alerts whose state intake holds in memory: enough for every alert a large estate has firing. */
const knownLimit = 20_000;

export function createIntake(deps: {
  db: Db;
  ports: Pick<AlertPorts, 'findAssetByIdentity'>;
  settings: AlertSettingsStore;
  /** Called after commit with the alerts that have ticket work waiting. */
  kick: (alertIds: string[]) => void;
  /**
   * The store runs one transaction at a time (PGlite's single connection): no other writer can
   * interleave, so the fingerprint locks would only cost a statement.
   */
  serialized?: boolean;
}) {
  const { db, settings } = deps;
  // An asset found by host is remembered briefly, a miss as briefly as a hit.
  const byHost = ttlCache(30_000, (key: string) => deps.ports.findAssetByIdentity(JSON.parse(key)));

  /**
   * Mapping rules and assets' identity labels place an event (the most specific rule wins); an
   * event they leave in triage is placed by its host when exactly one asset has that name.
   */
  async function place(events: readonly AlertEvent[], snap: IntakeSnapshot): Promise<Mapping[]> {
    const found = new Map<string, Promise<Mapping>>();
    return Promise.all(
      events.map(async (e) => {
        const mapping = mapAlert(e, snap.mappingRules);
        if (mapping.kind === 'mapped' || !e.identity.host) return mapping;
        const key = identityKey(e.identity);
        let byAsset = found.get(key);
        if (!byAsset) {
          byAsset = byHost.get(key).then(
            (asset): Mapping =>
              asset
                ? {
                    kind: 'mapped',
                    clientId: asset.clientId,
                    assetId: asset.id,
                    ruleId: null,
                    reason: `asset ${asset.id} by its host ${e.identity.host}`,
                  }
                : mapping,
          );
          found.set(key, byAsset);
        }
        return byAsset;
      }),
    );
  }

  /**
   * The live alerts this process last wrote or read, with their row versions, most recently used
   * last: a repeat of one of them is decided on this state, which the batch's write checks against
   * the stored versions (StaleState when another writer changed it: the batch is decided again on
   * what is read), so it costs no read. Resolved alerts are not kept: a new alert of their
   * fingerprint could be written without touching their row.
   */
  const known = new Map<string, Known>();
  const remember = (key: string, k: Known) => {
    known.delete(key);
    known.set(key, k);
    if (known.size > knownLimit) known.delete(known.keys().next().value!);
  };

  async function decideAll(
    items: Queued[],
    snap: IntakeSnapshot,
  ): Promise<{ writes: AlertWrites; results: IntakeResult[] }> {
    const keys = new Map<string, { integration: string; fingerprint: string }>();
    for (const item of items)
      for (const e of item.events)
        keys.set(keyOf(item.integration, e.fingerprint), {
          integration: item.integration,
          fingerprint: e.fingerprint,
        });
    const held = new Map<string, Known>();
    const unknown: { integration: string; fingerprint: string }[] = [];
    for (const [key, k] of keys) {
      const k2 = known.get(key);
      if (k2) held.set(key, k2);
      else unknown.push(k);
    }
    const writes = new AlertWrites(snap.noteEveryMinutes * 60_000);
    const working = new Map<string, Working>();
    let read = new Map<string, Known>();
    const results = await db.transaction(async (tx) => {
      if (!deps.serialized) await lockFingerprints(tx, [...keys.keys()]);
      read = await latestAlerts(tx, unknown);
      for (const key of keys.keys()) {
        const h = held.get(key);
        if (h) writes.expect(h.current.row.id, h.version);
        working.set(key, { key, current: (h ?? read.get(key))?.current ?? null });
      }
      const results = items.map((item) => {
        const now = new Date(item.receivedAt);
        const outcomes: Record<string, number> = {};
        item.events.forEach((event, i) => {
          const w = working.get(keyOf(item.integration, event.fingerprint))!;
          const mapping = item.placements[i]!;
          const current = w.current?.row ?? null;
          const clientId = current?.clientId ?? (mapping.kind === 'mapped' ? mapping.clientId : null);
          const d = decideAlert({
            event,
            mapping,
            current: current && recordOf(current),
            ticket: linkedTicketOf(w.current?.link ?? null),
            rules: snap.rules,
            maintenance: (clientId && snap.windowsByClient.get(clientId)) || [],
            policy: snap.policy,
            now: item.receivedAt,
          });
          const placement: Placement =
            mapping.kind === 'mapped'
              ? { clientId: mapping.clientId, assetId: mapping.assetId, reason: mapping.reason }
              : { clientId: null, assetId: null, reason: mapping.reason };
          writes.apply(w, d, event, placement, now, item.integration);
          outcomes[d.outcome] = (outcomes[d.outcome] ?? 0) + 1;
        });
        writes.audit(item.ctx, {
          action: 'ingest',
          entityType: 'alert_payload',
          changes: { integration: item.integration, events: item.events.length, outcomes },
        });
        return { accepted: item.events.length, outcomes };
      });
      await writes.flush(tx);
      return results;
    });
    // Committed: what was written is now the stored state, at the versions the writes returned.
    for (const [key, w] of working) {
      const row = w.current?.row;
      const alertVersion = row && writes.versions.get(row.id);
      if (!row || row.status === 'resolved' || !alertVersion || writes.linkWritten(row.id)) {
        known.delete(key);
        continue;
      }
      const before = held.get(key) ?? read.get(key);
      const sameAlert = before?.current.row.id === row.id;
      remember(key, {
        current: w.current!,
        version: { alert: alertVersion, link: sameAlert ? before!.version.link : null },
      });
    }
    return { writes, results };
  }

  async function run(items: Queued[]): Promise<IntakeResult[]> {
    const snap = await settings.snapshot();
    for (let attempt = 0; ; attempt++) {
      try {
        const { writes, results } = await decideAll(items, snap);
        if (writes.kicked.size) deps.kick([...writes.kicked]);
        return results;
      } catch (err) {
        // Rolled back: what this process holds of these alerts may be what failed to commit.
        for (const item of items)
          for (const e of item.events) known.delete(keyOf(item.integration, e.fingerprint));
        if (attempt < 3 && (err instanceof StaleState || retryable(err))) continue;
        throw err;
      }
    }
  }

  const write = createBatcher(run, 100);

  return {
    /** Stores the events (after mapping them); resolves once they are committed. */
    async ingest(batch: IntakeBatch): Promise<IntakeResult> {
      const snap = await settings.snapshot();
      const placements = await place(batch.events, snap);
      return write({ ...batch, ctx: currentContext(), placements });
    },
  };
}

export type Intake = ReturnType<typeof createIntake>;
