/**
 * The alert rules (ordered, first match decides), the lifecycle policy, and the snapshot of every
 * setting intake reads on each payload — kept briefly in memory, forgotten at once when this
 * process changes one (other processes see the change within `snapshotMs`).
 */
import { eq } from 'drizzle-orm';
import {
  type AlertRule,
  defaultAlertRules,
  defaultLifecyclePolicy,
  type LifecyclePolicy,
  lifecyclePolicyErrors,
  type MaintenanceWindow,
  type MappingRule,
  type MonitoringFieldError,
  type Severity,
  validateAlertRules,
} from '../../domain/monitoring/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ttlCache } from '../../platform/cache.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import type { AlertPorts } from './alerts.ports.js';
import type { AlertRuleInput, AlertSettingsInput } from './alerts.schemas.js';
import { alertMappingRules, alertSettings, maintenanceWindows } from './alerts.tables.js';

export const snapshotMs = 2_000;

export type AlertSettings = {
  rules: AlertRule[];
  policy: LifecyclePolicy;
  noteEveryMinutes: number;
  outageSeverity: Severity;
};

/** Repeats noted at most every 15 minutes; critical alerts are outages. */
export const defaultAlertSettings: AlertSettings = {
  rules: [...defaultAlertRules],
  policy: defaultLifecyclePolicy,
  noteEveryMinutes: 15,
  outageSeverity: 'critical',
};

/** Everything intake reads per payload. */
export type IntakeSnapshot = AlertSettings & {
  mappingRules: MappingRule[];
  windowsByClient: ReadonlyMap<string, MaintenanceWindow[]>;
};

/** A monitoring rule's field errors as the API's: 400 with every path at fault. */
export function invalidInput(detail: string, errors: readonly MonitoringFieldError[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    detail,
    errors.map((e) => ({ field: e.field, message: e.message, code: e.code })),
  );
}

export const unprocessable = (field: string, message: string) =>
  new AppError('UNPROCESSABLE', message, [{ field, message }]);

/** The stored rules and policy, or the defaults while nobody has saved any. */
async function readSettings(db: Db): Promise<AlertSettings> {
  const [row] = await db.select().from(alertSettings).where(eq(alertSettings.id, 1));
  if (!row) return defaultAlertSettings;
  return {
    rules: row.rules,
    policy: row.policy,
    noteEveryMinutes: row.noteEveryMinutes,
    outageSeverity: row.outageSeverity,
  };
}

export function windowOf(row: typeof maintenanceWindows.$inferSelect): MaintenanceWindow {
  return { id: row.id, clientId: row.clientId, assetId: row.assetId, schedule: row.schedule };
}

const identityFields = new Set(['instance', 'host', 'monitor', 'service']);

/** An asset's identity label as the exact, case-blind rule that maps its alerts. */
function identityRule(i: { assetId: string; clientId: string; key: string; value: string }): MappingRule {
  const field = identityFields.has(i.key) ? i.key : `labels.${i.key}`;
  return {
    id: `asset:${i.assetId}:${i.key}`,
    clientId: i.clientId,
    assetId: i.assetId,
    matchers: [{ field, op: '=', value: i.value, ignoreCase: true }],
  };
}

export function createAlertSettings(
  db: Db,
  ports: Pick<AlertPorts, 'clientExists' | 'assetOfClient' | 'assetIdentities'>,
) {
  // Assets change less often than alerts arrive; their identities are read every half minute.
  const assetRules = ttlCache(30_000, async (_: null) => (await ports.assetIdentities()).map(identityRule));
  const snapshot = ttlCache(snapshotMs, async (_: null): Promise<IntakeSnapshot> => {
    const [settings, mapping, windows, fromAssets] = await Promise.all([
      readSettings(db),
      db.select().from(alertMappingRules).orderBy(alertMappingRules.id),
      db.select().from(maintenanceWindows).orderBy(maintenanceWindows.id),
      assetRules.get(null),
    ]);
    const windowsByClient = new Map<string, MaintenanceWindow[]>();
    for (const w of windows) {
      const list = windowsByClient.get(w.clientId) ?? [];
      list.push(windowOf(w));
      windowsByClient.set(w.clientId, list);
    }
    return {
      ...settings,
      mappingRules: [
        ...mapping.map((r) => ({ id: r.id, clientId: r.clientId, assetId: r.assetId, matchers: r.matchers })),
        ...fromAssets,
      ],
      windowsByClient,
    };
  });

  async function save(patch: Partial<AlertSettings>, audit: Record<string, unknown>) {
    const current = await readSettings(db);
    const next = { ...current, ...patch };
    await db.transaction(async (tx) => {
      await tx
        .insert(alertSettings)
        .values({ id: 1, ...next, updatedAt: new Date() })
        .onConflictDoUpdate({ target: alertSettings.id, set: { ...next, updatedAt: new Date() } });
      await recordAudit(tx, { action: 'update', entityType: 'alert_settings', changes: audit });
    });
    snapshot.forget();
    return next;
  }

  /** Rules name clients and assets that exist: a typo would silently never match. */
  async function checkRuleTargets(rules: readonly AlertRuleInput[]) {
    for (const [i, rule] of rules.entries()) {
      for (const [j, clientId] of (rule.clientIds ?? []).entries()) {
        if (!(await ports.clientExists(clientId)))
          throw unprocessable(`body.rules[${i}].clientIds[${j}]`, `no live client ${clientId}`);
      }
    }
  }

  return {
    snapshot: () => snapshot.get(null),
    forgetSnapshot: () => {
      snapshot.forget();
      assetRules.forget();
    },
    read: () => readSettings(db),

    /** Replaces the ordered rules as a whole: their order is what they mean. */
    async putRules(rules: AlertRuleInput[]) {
      const errors = validateAlertRules(rules, 'body.rules');
      if (errors.length) throw invalidInput('The alert rules cannot be applied.', errors);
      await checkRuleTargets(rules);
      return (await save({ rules: rules as AlertRule[] }, { rules: rules.map((r) => r.id) })).rules;
    },

    async putSettings(input: AlertSettingsInput) {
      const policy: LifecyclePolicy = {
        reopenWindowMinutes: input.reopenWindowMinutes,
        flapping: input.flapping,
        unmatched: input.unmatched,
      };
      const errors = lifecyclePolicyErrors(policy, 'body');
      if (errors.length) throw invalidInput('The lifecycle policy cannot be applied.', errors);
      const saved = await save(
        { policy, noteEveryMinutes: input.noteEveryMinutes, outageSeverity: input.outageSeverity },
        { ...input },
      );
      return presentSettings(saved);
    },
  };
}

export function presentSettings(s: AlertSettings) {
  return {
    reopenWindowMinutes: s.policy.reopenWindowMinutes,
    flapping: s.policy.flapping,
    unmatched: s.policy.unmatched,
    noteEveryMinutes: s.noteEveryMinutes,
    outageSeverity: s.outageSeverity,
  };
}

export type AlertSettingsStore = ReturnType<typeof createAlertSettings>;
