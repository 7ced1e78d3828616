import { useId } from 'react';
import type { Preview } from '../api/sla';
import { formatBusiness } from '../tickets/time-left';
import { ProblemAlert } from '../ui/problem-alert';
import { browserZone, formatInZone } from './zoned';

export type Sample = { start: string; minutes: string };

type Props = {
  zone: string;
  sample: Sample;
  onSample: (next: Sample) => void;
  preview: { data: Preview | undefined; error: unknown; isFetching: boolean };
};

/** The next whole hour, as the default sample start. */
export const nextHour = () => Math.ceil(Date.now() / 3_600_000) * 3_600_000;

export const sampleMinutes = (s: Sample) => (/^\d+$/.test(s.minutes.trim()) ? Number(s.minutes) : null);

/**
 * Try the calendar as it is typed: a start (in the calendar's zone) plus N business minutes gives
 * the due time, computed by the server's own rule.
 */
export function CalendarPreview({ zone, sample, onSample, preview }: Props) {
  const id = useId();
  const n = sampleMinutes(sample);
  const here = browserZone();
  return (
    <section className="card preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Preview</h2>
      <p className="field__hint">Changes to the calendar show here as you type, before it is saved.</p>
      <div className="grid grid--2">
        <div className="field">
          <label htmlFor={`${id}-start`}>Start ({zone})</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            value={sample.start}
            onChange={(e) => onSample({ ...sample, start: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Business minutes</label>
          <input
            id={`${id}-minutes`}
            inputMode="numeric"
            value={sample.minutes}
            onChange={(e) => onSample({ ...sample, minutes: e.target.value })}
            aria-describedby={`${id}-minutes-hint`}
          />
          <p className="field__hint" id={`${id}-minutes-hint`}>
            {n !== null ? `${formatBusiness(n)} of business time` : 'A whole number of minutes'}
          </p>
        </div>
      </div>
      <ProblemAlert error={preview.error} />
      {preview.data && !preview.error && (
        <output className="preview__result" aria-live="polite" htmlFor={`${id}-start ${id}-minutes`}>
          Due <strong>{formatInZone(preview.data.due, zone)}</strong>
          {formatInZone(preview.data.due, here) !== formatInZone(preview.data.due, zone) && (
            <span className="muted"> · {formatInZone(preview.data.due, here)} your time</span>
          )}
          {preview.isFetching && <span className="muted"> · updating…</span>}
        </output>
      )}
    </section>
  );
}
