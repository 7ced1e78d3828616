import { useId } from 'react';
import type { MonthAvailability } from '../api/alerts';
import { availabilityLabels, percent } from './labels';

// The drawing's own units; the SVG scales to the width it is given.
const width = 640;
const height = 240;
const top = 24;
const bottom = 36;
const left = 56;

/**
 * Availability per month as bars against the target (a dashed line). The scale starts just below
 * the lowest of the figures and the target, so 99.85 % and 99.95 % look as different as they are.
 */
export function AvailabilityChart({
  months,
  target,
}: {
  months: MonthAvailability[];
  target: number | null;
}) {
  const id = useId();
  const values = months.map((m) => m.availabilityPercent ?? 100);
  const lowest = Math.min(...values, target ?? 100);
  const floor = Math.max(0, lowest - Math.max(0.05, (100 - lowest) * 0.5));
  const plot = height - top - bottom;
  const y = (v: number) => top + ((100 - v) / (100 - floor || 1)) * plot;
  const slot = (width - left) / Math.max(1, months.length);
  const barWidth = Math.min(56, slot * 0.6);
  const sentence = months
    .map((m) => `${m.month}: ${percent(m.availabilityPercent)} (${availabilityLabels[m.status]})`)
    .join('; ');
  return (
    <figure className="availability-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>
          Availability per month{target !== null ? ` against a target of ${target} %` : ''}
        </title>
        <desc id={`${id}-desc`}>{sentence}</desc>
        <line
          x1={left}
          x2={width}
          y1={height - bottom}
          y2={height - bottom}
          className="availability-chart__axis"
        />
        <text x={left - 6} y={y(100) + 4} textAnchor="end" className="availability-chart__label">
          100 %
        </text>
        <text x={left - 6} y={height - bottom} textAnchor="end" className="availability-chart__label">
          {`${floor.toFixed(2)} %`}
        </text>
        {months.map((m, i) => {
          const value = m.availabilityPercent ?? 100;
          const x = left + i * slot + (slot - barWidth) / 2;
          const barTop = y(value);
          return (
            <g key={m.month}>
              <rect
                x={x}
                y={barTop}
                width={barWidth}
                height={Math.max(1, height - bottom - barTop)}
                rx={2}
                className={`availability-chart__bar availability-chart__bar--${m.status}`}
              >
                <title>{`${m.month}: ${percent(m.availabilityPercent)}, ${m.downtimeMinutes} min down`}</title>
              </rect>
              <text
                x={x + barWidth / 2}
                y={Math.max(12, barTop - 6)}
                textAnchor="middle"
                className="availability-chart__value"
              >
                {m.availabilityPercent === null ? '—' : m.availabilityPercent.toFixed(3)}
              </text>
              <text
                x={x + barWidth / 2}
                y={height - bottom + 18}
                textAnchor="middle"
                className="availability-chart__label"
              >
                {m.month}
              </text>
            </g>
          );
        })}
        {target !== null && (
          <line x1={left} x2={width} y1={y(target)} y2={y(target)} className="availability-chart__target">
            <title>{`Target ${target} %`}</title>
          </line>
        )}
      </svg>
      {target !== null && (
        <figcaption className="muted">Dashed line: the agreement's target, {target} %.</figcaption>
      )}
    </figure>
  );
}
