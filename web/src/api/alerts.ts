import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './http';
import { ticketKeys } from './tickets';
import type { Page } from './types';

/** Shapes of the alerts API (src/modules/alerts/alerts.schemas.ts). */

export type Severity = 'critical' | 'high' | 'warning' | 'info';
export type AlertStatus = 'open' | 'silenced' | 'resolved';
export type AlertSource = 'alertmanager' | 'uptime-kuma' | 'zabbix' | 'events';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export type Alert = {
  id: string;
  integration: string;
  source: AlertSource;
  fingerprint: string;
  status: AlertStatus;
  severity: Severity;
  summary: string | null;
  description: string | null;
  url: string | null;
  labels: Record<string, string>;
  identity: Record<string, string>;
  count: number;
  firstSeen: string;
  lastSeen: string;
  firingSince: string;
  resolvedAt: string | null;
  acknowledged: boolean;
  silencedBy: string | null;
  flapping: boolean;
  clientId: string | null;
  assetId: string | null;
  mappingReason: string;
  ticketId: string | null;
  ticketState: 'none' | 'pending' | 'open' | 'review' | 'resolved';
  reasons: string[];
  updatedAt: string;
};

export type AlertEvent = {
  id: string;
  status: 'firing' | 'resolved' | 'acknowledged';
  severity: string | null;
  summary: string | null;
  occurredAt: string;
  receivedAt: string;
  outcome: string;
  silencedBy: string | null;
  labels: Record<string, string>;
};

export type MatchOp = '=' | '!=' | '=~' | '!~';
export type Matcher = { field: string; op: MatchOp; value: string; ignoreCase?: boolean };

export type AlertRule = {
  id: string;
  description?: string;
  minSeverity?: Severity;
  clientIds?: string[];
  assetIds?: string[];
  sources?: AlertSource[];
  matchers?: Matcher[];
  triage?: boolean;
  action: { ticket: true; priority: Priority } | { ticket: false };
};

export type AlertSettings = {
  reopenWindowMinutes: number;
  flapping: { maxChanges: number; windowMinutes: number };
  unmatched: { ticket: true; priority: Priority } | { ticket: false };
  noteEveryMinutes: number;
  outageSeverity: Severity;
};

export type MappingRule = {
  id: string;
  clientId: string;
  assetId: string | null;
  matchers: Matcher[];
  description: string;
  createdAt: string;
  updatedAt: string;
};
export type MappingRuleInput = Pick<MappingRule, 'clientId' | 'assetId' | 'matchers' | 'description'>;

export type Schedule =
  | { kind: 'once'; from: string; to: string }
  | {
      kind: 'weekly';
      timeZone: string;
      days: string[];
      start: string;
      end: string;
      from?: string | null;
      until?: string | null;
    };

export type MaintenanceWindow = {
  id: string;
  clientId: string;
  assetId: string | null;
  name: string;
  schedule: Schedule;
  activeNow: boolean;
  createdAt: string;
  updatedAt: string;
};
export type MaintenanceWindowInput = Pick<MaintenanceWindow, 'clientId' | 'assetId' | 'name' | 'schedule'>;

export type MonthAvailability = {
  month: string;
  complete: boolean;
  agreedMinutes: number;
  maintenanceMinutes: number;
  downtimeMinutes: number;
  allowedDowntimeMinutes: number;
  availabilityPercent: number | null;
  targetPercent: number | null;
  status: 'met' | 'breached' | 'pending' | 'no-target';
  outages: { from: string; to: string }[];
};

export type Availability = {
  clientId: string;
  timeZone: string;
  targetPercent: number | null;
  targetSource: 'agreement' | 'none';
  overall: MonthAvailability[];
  services: { service: string; name: string; assetId: string | null; months: MonthAvailability[] }[];
  breaches: { service: string; month: string; availabilityPercent: number; recordedAt: string }[];
};

export type AlertFilters = {
  status: AlertStatus | '';
  clientId: string;
  triage: boolean;
  source: AlertSource | '';
};

export const alertKeys = {
  all: ['alerts'] as const,
  list: (f: AlertFilters) => ['alerts', 'list', f] as const,
  detail: (id: string) => ['alerts', 'detail', id] as const,
  events: (id: string) => ['alerts', 'events', id] as const,
  rules: ['alerts', 'rules'] as const,
  settings: ['alerts', 'settings'] as const,
  mapping: (clientId: string) => ['alerts', 'mapping-rules', clientId] as const,
  windows: (clientId: string) => ['alerts', 'maintenance-windows', clientId] as const,
  availability: (clientId: string, from: string, to: string) =>
    ['alerts', 'availability', clientId, from, to] as const,
};

