import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useClientNames } from '../api/clients';
import { type CsatFigures, type CsatResults, useCsatResults } from '../api/csat';
import { formatAverage, formatShare, stars } from '../csat/rating';
import { useStaff } from '../tickets/use-staff';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { dayAfter } from './period';
import { PeriodPicker, usePeriod } from './period-picker';

/**
 * Customer satisfaction over a period: the surveys sent when tickets were resolved, the answers
 * given, and how they split per client and per technician (the assignee when it was resolved).
 */
export function CsatResultsPage() {
  const [period, setPeriod] = usePeriod();
  const valid = period.from <= period.to;
  const results = useCsatResults(period.from, valid ? dayAfter(period.to) : '');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reports">Reports</Link>
      </p>
      <PageHeader
        title="Customer satisfaction"
        subtitle="Ratings from the one-click survey mailed when a ticket is resolved, and from the portal. Days are UTC."
      />
      <PeriodPicker period={period} onChange={setPeriod} />
      {!valid ? (
        <p className="alert alert--error" role="alert">
          The first day comes after the last one.
        </p>
      ) : (
        <QueryState query={results} loading="Loading the results…">
          {(r) => <Results results={r} />}
        </QueryState>
      )}
    </>
  );
}

function Results({ results }: { results: CsatResults }) {
  const { overall } = results;
  return (
    <>
      <section className="section" aria-labelledby="csat-overall-title">
        <h2 id="csat-overall-title">Overall</h2>
        <ul className="stat-grid" aria-label="Overall figures">
          <li className="stat">
            <span className="stat__label">Surveys sent</span>
            <span className="stat__value">{results.sent}</span>
            <span className="stat__detail muted">tickets resolved with a client</span>
          </li>
          <li className="stat">
            <span className="stat__label">Responses</span>
            <span className="stat__value">{overall.responses}</span>
            <span className="stat__detail muted">ratings given in the period</span>
          </li>
          <li className="stat">
            <span className="stat__label">Average rating</span>
            <span className="stat__value">{formatAverage(overall.average)}</span>
            <span className="stat__detail">
              {overall.average === null ? (
                <span className="muted">no rating yet</span>
              ) : (
                <>
                  <span className="survey__stars" aria-hidden="true">
                    {stars(Math.round(overall.average))}
                  </span>{' '}
                  of 5
                </>
              )}
            </span>
          </li>
          <li className="stat">
            <span className="stat__label">Satisfied</span>
            <span className="stat__value">{formatShare(overall.satisfied)}</span>
            <span className="stat__detail muted">rated 4 or 5</span>
          </li>
        </ul>
      </section>
      <ByClient results={results} />
      <ByTechnician results={results} />
    </>
  );
}

const byResponses = <T extends CsatFigures>(rows: T[]) =>
  [...rows].sort((a, b) => b.responses - a.responses || (a.average ?? 0) - (b.average ?? 0));

function ByClient({ results }: { results: CsatResults }) {
  const names = useClientNames(results.byClient.map((c) => c.clientId));
  return (
    <section className="section" aria-labelledby="csat-clients-title">
      <h2 id="csat-clients-title">By client</h2>
      {results.byClient.length === 0 ? (
        <p className="empty">No client rated a ticket in this period.</p>
      ) : (
        <FiguresTable
          label="Satisfaction by client"
          first="Client"
          rows={byResponses(results.byClient).map((c) => ({
            key: c.clientId,
            name: <Link to={`/clients/${c.clientId}`}>{names.get(c.clientId) ?? '…'}</Link>,
            figures: c,
          }))}
        />
      )}
    </section>
  );
}

function ByTechnician({ results }: { results: CsatResults }) {
  const staff = useStaff();
  return (
    <section className="section" aria-labelledby="csat-technicians-title">
      <h2 id="csat-technicians-title">By technician</h2>
      {results.byTechnician.length === 0 ? (
        <p className="empty">No rating in this period.</p>
      ) : (
        <FiguresTable
          label="Satisfaction by technician"
          first="Technician"
          rows={byResponses(results.byTechnician).map((t) => ({
            key: t.technicianId ?? 'none',
            name: t.technicianId ? staff.nameOf(t.technicianId) : <span className="muted">Unassigned</span>,
            figures: t,
          }))}
        />
      )}
    </section>
  );
}

type Row = { key: string; name: ReactNode; figures: CsatFigures };

function FiguresTable({ label, first, rows }: { label: string; first: string; rows: Row[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              Responses
            </th>
            <th scope="col" className="num">
              Average
            </th>
            <th scope="col" className="num">
              Satisfied
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.figures.responses}</td>
              <td className="num">{formatAverage(r.figures.average)}</td>
              <td className="num">{formatShare(r.figures.satisfied)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
