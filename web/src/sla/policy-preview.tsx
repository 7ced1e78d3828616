import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { previewSaved, type SlaCalendar, type Target } from '../api/sla';
import type { Priority } from '../api/ticket-types';
import { priorities } from '../tickets/labels';
import { ProblemAlert } from '../ui/problem-alert';
import { useDebounced } from '../ui/use-debounced';
import { nextHour } from './calendar-preview';
import { browserZone, formatInZone, instantOf, isValidZone, wallTime } from './zoned';

type Props = { calendar: SlaCalendar | null; targets: Record<Priority, Target> | null };

/**
 * When each target would fall due for a ticket raised at a sample instant, on the chosen calendar,
 * as the targets are typed.
 */
export function PolicyPreview({ calendar, targets }: Props) {
  const id = useId();
  const zone = calendar && isValidZone(calendar.timezone) ? calendar.timezone : browserZone();
  const [start, setStart] = useState(() => wallTime(zone, nextHour()));
  const startIso = instantOf(zone, start);
  const minutes = targets
    ? [
        ...new Set(
          priorities.flatMap((p) => [
            targets[p].responseMinutes,
            targets[p].resolutionMinutes,
            targets[p].updateMinutes ?? 0,
          ]),
        ),
      ]
    : [];
  const settled = useDebounced(
    calendar && startIso && targets
      ? JSON.stringify({ calendarId: calendar.id, start: startIso, minutes })
      : '',
    400,
  );
  const question = settled
    ? (JSON.parse(settled) as { calendarId: string; start: string; minutes: number[] })
    : null;
  const results = useQueries({
    queries: (question?.minutes ?? []).map((m) => ({
      queryKey: ['sla', 'preview', question!.calendarId, question!.start, m],
      queryFn: () => previewSaved(question!.calendarId, { start: question!.start, minutes: m }),
      placeholderData: keepPreviousData,
      staleTime: 60_000,
      retry: false,
    })),
  });
  const dueFor = new Map<number, string>();
  results.forEach((r, i) => {
    const m = question?.minutes[i];
    if (m !== undefined && r.data) dueFor.set(m, r.data.due);
  });
  const error = results.find((r) => r.error)?.error;
  const cell = (m: number | null) => {
    if (m === null) return <span className="muted">—</span>;
    const due = dueFor.get(m);
    return due ? formatInZone(due, zone) : <span className="muted">…</span>;
  };
  return (
    <section className="card preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Preview</h2>
      {!calendar ? (
        <p className="muted">Choose a calendar to see when targets fall due.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-start`}>A ticket raised at ({zone})</label>
            <input
              id={`${id}-start`}
              type="datetime-local"
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
          </div>
          <ProblemAlert error={error} />
          {!targets ? (
            <p className="muted">Fix the targets to see when they fall due.</p>
          ) : (
            <table className="table table--compact" aria-label="Due times for a sample ticket">
              <thead>
                <tr>
                  <th scope="col">Priority</th>
                  <th scope="col">First response due</th>
                  <th scope="col">Resolution due</th>
                  <th scope="col">First update due</th>
                </tr>
              </thead>
              <tbody>
                {priorities.map((p) => (
                  <tr key={p}>
                    <th scope="row">{p}</th>
                    <td>{cell(targets[p].responseMinutes)}</td>
                    <td>{cell(targets[p].resolutionMinutes)}</td>
                    <td>{cell(targets[p].updateMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="field__hint">
            Counted on “{calendar.name}” as saved; pauses and priority changes move real tickets’ times.
          </p>
        </>
      )}
    </section>
  );
}
