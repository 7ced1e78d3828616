import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCreateAsset } from '../api/assets';
import { useClient } from '../api/clients';
import { PageHeader } from '../ui/page-header';
import { AssetForm } from './asset-form';

/** A new asset, for the client named in the address (from its client page) or chosen here. */
export function NewAssetPage() {
  const [params] = useSearchParams();
  const clientId = params.get('client') ?? undefined;
  const client = useClient(clientId ?? '', clientId !== undefined);
  const create = useCreateAsset();
  const navigate = useNavigate();
  return (
    <>
      <p className="breadcrumb">
        {clientId ? (
          <Link to={`/clients/${clientId}/assets`}>{client.data?.name ?? 'Client'}</Link>
        ) : (
          <Link to="/assets">Assets</Link>
        )}
      </p>
      <PageHeader title={client.data ? `New asset for ${client.data.name}` : 'New asset'} />
      <AssetForm
        clientId={clientId}
        pending={create.isPending}
        error={create.error}
        submitLabel="Create asset"
        onSubmit={(input) => create.mutate(input, { onSuccess: (a) => navigate(`/assets/${a.id}`) })}
      />
    </>
  );
}
