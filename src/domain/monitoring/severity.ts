/**
 * Each tool's severity scale onto Keel's one (critical, high, warning, info). The mapping is a
 * setting: `severityMapping(overrides)` lays a receiver's changes over the defaults below.
 */
import { z } from 'zod';
import { fieldErrorsOf, throwIfAny } from './errors.js';
import { type Severity, severities } from './types.js';

export type SeverityMapping = {
  /** The Alertmanager label, or the Uptime Kuma monitor tag, that carries a severity word. */
  label: string;
  /**
   * Severity words, lower case, as tools write them: Alertmanager `severity` labels (free text by
   * convention), Uptime Kuma severity tags, PagerDuty `payload.severity`. Words are trimmed and
   * lower-cased before lookup.
   */
  names: Readonly<Record<string, Severity>>;
  /** Zabbix {EVENT.NSEVERITY} 0–5: not classified, information, warning, average, high, disaster. */
  zabbix: readonly [Severity, Severity, Severity, Severity, Severity, Severity];
  /** An Uptime Kuma monitor that goes down and carries no severity tag. */
  uptimeKumaDown: Severity;
  /** A firing alert whose severity word is unknown or missing. */
  fallback: Severity;
};

export const defaultSeverityMapping: SeverityMapping = {
  label: 'severity',
  names: {
    // Prometheus and Alertmanager conventions (critical / warning / info, with page and none seen too)
    critical: 'critical',
    crit: 'critical',
    page: 'critical',
    fatal: 'critical',
    emergency: 'critical',
    disaster: 'critical',
    high: 'high',
    major: 'high',
    error: 'high',
    err: 'high',
    warning: 'warning',
    warn: 'warning',
    average: 'warning',
    minor: 'warning',
    medium: 'warning',
    info: 'info',
    informational: 'info',
    information: 'info',
    notice: 'info',
    low: 'info',
    none: 'info',
    ok: 'info',
  },
  // The spread of Zabbix's own PagerDuty media template (info, info, warning, warning, error,
  // critical), with PagerDuty's error read as high.
  zabbix: ['info', 'info', 'warning', 'warning', 'high', 'critical'],
  uptimeKumaDown: 'critical',
  fallback: 'warning',
};

const severity = z.enum(severities);
const overridesSchema = z.strictObject({
  label: z.string().min(1).optional(),
  names: z.record(z.string().min(1), severity).optional(),
  zabbix: z.tuple([severity, severity, severity, severity, severity, severity]).optional(),
  uptimeKumaDown: severity.optional(),
  fallback: severity.optional(),
});
export type SeverityOverrides = z.input<typeof overridesSchema>;

/**
 * The defaults with a receiver's overrides laid over them; `names` entries add to (or replace) the
 * default words rather than replacing the whole table. Throws MonitoringValidationError on a bad one.
 */
export function severityMapping(overrides: SeverityOverrides = {}): SeverityMapping {
  const parsed = overridesSchema.safeParse(overrides, { reportInput: true });
  if (!parsed.success) throwIfAny(fieldErrorsOf(parsed.error, 'severity'));
  const o = parsed.data!;
  const names: Record<string, Severity> = { ...defaultSeverityMapping.names };
  for (const [word, s] of Object.entries(o.names ?? {})) names[word.trim().toLowerCase()] = s;
  return {
    label: o.label ?? defaultSeverityMapping.label,
    names,
    zabbix: o.zabbix ?? defaultSeverityMapping.zabbix,
    uptimeKumaDown: o.uptimeKumaDown ?? defaultSeverityMapping.uptimeKumaDown,
    fallback: o.fallback ?? defaultSeverityMapping.fallback,
  };
}

/** Keel's severity for a tool's word; null when the word is unknown (the caller decides the fallback). */
export function severityOfName(mapping: SeverityMapping, word: string | undefined | null): Severity | null {
  if (word === undefined || word === null) return null;
  const key = word.trim().toLowerCase();
  return Object.hasOwn(mapping.names, key) ? mapping.names[key]! : null;
}
