import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCreateAgreement } from '../api/agreements';
import { useClient } from '../api/clients';
import type { Client } from '../api/types';
import { clientCurrency } from '../money/currency';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { AgreementForm } from './agreement-form';
import { ClientPicker } from './client-picker';
import { emptyDraft } from './draft';

/** A new agreement for one client (?client=ID), saved as a draft until it is signed and activated. */
export function NewAgreementPage() {
  const [params] = useSearchParams();
  const clientId = params.get('client');
  if (!clientId)
    return (
      <>
        <PageHeader title="New agreement" subtitle="First choose the client it is with." />
        <ClientPicker />
      </>
    );
  return <NewAgreementFor clientId={clientId} />;
}

function NewAgreementFor({ clientId }: { clientId: string }) {
  const client = useClient(clientId);
  return (
    <QueryState query={client} loading="Loading client…">
      {(c) => <NewAgreementForm client={c} />}
    </QueryState>
  );
}

function NewAgreementForm({ client }: { client: Client }) {
  const create = useCreateAgreement();
  const navigate = useNavigate();
  const currency = clientCurrency(client);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/clients/${client.id}/agreements`}>{client.name}</Link>
      </p>
      <PageHeader
        title="New agreement"
        subtitle={`With ${client.name}. It is saved as a draft; record the signature to activate it.`}
      />
      <AgreementForm
        initial={emptyDraft()}
        isNew
        linesEditable
        savedLines={[]}
        savedMrr={0}
        currency={currency}
        readOnly={false}
        pending={create.isPending}
        error={create.error}
        submitLabel="Create draft agreement"
        onSubmit={({ kind, terms, lines }) =>
          create.mutate(
            { clientId: client.id, kind, ...terms, lines },
            { onSuccess: (a) => navigate(`/agreements/${a.id}`) },
          )
        }
      />
    </>
  );
}
