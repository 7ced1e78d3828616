import { useState } from 'react';
import { useAvailability } from '../api/alerts';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { AvailabilityChart } from './availability-chart';
import { availabilityLabels, availabilityTone, minutes, percent } from './labels';
import './alerts.css';

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

function monthsBack(count: number): { from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1), 1));
  return { from: monthOf(from), to: monthOf(now) };
}

const ranges = [
  { months: 3, label: '3 months' },
  { months: 6, label: '6 months' },
  { months: 12, label: '12 months' },
];

/**
 * The client's availability per month from its monitoring outages, less maintenance, against the
 * target its agreement promises; per monitored service too, and the breaches recorded.
 */
export function AvailabilitySection({ clientId }: { clientId: string }) {
  const [months, setMonths] = useState(6);
  const { from, to } = monthsBack(months);
  const availability = useAvailability(clientId, from, to);
  return (
    <section className="section" aria-labelledby="availability">
      <h2 id="availability">Availability</h2>
      <div className="toolbar">
        {ranges.map((r) => (
          <button
            key={r.months}
            type="button"
            className={r.months === months ? 'button button--primary' : 'button'}
            aria-pressed={r.months === months}
            onClick={() => setMonths(r.months)}
          >
            {r.label}
          </button>
        ))}
      </div>
      <QueryState query={availability} loading="Measuring availability…">
        {(a) => (
          <>
            <p className="muted">
              {a.targetPercent === null
                ? 'No agreement in force promises an availability target: measured only.'
                : `Target ${a.targetPercent} % per month, on the client's clock (${a.timeZone}); maintenance windows do not count.`}
            </p>
            <AvailabilityChart months={a.overall} target={a.targetPercent} />
            <div className="table-wrap">
              <table className="table" aria-label="Availability per month">
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col" className="num">
                      Availability
                    </th>
                    <th scope="col" className="num">
                      Down
                    </th>
                    <th scope="col" className="num">
                      Allowed
                    </th>
                    <th scope="col" className="num">
                      Maintenance
                    </th>
                    <th scope="col">Against target</th>
                  </tr>
                </thead>
                <tbody>
                  {a.overall.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{m.month}</th>
                      <td className="num">{percent(m.availabilityPercent)}</td>
                      <td className="num">{minutes(m.downtimeMinutes)}</td>
                      <td className="num">
                        {m.targetPercent === null ? '—' : minutes(m.allowedDowntimeMinutes)}
                      </td>
                      <td className="num">{minutes(m.maintenanceMinutes)}</td>
                      <td>
                        <Badge tone={availabilityTone[m.status]}>{availabilityLabels[m.status]}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {a.services.length > 0 && (
              <div className="table-wrap">
                <table className="table" aria-label="Availability per monitored service">
                  <thead>
                    <tr>
                      <th scope="col">Service</th>
                      {a.overall.map((m) => (
                        <th key={m.month} scope="col" className="num">
                          {m.month}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {a.services.map((s) => (
                      <tr key={s.service}>
                        <th scope="row">{s.name}</th>
                        {s.months.map((m) => (
                          <td key={m.month} className={m.status === 'breached' ? 'num row--overdue' : 'num'}>
                            {percent(m.availabilityPercent)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {a.breaches.length > 0 && (
              <p className="alert alert--warn">
                Breaches recorded:{' '}
                {a.breaches
                  .map(
                    (b) =>
                      `${b.month} ${b.service === 'all' ? '(overall)' : ''} ${percent(b.availabilityPercent)}`,
                  )
                  .join('; ')}
              </p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
