import { Route, Routes } from 'react-router';
import { AgreementPage } from './agreements/agreement-page';
import { AllAgreementsPage } from './agreements/all-agreements-page';
import { NewAgreementPage } from './agreements/new-agreement-page';
import { AlertsArea } from './alerts/alerts-area';
import { AlertsPage } from './alerts/alerts-page';
import { MaintenancePage } from './alerts/maintenance-page';
import { RulesPage } from './alerts/rules-page';
import { AssetPage } from './assets/asset-page';
import { AssetsPage } from './assets/assets-page';
import { ClientAssetsTab } from './assets/client-assets-tab';
import { AssetImportPage } from './assets/import-page';
import { NewAssetPage } from './assets/new-asset-page';
import { BillingArea } from './billing/billing-area';
import { ClientInvoicesTab } from './billing/client-invoices-tab';
import { ExportsPage } from './billing/exports-page';
import { InvoicePage } from './billing/invoice-page';
import { InvoicesPage } from './billing/invoices-page';
import { ReceivablesPage } from './billing/receivables-page';
import { RunPage } from './billing/run-page';
import { BillingSettingsPage } from './billing/settings-page';
import { CatalogPage } from './catalog/catalog-page';
import { CategoriesTab } from './catalog/categories-tab';
import { LabourRatesTab } from './catalog/labour-rates-tab';
import { PlansTab } from './catalog/plans-tab';
import { ProductsTab } from './catalog/products-tab';
import { ServicesTab } from './catalog/services-tab';
import { WorkTypesTab } from './catalog/work-types-tab';
import { AgreementsArea } from './classification/agreements-area';
import { ContractClientsPage } from './classification/contract-clients-page';
import { ClientAgreementsTab } from './clients/client-agreements-tab';
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
import { ProblemPage } from './problems/problem-page';
import { ProblemsPage } from './problems/problems-page';
import { CsatResultsPage } from './reports/csat-results-page';
import { ReportsPage } from './reports/reports-page';
import { SettingsPage } from './settings/settings-page';
import { CalendarPage, NewCalendarPage } from './sla/calendar-page';
import { CalendarsTab } from './sla/calendars-tab';
import { KindDefaultsTab } from './sla/kind-defaults-tab';
import { MatrixTab } from './sla/matrix-tab';
import { PoliciesTab } from './sla/policies-tab';
import { NewPolicyPage, PolicyPage } from './sla/policy-page';
import { SlaSettingsPage } from './sla/sla-settings-page';
import { NewTicketPage } from './tickets/new-ticket-page';
import { QueuePage } from './tickets/queue-page';
import { TicketPage } from './tickets/ticket-page';
import { ApprovalsPage } from './time/approvals-page';
import { TimeArea } from './time/time-area';
import { TimesheetPage } from './time/timesheet-page';

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
          <Route path="assets" element={<ClientAssetsTab />} />
          <Route path="agreements" element={<ClientAgreementsTab />} />
          <Route path="invoices" element={<ClientInvoicesTab />} />
        </Route>
        <Route path="agreements" element={<AgreementsArea />}>
          <Route index element={<ContractClientsPage />} />
          <Route path="all" element={<AllAgreementsPage />} />
        </Route>
        <Route path="agreements/new" element={<NewAgreementPage />} />
        <Route path="agreements/:agreementId" element={<AgreementPage />} />
        <Route path="assets" element={<AssetsPage />} />
        <Route path="assets/new" element={<NewAssetPage />} />
        <Route path="assets/import" element={<AssetImportPage />} />
        <Route path="assets/:assetId" element={<AssetPage />} />
        <Route path="catalog" element={<CatalogPage />}>
          <Route index element={<CategoriesTab />} />
          <Route path="services" element={<ServicesTab />} />
          <Route path="plans" element={<PlansTab />} />
          <Route path="products" element={<ProductsTab />} />
          <Route path="work-types" element={<WorkTypesTab />} />
          <Route path="labour-rates" element={<LabourRatesTab />} />
        </Route>
        <Route path="tickets" element={<QueuePage />} />
        <Route path="tickets/new" element={<NewTicketPage />} />
        <Route path="tickets/:ticketId" element={<TicketPage />} />
        <Route path="tickets/problems" element={<ProblemsPage />} />
        <Route path="tickets/problems/:problemId" element={<ProblemPage />} />
        <Route path="time" element={<TimeArea />}>
          <Route index element={<TimesheetPage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
        </Route>
        <Route path="billing" element={<BillingArea />}>
          <Route index element={<RunPage />} />
          <Route path="invoices" element={<InvoicesPage />} />
          <Route path="receivables" element={<ReceivablesPage />} />
          <Route path="export" element={<ExportsPage />} />
          <Route path="settings" element={<BillingSettingsPage />} />
        </Route>
        <Route path="billing/invoices/:invoiceId" element={<InvoicePage />} />
        <Route path="alerts" element={<AlertsArea />}>
          <Route index element={<AlertsPage />} />
          <Route path="rules" element={<RulesPage />} />
          <Route path="maintenance" element={<MaintenancePage />} />
        </Route>
        <Route path="reports" element={<ReportsPage />} />
        <Route path="reports/csat" element={<CsatResultsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="settings/sla" element={<SlaSettingsPage />}>
          <Route index element={<CalendarsTab />} />
          <Route path="policies" element={<PoliciesTab />} />
          <Route path="priority-matrix" element={<MatrixTab />} />
          <Route path="defaults" element={<KindDefaultsTab />} />
        </Route>
        <Route path="settings/sla/calendars/new" element={<NewCalendarPage />} />
        <Route path="settings/sla/calendars/:calendarId" element={<CalendarPage />} />
        <Route path="settings/sla/policies/new" element={<NewPolicyPage />} />
        <Route path="settings/sla/policies/:policyId" element={<PolicyPage />} />
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
