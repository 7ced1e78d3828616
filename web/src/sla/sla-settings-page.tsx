import { Link, NavLink, Outlet } from 'react-router';
import { useCan } from '../api/session';
import { PageHeader } from '../ui/page-header';

const sections = [
  { to: '', label: 'Calendars' },
  { to: 'policies', label: 'Policies' },
  { to: 'priority-matrix', label: 'Priority matrix' },
  { to: 'defaults', label: 'Defaults by client kind' },
];

/** SLA settings: business calendars, policies, the priority matrix and default policies per kind. */
export function SlaSettingsPage() {
  const canWrite = useCan('sla:write');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/settings">Settings</Link>
      </p>
      <PageHeader
        title="SLA"
        subtitle={
          canWrite
            ? 'What each client is promised: targets per priority, counted in business time.'
            : 'What each client is promised. Only administrators and service managers change it.'
        }
      />
      <nav aria-label="SLA sections" className="tabs">
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
