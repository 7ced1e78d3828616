import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header';

/** The reports there are so far, and those still to come. */
export function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" />
      <section className="card" aria-labelledby="report-csat-title">
        <h2 id="report-csat-title">
          <Link to="/reports/csat">Customer satisfaction</Link>
        </h2>
        <p>
          Surveys sent on resolution, responses, average rating and the share of satisfied clients, per client
          and per technician, over any period.
        </p>
      </section>
      <section className="card notice">
        <h2>Coming in a later release</h2>
        <p>MRR and its movements, profitability per client, SLA compliance and payment behaviour.</p>
      </section>
    </>
  );
}
