import { NavLink, Outlet } from 'react-router';
import { useCan } from '../api/session';
import { PageHeader } from '../ui/page-header';
import { TimerControl } from './timer-control';

/** The time area: the timer, my week's time sheet, and (for approvers) the approval queue. */
export function TimeArea() {
  const canApprove = useCan('time:approve');
  const canLog = useCan('time:write');
  const sections = [
    { to: '', label: 'My time sheet', show: canLog },
    { to: 'approvals', label: 'Approvals', show: canApprove },
  ].filter((s) => s.show);
  return (
    <>
      <PageHeader
        title="Time"
        subtitle="Log work as you do it: entitlement says at once whether it is covered or billable."
      />
      {canLog && <TimerControl />}
      {sections.length > 1 && (
        <nav aria-label="Time sections" className="tabs">
          {sections.map((s) => (
            <NavLink key={s.label} to={s.to} end className="tabs__tab">
              {s.label}
            </NavLink>
          ))}
        </nav>
      )}
      <Outlet />
    </>
  );
}
