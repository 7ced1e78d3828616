import { Navigate, Route, Routes } from 'react-router';
import { PortalHome } from './portal-home';
import { PortalLayout } from './portal-layout';

/** The portal has one page for now; any other address leads back to it. */
export function PortalRoutes() {
  return (
    <PortalLayout>
      <Routes>
        <Route index element={<PortalHome />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </PortalLayout>
  );
}
