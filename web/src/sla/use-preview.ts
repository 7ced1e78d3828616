import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type CalendarSpec, type PreviewInput, previewInline, previewSaved } from '../api/sla';
import { useDebounced } from '../ui/use-debounced';

export type PreviewOn = { calendar: CalendarSpec } | { calendarId: string };

/**
 * A due time asked of the server while the calendar or the sample is being typed: the question
 * settles for a moment first, and the last answer stays on screen until the next one arrives.
 */
export function useLivePreview(on: PreviewOn | null, input: PreviewInput | null) {
  // Debounced as text: a new object every render would never settle.
  const settled = useDebounced(on && input ? JSON.stringify({ on, input }) : '', 400);
  return useQuery({
    queryKey: ['sla', 'preview', settled],
    queryFn: () => {
      const q = JSON.parse(settled) as { on: PreviewOn; input: PreviewInput };
      return 'calendar' in q.on
        ? previewInline(q.on.calendar, q.input)
        : previewSaved(q.on.calendarId, q.input);
    },
    enabled: settled !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}
