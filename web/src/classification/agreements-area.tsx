import { Link, NavLink, Outlet } from 'react-router';
import { useCan } from '../api/session';
import { PageHeader } from '../ui/page-header';

const sections = [
  { to: '', label: 'Contract clients' },
  { to: 'all', label: 'All agreements' },
];

/** The agreements area: the portfolio by relationship kind, and every agreement. */
export function AgreementsArea() {
  const canCreate = useCan('agreements:write');
  return (
    <>
      <PageHeader
        title="Agreements"
        subtitle="Which clients are real contract clients, what the others lack, and every agreement."
        actions={
          canCreate && (
            <Link className="button button--primary" to="/agreements/new">
              New agreement
            </Link>
          )
        }
      />
      <nav aria-label="Agreements sections" className="tabs">
        {sections.map((s) => (
          <NavLink key={s.label} to={s.to} end className="tabs__tab">
            {s.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
