import { useClient } from '../api/clients';
import { useSession } from '../api/session';
import { ClientSummary } from '../clients/client-summary';
import { ContactsSection } from '../clients/contacts-section';
import { SitesSection } from '../clients/sites-section';
import { clientCurrency } from '../money/currency';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { PortalAgreements } from './portal-agreements';

/** A portal user's one client: overview, agreements, contacts and sites, to read. */
export function PortalHome() {
  const { user } = useSession();
  if (!user.clientId)
    return (
      <p className="alert alert--error" role="alert">
        Your account is not linked to a client yet. Ask your service provider to link it.
      </p>
    );
  return <PortalClient clientId={user.clientId} />;
}

function PortalClient({ clientId }: { clientId: string }) {
  const client = useClient(clientId);
  return (
    <QueryState query={client} loading="Loading your company…">
      {(c) => (
        <>
          <PageHeader title={c.name} subtitle="What your service provider has on record for you." />
          <ClientSummary client={c} />
          <PortalAgreements clientId={c.id} currency={clientCurrency(c)} />
          <ContactsSection client={c} canAdd={false} />
          <SitesSection client={c} canAdd={false} />
        </>
      )}
    </QueryState>
  );
}
