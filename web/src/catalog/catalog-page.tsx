import { NavLink, Outlet } from 'react-router';
import { useCan } from '../api/session';
import { PageHeader } from '../ui/page-header';

const sections = [
  { to: '', label: 'Categories' },
  { to: 'services', label: 'Services' },
  { to: 'plans', label: 'Plans' },
  { to: 'products', label: 'Products' },
  { to: 'work-types', label: 'Work types' },
  { to: 'labour-rates', label: 'Labour cost', manage: true },
];

/** What the MSP sells and what its work costs: the lists agreements are built from. */
export function CatalogPage() {
  const canManage = useCan('catalog:write');
  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle="Service categories, services, plans, products and licences, work types and labour cost. Amounts are per month unless hourly."
      />
      <nav aria-label="Catalog sections" className="tabs">
        {sections
          .filter((s) => !s.manage || canManage)
          .map((s) => (
            <NavLink key={s.label} to={s.to} end className="tabs__tab">
              {s.label}
            </NavLink>
          ))}
      </nav>
      <Outlet />
    </>
  );
}
