import { Link, useParams } from 'react-router';
import { type Asset, useArchiveAsset, useAsset, useRestoreAsset, useUpdateAsset } from '../api/assets';
import { useClient } from '../api/clients';
import { useCan } from '../api/session';
import { Badge } from '../ui/badge';
import { PageHeader } from '../ui/page-header';
import { ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { AssetForm } from './asset-form';
import { typeLabels } from './labels';

function ArchiveButtons({ asset }: { asset: Asset }) {
  const archive = useArchiveAsset(asset.id);
  const restore = useRestoreAsset(asset.id);
  const pending = archive.isPending || restore.isPending;
  return (
    <>
      {asset.archived ? (
        <button type="button" className="button" disabled={pending} onClick={() => restore.mutate()}>
          Restore asset
        </button>
      ) : (
        <button
          type="button"
          className="button button--danger"
          disabled={pending}
          onClick={() => archive.mutate()}
        >
          Archive asset
        </button>
      )}
      <ProblemAlert error={archive.error ?? restore.error} />
    </>
  );
}

/** One asset: its client, its state, and the form to change it. */
export function AssetPage() {
  const { assetId = '' } = useParams();
  const asset = useAsset(assetId);
  const client = useClient(asset.data?.clientId ?? '', asset.data !== undefined);
  const update = useUpdateAsset(assetId);
  const canWrite = useCan('assets:write');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/assets">Assets</Link>
        {asset.data && (
          <>
            {' · '}
            <Link to={`/clients/${asset.data.clientId}/assets`}>{client.data?.name ?? 'Client'}</Link>
          </>
        )}
      </p>
      <QueryState query={asset} loading="Loading asset…">
        {(a) => (
          <>
            <PageHeader
              title={a.name}
              subtitle={
                <>
                  {typeLabels[a.type]}
                  {a.hostname ? ` · ${a.hostname}` : ''} {a.managed && <Badge tone="good">Managed</Badge>}{' '}
                  {a.archived && <Badge tone="muted">Archived</Badge>}
                </>
              }
              actions={canWrite && <ArchiveButtons asset={a} />}
            />
            {a.archived && (
              <p className="alert alert--info" role="status">
                Archived assets are hidden from lists, no longer count as managed, and free their monitoring
                identities; restore it to make changes.
              </p>
            )}
            {canWrite && !a.archived ? (
              <>
                {update.isSuccess && (
                  <p className="alert alert--success" role="status">
                    Saved.
                  </p>
                )}
                <AssetForm
                  key={a.updatedAt}
                  asset={a}
                  pending={update.isPending}
                  error={update.error}
                  submitLabel="Save changes"
                  onSubmit={(input) => update.mutate(input)}
                />
              </>
            ) : (
              <dl className="facts">
                <dt>IP / FQDN</dt>
                <dd>{a.address ?? '—'}</dd>
                <dt>OS</dt>
                <dd>{a.os ?? '—'}</dd>
                <dt>Serial</dt>
                <dd>{a.serialNumber ?? '—'}</dd>
                <dt>Make and model</dt>
                <dd>{[a.manufacturer, a.model].filter(Boolean).join(' ') || '—'}</dd>
                <dt>Warranty end</dt>
                <dd>{a.warrantyEnd ?? '—'}</dd>
              </dl>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
