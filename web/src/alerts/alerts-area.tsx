import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../ui/page-header';
import './alerts.css';

const sections = [
  { to: '', label: 'Alerts' },
  { to: 'rules', label: 'Alert rules' },
  { to: 'maintenance', label: 'Maintenance windows' },
];

/** Monitoring alerts: the alerts themselves, the rules that make tickets of them, and maintenance. */
export function AlertsArea() {
  return (
    <>
      <PageHeader
        title="Alerts"
        subtitle="Alerts from monitoring tools, one per problem however often it repeats, and the tickets rules make of them."
      />
      <nav aria-label="Alerts sections" className="tabs">
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
