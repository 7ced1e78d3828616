/**
 * Priority from impact × urgency (ITIL's matrix). The matrix is a setting; the default is the one
 * most service desks start from: high impact and high urgency is P1, low and low is P4.
 */
export const levels = ['high', 'medium', 'low'] as const;
export type Level = (typeof levels)[number];
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof priorities)[number];

/** matrix[impact][urgency] → priority. */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

export const defaultPriorityMatrix: PriorityMatrix = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function priorityOf(matrix: PriorityMatrix, impact: Level, urgency: Level): Priority {
  return matrix[impact][urgency];
}

/** A matrix where more impact or more urgency ever lowers the priority is almost surely a typo. */
export function matrixInversions(matrix: PriorityMatrix): string[] {
  const rank = (p: Priority) => priorities.indexOf(p);
  const problems: string[] = [];
  for (const [i, impact] of levels.entries()) {
    for (const [u, urgency] of levels.entries()) {
      const here = rank(matrix[impact][urgency]);
      const lessUrgent = levels[u + 1];
      const lessImpact = levels[i + 1];
      if (lessUrgent && rank(matrix[impact][lessUrgent]) < here)
        problems.push(`${impact} impact: ${lessUrgent} urgency ranks above ${urgency} urgency`);
      if (lessImpact && rank(matrix[lessImpact][urgency]) < here)
        problems.push(`${urgency} urgency: ${lessImpact} impact ranks above ${impact} impact`);
    }
  }
  return problems;
}
