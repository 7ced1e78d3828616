import type { Incident, ProblemStatus } from '../api/problems';
import type { Tone } from '../ui/badge';

export const problemStatusLabels: Record<ProblemStatus, string> = {
  open: 'Open',
  known_error: 'Known error',
  resolved: 'Resolved',
};

export const problemStatusTone = (s: ProblemStatus): Tone =>
  s === 'known_error' ? 'warn' : s === 'resolved' ? 'good' : 'neutral';

/** "2 open of 5", "none linked". */
export function incidentCount(incidents: readonly Incident[]): string {
  if (incidents.length === 0) return 'none linked';
  const open = incidents.filter((i) => !i.resolved).length;
  return `${open} open of ${incidents.length}`;
}

/** "T-000123, 124 t-7" → ["T-000123", "124", "t-7"]. */
export const splitReferences = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((r) => r.trim())
    .filter(Boolean);
