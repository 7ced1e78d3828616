import { type FormEvent, useState } from 'react';
import { useCreateMappingRule, useDeleteMappingRule, useMappingRules } from '../api/alerts';
import { useClientNames } from '../api/clients';
import { useCan } from '../api/session';
import { ClientSelect } from '../clients/client-select';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { AssetSelect } from './asset-select';
import { formatMatcher, parseMatchers } from './matchers';

/** Mapping rules: which client and asset an alert belongs to, by its labels. */
export function MappingRulesSection() {
  const [clientId, setClientId] = useState('');
  const rules = useMappingRules(clientId);
  const create = useCreateMappingRule();
  const remove = useDeleteMappingRule();
  const canWrite = useCan('alerts:write');
  const clientNames = useClientNames((rules.data ?? []).map((r) => r.clientId));
  const [assetId, setAssetId] = useState('');
  const [matchersText, setMatchersText] = useState('');
  const [description, setDescription] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const errors = fieldErrors(create.error);

  function add(event: FormEvent) {
    event.preventDefault();
    const { matchers, errors: bad } = parseMatchers(matchersText);
    if (bad.length) return setParseError(bad.join('; '));
    setParseError(null);
    create.mutate(
      { clientId, assetId: assetId || null, matchers, description },
      {
        onSuccess: () => {
          setMatchersText('');
          setDescription('');
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="mapping-rules">
      <h2 id="mapping-rules">Mapping rules</h2>
      <p className="muted">
        Which client (and asset) an alert belongs to, by its labels and identity. The most specific rule wins;
        assets' monitoring identities map their alerts too. An alert no rule places waits in triage.
      </p>
      <div className="alerts-filters">
        <ClientSelect label="Client" value={clientId} emptyLabel="Every client" onChange={setClientId} />
      </div>
      <QueryState query={rules} loading="Loading mapping rules…">
        {(items) =>
          items.length ? (
            <div className="table-wrap">
              <table className="table" aria-label="Mapping rules">
                <thead>
                  <tr>
                    <th scope="col">Matchers</th>
                    <th scope="col">Client</th>
                    <th scope="col">Asset</th>
                    <th scope="col">Note</th>
                    {canWrite && <th scope="col">Remove</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" className="matchers">
                        {r.matchers.map(formatMatcher).join(' and ')}
                      </th>
                      <td>{clientNames.get(r.clientId) ?? '…'}</td>
                      <td>{r.assetId ?? '—'}</td>
                      <td>{r.description}</td>
                      {canWrite && (
                        <td>
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={remove.isPending}
                            onClick={() => remove.mutate(r.id)}
                          >
                            Remove
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">No mapping rule{clientId ? ' for this client' : ''} yet.</p>
          )
        }
      </QueryState>
      {canWrite && clientId && (
        <form className="card form rule-editor" onSubmit={add} aria-label="New mapping rule">
          <h3>Map alerts to this client</h3>
          <ProblemAlert error={create.error} shownFields={['matchers', 'assetId']} />
          {parseError && (
            <p className="alert alert--error" role="alert">
              {parseError}
            </p>
          )}
          <Field
            label="Matchers"
            name="matchers"
            errors={errors}
            hint='One per line, e.g. labels.customer = "acme" or host =~ ".*\.acme\.example".'
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className="matchers"
                value={matchersText}
                onChange={(e) => setMatchersText(e.target.value)}
              />
            )}
          </Field>
          <div className="grid grid--2">
            <AssetSelect clientId={clientId} value={assetId} onChange={setAssetId} />
            <Field label="Note" name="description" errors={errors}>
              {(p) => <input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}
            </Field>
          </div>
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={create.isPending || !matchersText.trim()}
            >
              {create.isPending ? 'Adding…' : 'Add mapping rule'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
