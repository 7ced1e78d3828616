import { Navigate, Route, Routes } from 'react-router';
import { PortalHome } from './portal-home';
import { PortalInvoices } from './portal-invoices';
import { PortalLayout } from './portal-layout';
import { PortalNewTicket } from './portal-new-ticket';
import { PortalTickets } from './portal-tickets';

/** The portal: the client's company, its tickets and invoices; any other address leads back home. */
export function PortalRoutes() {
  return (
    <PortalLayout>
      <Routes>
        <Route index element={<PortalHome />} />
        <Route path="tickets" element={<PortalTickets />} />
        <Route path="tickets/new" element={<PortalNewTicket />} />
        <Route path="invoices" element={<PortalInvoices />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </PortalLayout>
  );
}
