import { useId } from 'react';
import type { Aging } from '../api/billing-types';
import { formatMoney } from '../money/money';
import { agingBuckets, bucketLabels } from './labels';

type Props = { aging: Aging; currency: string | null };

// The drawing's own units; the SVG scales to the width it is given.
const width = 600;
const height = 240;
const top = 28;
const bottom = 36;
const gap = 24;

/**
 * Open balances by days past due as five bars, from current to 90+ days, the older the darker. Each
 * bar is labelled with its amount; the whole reads as one sentence to a screen reader.
 */
export function AgingChart({ aging, currency }: Props) {
  const id = useId();
  const max = Math.max(1, ...agingBuckets.map((b) => aging[b]));
  const slot = width / agingBuckets.length;
  const barWidth = slot - gap;
  const plot = height - top - bottom;
  const sentence = agingBuckets
    .map((b) => `${bucketLabels[b]}: ${formatMoney(aging[b], currency)}`)
    .join('; ');
  return (
    <figure className="aging-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>Aging of open balances</title>
        <desc id={`${id}-desc`}>{sentence}</desc>
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="aging-chart__axis" />
        {agingBuckets.map((b, i) => {
          const value = aging[b];
          const barHeight = value > 0 ? Math.max(2, (value / max) * plot) : 0;
          const x = i * slot + gap / 2;
          const y = height - bottom - barHeight;
          return (
            <g key={b}>
              <rect
                x={x}
                y={y}
                width={barWidth}
                height={barHeight}
                rx={3}
                className={`aging-chart__bar aging-chart__bar--${b}`}
              >
                <title>{`${bucketLabels[b]}: ${formatMoney(value, currency)}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={y - 8} textAnchor="middle" className="aging-chart__value">
                {formatMoney(value, currency)}
              </text>
              <text
                x={x + barWidth / 2}
                y={height - bottom + 22}
                textAnchor="middle"
                className="aging-chart__label"
              >
                {bucketLabels[b]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        {formatMoney(aging.total, currency)} open, by days past the due date.
      </figcaption>
    </figure>
  );
}
