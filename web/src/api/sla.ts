import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientKind } from './agreement-types';
import { api } from './http';
import type { Level, Priority } from './ticket-types';

/** Shapes of the SLA API (src/modules/sla/sla.schemas.ts). */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
/** [open, close] as HH:MM in the calendar's zone; close may be 24:00. */
export type Window = [string, string];
export type WeeklyHours = Partial<Record<Weekday, Window[]>>;

export type CalendarSpec = { timezone: string; hours: WeeklyHours; holidays: string[]; always: boolean };
export type SlaCalendar = CalendarSpec & { id: string; name: string; updatedAt: string };
export type CalendarInput = CalendarSpec & { name: string };

export type Pause = { from: string; to: string };
export type PreviewInput = { start: string; minutes: number; pauses?: Pause[] };
export type Preview = { due: string; businessMinutes: number };

export type Target = { responseMinutes: number; resolutionMinutes: number; updateMinutes: number | null };
export type Escalation = {
  notifyOnWarning: boolean;
  notifyOnBreach: boolean;
  reassignTo: string | null;
  raisePriority: boolean;
};
export type PolicyInput = {
  name: string;
  calendarId: string;
  targets: Record<Priority, Target>;
  pauseStatuses: string[];
  warnPercent: number;
  escalation: Escalation;
};
export type SlaPolicy = PolicyInput & { id: string; archived: boolean; updatedAt: string };

export type PriorityMatrix = Record<Level, Record<Level, Priority>>;
/** The policy per relationship kind; a kind left out (or null) is best effort. */
export type KindDefaults = Partial<Record<ClientKind, string | null>>;

const base = '/api/v1/sla';
export const slaKeys = {
  all: ['sla'] as const,
  calendars: ['sla', 'calendars'] as const,
  calendar: (id: string) => ['sla', 'calendars', id] as const,
  policies: ['sla', 'policies'] as const,
  policy: (id: string) => ['sla', 'policies', id] as const,
  matrix: ['sla', 'matrix'] as const,
  kindDefaults: ['sla', 'kind-defaults'] as const,
};

// SLA settings change rarely; tickets, agreements and settings screens all read them.
const staleTime = 5 * 60_000;

export const useCalendars = () =>
  useQuery({
    queryKey: slaKeys.calendars,
    queryFn: () => api.get<{ items: SlaCalendar[] }>(`${base}/calendars`).then((r) => r.items),
    staleTime,
  });

export const useCalendar = (id: string) =>
  useQuery({
    queryKey: slaKeys.calendar(id),
    queryFn: () => api.get<SlaCalendar>(`${base}/calendars/${encodeURIComponent(id)}`),
    staleTime,
  });

export const usePolicies = (enabled = true) =>
  useQuery({
    queryKey: slaKeys.policies,
    queryFn: () => api.get<{ items: SlaPolicy[] }>(`${base}/policies`).then((r) => r.items),
    staleTime,
    enabled,
  });

export const usePolicy = (id: string) =>
  useQuery({
    queryKey: slaKeys.policy(id),
    queryFn: () => api.get<SlaPolicy>(`${base}/policies/${encodeURIComponent(id)}`),
    staleTime,
  });

export const usePriorityMatrix = () =>
  useQuery({
    queryKey: slaKeys.matrix,
    queryFn: () => api.get<PriorityMatrix>(`${base}/priority-matrix`),
    staleTime,
  });

export const useKindDefaults = () =>
  useQuery({
    queryKey: slaKeys.kindDefaults,
    queryFn: () => api.get<KindDefaults>(`${base}/kind-defaults`),
    staleTime,
  });

/** Any SLA setting saved: every SLA query is fetched again (policies name calendars, and so on). */
function useSlaWrite<V, T>(fn: (vars: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: slaKeys.all }),
  });
}

export const useSaveCalendar = (id: string | null) =>
  useSlaWrite((input: Partial<CalendarInput>) =>
    id === null
      ? api.post<SlaCalendar>(`${base}/calendars`, input)
      : api.patch<SlaCalendar>(`${base}/calendars/${encodeURIComponent(id)}`, input),
  );

export type HolidayImport = {
  calendar: SlaCalendar;
  added: number;
  skipped: { uid: string | null; summary: string | null; reason: string }[];
};

export const useImportHolidays = (id: string) =>
  useSlaWrite((input: { ics: string; fromYear: number; toYear: number }) =>
    api.post<HolidayImport>(`${base}/calendars/${encodeURIComponent(id)}/holidays/import`, input),
  );

export const useSavePolicy = (id: string | null) =>
  useSlaWrite((input: Partial<PolicyInput> & { archived?: boolean }) =>
    id === null
      ? api.post<SlaPolicy>(`${base}/policies`, input)
      : api.patch<SlaPolicy>(`${base}/policies/${encodeURIComponent(id)}`, input),
  );

export const useSetPriorityMatrix = () =>
  useSlaWrite((matrix: PriorityMatrix) => api.put<PriorityMatrix>(`${base}/priority-matrix`, matrix));

export const useSetKindDefaults = () =>
  useSlaWrite((defaults: KindDefaults) => api.put<KindDefaults>(`${base}/kind-defaults`, defaults));

/** When `minutes` business minutes from `start` run out, on a calendar as it is being typed. */
export const previewInline = (calendar: CalendarSpec, input: PreviewInput) =>
  api.post<Preview>(`${base}/preview`, { calendar, ...input });

/** The same on a saved calendar. */
export const previewSaved = (calendarId: string, input: PreviewInput) =>
  api.post<Preview>(`${base}/calendars/${encodeURIComponent(calendarId)}/preview`, input);