const PAGE_SIZE = 50;
const alertPath = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}`;

export function useAlerts(filters: AlertFilters) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<Alert>>('/api/v1/alerts', {
        status: filters.status,
        client_id: filters.clientId,
        triage: filters.triage ? 'true' : undefined,
        source: filters.source,
        limit: PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // Alerts arrive on their own: the list looks again every half minute.
    refetchInterval: 30_000,
  });
}

export const useAlertEvents = (id: string) =>
  useQuery({
    queryKey: alertKeys.events(id),
    queryFn: () => api.get<Page<AlertEvent>>(`${alertPath(id)}/events`, { limit: 20 }).then((p) => p.items),
    enabled: id !== '',
  });

export function useMapAlert(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; assetId: string | null; createRule: boolean }) =>
      api.post<Alert>(`${alertPath(id)}/map`, input),
    onSuccess: (alert) => {
      qc.setQueryData(alertKeys.detail(alert.id), alert);
      void qc.invalidateQueries({ queryKey: [...alertKeys.all, 'list'] });
      void qc.invalidateQueries({ queryKey: [...alertKeys.all, 'mapping-rules'] });
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
}

export const useAlertRules = () =>
  useQuery({
    queryKey: alertKeys.rules,
    queryFn: () => api.get<{ rules: AlertRule[] }>('/api/v1/alert-rules').then((r) => r.rules),
  });

export function useSaveAlertRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: AlertRule[]) =>
      api.put<{ rules: AlertRule[] }>('/api/v1/alert-rules', { rules }).then((r) => r.rules),
    onSuccess: (rules) => qc.setQueryData(alertKeys.rules, rules),
  });
}

export const useAlertSettings = () =>
  useQuery({ queryKey: alertKeys.settings, queryFn: () => api.get<AlertSettings>('/api/v1/alert-settings') });

export function useSaveAlertSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (settings: AlertSettings) => api.put<AlertSettings>('/api/v1/alert-settings', settings),
    onSuccess: (settings) => qc.setQueryData(alertKeys.settings, settings),
  });
}

export const useMappingRules = (clientId: string) =>
  useQuery({
    queryKey: alertKeys.mapping(clientId),
    queryFn: () =>
      api
        .get<Page<MappingRule>>('/api/v1/alert-mapping-rules', { client_id: clientId, limit: 200 })
        .then((p) => p.items),
  });

function useInvalidating<V, R>(fn: (vars: V) => Promise<R>, prefix: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...alertKeys.all, prefix] }),
  });
}

export const useCreateMappingRule = () =>
  useInvalidating(
    (input: MappingRuleInput) => api.post<MappingRule>('/api/v1/alert-mapping-rules', input),
    'mapping-rules',
  );

export const useDeleteMappingRule = () =>
  useInvalidating(
    (id: string) => api.delete<void>(`/api/v1/alert-mapping-rules/${encodeURIComponent(id)}`),
    'mapping-rules',
  );

export const useMaintenanceWindows = (clientId: string) =>
  useQuery({
    queryKey: alertKeys.windows(clientId),
    queryFn: () =>
      api
        .get<Page<MaintenanceWindow>>('/api/v1/maintenance-windows', { client_id: clientId, limit: 200 })
        .then((p) => p.items),
  });

export const useCreateMaintenanceWindow = () =>
  useInvalidating(
    (input: MaintenanceWindowInput) => api.post<MaintenanceWindow>('/api/v1/maintenance-windows', input),
    'maintenance-windows',
  );

export const useDeleteMaintenanceWindow = () =>
  useInvalidating(
    (id: string) => api.delete<void>(`/api/v1/maintenance-windows/${encodeURIComponent(id)}`),
    'maintenance-windows',
  );

export const useAvailability = (clientId: string, from: string, to: string) =>
  useQuery({
    queryKey: alertKeys.availability(clientId, from, to),
    queryFn: () =>
      api.get<Availability>(`/api/v1/clients/${encodeURIComponent(clientId)}/availability`, { from, to }),
    enabled: clientId !== '',
  });
