import { Link } from 'react-router';
import { useCan } from '../api/session';
import { type SlaCalendar, useCalendars, usePolicies, weekdays } from '../api/sla';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { dayNames } from './hours-editor';

/** "Mon–Fri 08:00–12:00, 13:00–17:00 · Sat 09:00–12:00", or 24×7. */
export function describeHours(c: SlaCalendar): string {
  if (c.always) return '24×7';
  const text = (d: (typeof weekdays)[number]) => (c.hours[d] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
  const groups: { from: string; to: string; hours: string }[] = [];
  for (const d of weekdays) {
    const hours = text(d);
    const last = groups.at(-1);
    if (last && last.hours === hours) last.to = d;
    else groups.push({ from: d, to: d, hours });
  }
  const short = (d: string) => dayNames[d as keyof typeof dayNames].slice(0, 3);
  const open = groups.filter((g) => g.hours);
  if (open.length === 0) return 'Never open';
  return open
    .map((g) => `${short(g.from)}${g.from === g.to ? '' : `–${short(g.to)}`} ${g.hours}`)
    .join(' · ');
}

export function CalendarsTab() {
  const calendars = useCalendars();
  const policies = usePolicies();
  const canWrite = useCan('sla:write');
  return (
    <section aria-labelledby="calendars-title">
      <div className="section__header">
        <h2 id="calendars-title">Business calendars</h2>
        {canWrite && (
          <Link className="button button--primary" to="calendars/new">
            New calendar
          </Link>
        )}
      </div>
      <QueryState query={calendars} loading="Loading calendars…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No calendars yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Business calendars">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Time zone</th>
                    <th scope="col">Hours</th>
                    <th scope="col" className="num">
                      Holidays
                    </th>
                    <th scope="col">Used by</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => {
                    const users = (policies.data ?? []).filter((p) => p.calendarId === c.id && !p.archived);
                    return (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link to={`calendars/${c.id}`}>{c.name}</Link>
                        </th>
                        <td>{c.timezone}</td>
                        <td>{c.always ? <Badge>24×7</Badge> : describeHours(c)}</td>
                        <td className="num">{c.always ? '—' : c.holidays.length}</td>
                        <td>
                          {users.length ? (
                            users.map((p) => p.name).join(', ')
                          ) : (
                            <span className="muted">No policy</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
