import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Agreement } from '../api/agreement-types';
import { useAgreement, useUpdateAgreement } from '../api/agreements';
import { useClient } from '../api/clients';
import { useCan } from '../api/session';
import type { Client } from '../api/types';
import { clientCurrency } from '../money/currency';
import { formatMoney } from '../money/money';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { AgreementForm } from './agreement-form';
import { AmendmentsSection } from './amendments-section';
import { fromAgreement } from './draft';
import { kindLabels, statusLabels } from './labels';
import { LifecycleHistory } from './lifecycle-history';
import { LifecyclePanel } from './lifecycle-panel';

/** One agreement, every element on one page: status and signature, terms, amendments, history. */
export function AgreementPage() {
  const { agreementId = '' } = useParams();
  const agreement = useAgreement(agreementId);
  return (
    <QueryState query={agreement} loading="Loading agreement…">
      {(a) => <AgreementWithClient agreement={a} />}
    </QueryState>
  );
}

function AgreementWithClient({ agreement }: { agreement: Agreement }) {
  const client = useClient(agreement.clientId);
  return (
    <QueryState query={client} loading="Loading client…">
      {(c) => <AgreementEditor agreement={agreement} client={c} />}
    </QueryState>
  );
}

function AgreementEditor({ agreement, client }: { agreement: Agreement; client: Client }) {
  const currency = clientCurrency(client);
  const canWrite = useCan('agreements:write');
  const update = useUpdateAgreement(agreement.id);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const closed = agreement.status === 'terminated' || agreement.status === 'expired';
  const isDraft = agreement.status === 'draft';
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/clients/${client.id}/agreements`}>{client.name}</Link>
      </p>
      <PageHeader
        title={agreement.name}
        subtitle={`${kindLabels[agreement.kind]} · ${statusLabels[agreement.status]} · ${formatMoney(agreement.mrr, currency)} per month`}
      />
      <LifecyclePanel agreement={agreement} currency={currency} canWrite={canWrite} />
      {closed && (
        <p className="alert alert--info" role="status">
          This agreement is {statusLabels[agreement.status].toLowerCase()}: its terms are kept as they were
          and can no longer change.
        </p>
      )}
      {savedAt && (
        <p className="alert alert--success" role="status">
          Saved at {savedAt}.
        </p>
      )}
      <AgreementForm
        key={agreement.updatedAt}
        initial={fromAgreement(agreement, currency)}
        isNew={false}
        linesEditable={isDraft}
        savedLines={agreement.lines}
        savedMrr={agreement.mrr}
        currency={currency}
        readOnly={closed || !canWrite}
        pending={update.isPending}
        error={update.error}
        submitLabel="Save agreement"
        onSubmit={({ terms, lines }) => {
          setSavedAt(null);
          update.mutate(isDraft ? { ...terms, lines } : terms, {
            onSuccess: () => setSavedAt(new Date().toLocaleTimeString()),
          });
        }}
      />
      <AmendmentsSection agreement={agreement} currency={currency} canWrite={canWrite} />
      <LifecycleHistory agreementId={agreement.id} currency={currency} />
    </>
  );
}
