import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../ui/page-header';
import './billing.css';

const sections = [
  { to: '', label: 'Billing runs' },
  { to: 'invoices', label: 'Invoices' },
  { to: 'receivables', label: 'Receivables' },
  { to: 'export', label: 'Accounting export' },
  { to: 'settings', label: 'Settings' },
];

/**
 * The billing area: runs with their leak report, invoices and credit notes, what clients owe, the
 * accounting export, and the billing settings.
 */
export function BillingArea() {
  return (
    <>
      <PageHeader
        title="Billing"
        subtitle="Flat fees in advance at the start of each month, work in arrears at its end; every billable minute invoiced once."
      />
      <nav aria-label="Billing sections" className="tabs">
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
