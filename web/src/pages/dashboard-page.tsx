import { Link } from 'react-router';
import { useCan, useSession } from '../api/session';
import { PageHeader } from '../ui/page-header';

/** The start page. The dashboard's figures come with the areas that produce them. */
export function DashboardPage() {
  const { user } = useSession();
  const canCreate = useCan('clients:write');
  return (
    <>
      <PageHeader title="Dashboard" subtitle={`Signed in as ${user.name || user.email}.`} />
      <section className="card notice">
        <h2>Coming in a later release</h2>
        <p>MRR, SLA compliance, tickets at risk and unbilled time will appear here as those areas ship.</p>
      </section>
      <section className="card">
        <h2>Get started</h2>
        <ul className="link-list">
          <li>
            <Link to="/clients">Browse clients</Link>
          </li>
          {canCreate && (
            <li>
              <Link to="/clients/new">Add a client</Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
