/**
 * When a piece of work happened: a start and an end, or a start and a duration (end = start +
 * duration). Instants are epoch milliseconds in UTC; seconds are kept as given.
 *
 * Minutes are counted the way entitlement counts them (src/domain/entitlement/decide.ts): each
 * instant floored to its UTC minute, so back-to-back entries add up exactly. An entry must count at
 * least one minute, and at most `maxEntryMinutes`: a single entry longer than a day is a typing
 * mistake or a forgotten timer, never a shift anyone works.
 */
export const maxEntryMinutes = 24 * 60;

export type SpanInput = {
  start: number;
  /** Exactly one of end and durationMinutes. */
  end?: number | null;
  durationMinutes?: number | null;
};

export type Span = { start: number; end: number; minutes: number };

export type SpanProblem = { field: 'startedAt' | 'endedAt' | 'durationMinutes'; message: string };

/** Whole minutes between the two instants on the UTC minute grid. */
export const countedMinutes = (start: number, end: number): number =>
  Math.floor(end / 60_000) - Math.floor(start / 60_000);

export function resolveSpan(input: SpanInput): { span: Span } | { problems: SpanProblem[] } {
  const { start } = input;
  const hasEnd = input.end !== undefined && input.end !== null;
  const hasDuration = input.durationMinutes !== undefined && input.durationMinutes !== null;
  if (!Number.isFinite(start)) return { problems: [{ field: 'startedAt', message: 'is not an instant' }] };
  if (hasEnd === hasDuration)
    return {
      problems: [
        {
          field: hasEnd ? 'durationMinutes' : 'endedAt',
          message: hasEnd ? 'give an end or a duration, not both' : 'give an end or a duration',
        },
      ],
    };
  if (hasDuration) {
    const d = input.durationMinutes!;
    if (!Number.isSafeInteger(d) || d < 1 || d > maxEntryMinutes)
      return {
        problems: [
          {
            field: 'durationMinutes',
            message: `must be a whole number of minutes from 1 to ${maxEntryMinutes}`,
          },
        ],
      };
    const end = start + d * 60_000;
    return { span: { start, end, minutes: countedMinutes(start, end) } };
  }
  const end = input.end!;
  if (!Number.isFinite(end)) return { problems: [{ field: 'endedAt', message: 'is not an instant' }] };
  if (end <= start) return { problems: [{ field: 'endedAt', message: 'is not after the start' }] };
  const minutes = countedMinutes(start, end);
  if (minutes < 1)
    return { problems: [{ field: 'endedAt', message: 'the entry counts less than a minute' }] };
  if (minutes > maxEntryMinutes)
    return {
      problems: [{ field: 'endedAt', message: `the entry is longer than ${maxEntryMinutes / 60} hours` }],
    };
  return { span: { start, end, minutes } };
}

/** Whether two half-open intervals [start, end) share any instant. Touching ends do not overlap. */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;
