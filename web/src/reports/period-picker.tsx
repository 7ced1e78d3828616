import { useSearchParams } from 'react-router';
import { isDay, type Period, type Preset, presetLabels, presetOf, presetPeriod } from './period';

/** The period lives in the address (?from=&to=, both inclusive days), so a report can be shared. */
export function usePeriod(fallback: Preset = 'last30'): [Period, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = isDay(from) && isDay(to) ? { from, to } : presetPeriod(fallback);
  const set = (next: Period) => setParams({ from: next.from, to: next.to }, { replace: true });
  return [period, set];
}

type Props = { period: Period; onChange: (next: Period) => void };

/** A preset (this month, last month …) or any first and last day. */
export function PeriodPicker({ period, onChange }: Props) {
  const preset = presetOf(period);
  return (
    <search className="filters" aria-label="Report period">
      <div className="field filters__narrow">
        <label htmlFor="period-preset">Period</label>
        <select
          id="period-preset"
          value={preset ?? ''}
          onChange={(e) => e.target.value && onChange(presetPeriod(e.target.value as Preset))}
        >
          {(Object.keys(presetLabels) as Preset[]).map((p) => (
            <option key={p} value={p}>
              {presetLabels[p]}
            </option>
          ))}
          <option value="">Custom</option>
        </select>
      </div>
      <div className="field filters__narrow">
        <label htmlFor="period-from">From</label>
        <input
          id="period-from"
          type="date"
          value={period.from}
          max={period.to}
          onChange={(e) => isDay(e.target.value) && onChange({ ...period, from: e.target.value })}
        />
      </div>
      <div className="field filters__narrow">
        <label htmlFor="period-to">To (inclusive)</label>
        <input
          id="period-to"
          type="date"
          value={period.to}
          min={period.from}
          onChange={(e) => isDay(e.target.value) && onChange({ ...period, to: e.target.value })}
        />
      </div>
    </search>
  );
}
