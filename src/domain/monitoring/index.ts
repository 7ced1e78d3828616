// Monitoring rules' only door: payloads to alert events, events to clients and assets, the alert
// lifecycle's decisions, maintenance windows, and availability against an SLA target.
export {
  type AlertRule,
  decideTicketRule,
  defaultAlertRules,
  noTicket,
  type RuleAction,
  type RuleSubject,
  type RuleVerdict,
  ruleMatches,
  validateAlertRules,
} from './alert-rules.js';
export { type AlertmanagerWebhook, parseAlertmanagerWebhook } from './alertmanager.js';
export {
  type AvailabilityInput,
  availabilityInputErrors,
  type MonthAvailability,
  monthlyAvailability,
  outageIntervals,
  type StateSample,
  samplesFromEvents,
} from './availability.js';
export { type MonitoringErrorCode, type MonitoringFieldError, MonitoringValidationError } from './errors.js';
export { parseEventsV2 } from './events.js';
export { labelSetFingerprint, sourceFingerprint } from './fingerprint.js';
export { type FlapPolicy, isFlapping, recentChanges } from './flapping.js';
export { hostOf } from './identity.js';
export {
  clipIntervals,
  type Interval,
  normalizeIntervals,
  subtractIntervals,
  totalLength,
} from './intervals.js';
export {
  type AlertOutcome,
  type AlertRecord,
  type AlertStatus,
  decideAlert,
  defaultLifecyclePolicy,
  type LifecycleDecision,
  type LifecycleInput,
  type LifecyclePolicy,
  type LinkedTicket,
  lifecyclePolicyErrors,
  settleFlapping,
  type TicketAction,
} from './lifecycle.js';
export {
  activeMaintenance,
  type MaintenanceSchedule,
  type MaintenanceTarget,
  type MaintenanceWindow,
  maintenanceIntervals,
  maintenanceWindowErrors,
  scheduleHolds,
  scheduleIntervals,
  validateMaintenanceWindows,
  windowApplies,
} from './maintenance.js';
export {
  type MapOptions,
  type Mapping,
  type MappingRule,
  mapAlert,
  specificity,
  validateMappingRules,
} from './mapping.js';
export {
  fieldValue,
  isMatchField,
  type MatchableEvent,
  type Matcher,
  type MatchOp,
  matcherErrors,
  matches,
  matchesAll,
  matchOps,
} from './matchers.js';
export { localDayStart, monthInterval, monthsFrom, parseMonth } from './months.js';
export { parseAlertPayload, payloadParsers } from './parse.js';
export type { ParseOptions } from './parse-options.js';
export {
  defaultSeverityMapping,
  type SeverityMapping,
  type SeverityOverrides,
  severityMapping,
  severityOfName,
} from './severity.js';
export * from './types.js';
export { parseUptimeKumaWebhook } from './uptime-kuma.js';
export { parseZabbixWebhook, type ZabbixWebhookBody, zabbixSeverityNames } from './zabbix.js';
