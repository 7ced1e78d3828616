import { Route, Routes } from 'react-router';
import { ClientOverview } from './clients/client-overview';
import { ClientPage } from './clients/client-page';
import { ClientContactsTab, ClientSitesTab } from './clients/client-tabs';
import { ClientsPage } from './clients/clients-page';
import { NewClientPage } from './clients/new-client-page';
import { staffAreas } from './layout/areas';
import { StaffLayout } from './layout/staff-layout';
import { ComingSoonPage } from './pages/coming-soon-page';
import { DashboardPage } from './pages/dashboard-page';
import { NotFoundPage } from './pages/not-found-page';
import { SettingsPage } from './settings/settings-page';

export function StaffRoutes() {
  return (
    <Routes>
      <Route element={<StaffLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="clients/new" element={<NewClientPage />} />
        <Route path="clients/:clientId" element={<ClientPage />}>
          <Route index element={<ClientOverview />} />
          <Route path="contacts" element={<ClientContactsTab />} />
          <Route path="sites" element={<ClientSitesTab />} />
        </Route>
        <Route path="settings" element={<SettingsPage />} />
        {staffAreas
          .filter((area) => !area.ready && area.path !== '/')
          .map((area) => (
            <Route
              key={area.path}
              path={`${area.path.slice(1)}/*`}
              element={<ComingSoonPage area={area} />}
            />
          ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
