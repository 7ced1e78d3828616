import { useState } from 'react';
import { clientKindLabels } from '../agreements/labels';
import type { ClientKind } from '../api/agreement-types';
import { useCan } from '../api/session';
import {
  type KindDefaults,
  type SlaPolicy,
  useKindDefaults,
  usePolicies,
  useSetKindDefaults,
} from '../api/sla';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';

const kinds = Object.keys(clientKindLabels) as ClientKind[];

/** The policy a client's tickets run on when no agreement in force names one, per relationship kind. */
export function KindDefaultsTab() {
  const defaults = useKindDefaults();
  const policies = usePolicies();
  return (
    <section aria-labelledby="defaults-title">
      <h2 id="defaults-title">Defaults by client kind</h2>
      <p className="muted">
        An agreement in force that names an SLA policy wins. Otherwise a client's tickets get the policy of
        its relationship kind; best effort means no clock runs and the ticket says so.
      </p>
      <QueryState query={defaults} loading="Loading defaults…">
        {(d) => (
          <QueryState query={policies} loading="Loading policies…">
            {(p) => <DefaultsEditor saved={d} policies={p} />}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
}

function DefaultsEditor({ saved, policies }: { saved: KindDefaults; policies: SlaPolicy[] }) {
  const readOnly = !useCan('sla:write');
  const save = useSetKindDefaults();
  const [draft, setDraft] = useState<KindDefaults>(saved);
  const errors = fieldErrors(save.error);
  const changed = kinds.some((k) => (draft[k] ?? null) !== (saved[k] ?? null));
  return (
    <form
      className="form"
      aria-label="Default SLA policies"
      onSubmit={(e) => {
        e.preventDefault();
        // Every kind is sent: null (best effort) removes a default.
        save.mutate(Object.fromEntries(kinds.map((k) => [k, draft[k] ?? null])));
      }}
    >
      <ProblemAlert error={save.error} shownFields={kinds} />
      <div className="table-wrap">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Client kind</th>
              <th scope="col">SLA policy</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => {
              const value = draft[kind] ?? '';
              const offered = policies.filter((p) => !p.archived || p.id === value);
              return (
                <tr key={kind}>
                  <th scope="row">
                    <label htmlFor={`default-${kind}`}>{clientKindLabels[kind]}</label>
                  </th>
                  <td className={errors.has(kind) ? 'field--invalid' : undefined}>
                    <select
                      id={`default-${kind}`}
                      value={value}
                      disabled={readOnly}
                      onChange={(e) => setDraft({ ...draft, [kind]: e.target.value || null })}
                    >
                      <option value="">Best effort (no SLA)</option>
                      {offered.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                          {p.archived ? ' (archived)' : ''}
                        </option>
                      ))}
                    </select>
                    {errors.has(kind) && <p className="field__error">{errors.get(kind)}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!changed || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save defaults'}
          </button>
          {save.isSuccess && !changed && (
            <p className="muted" role="status">
              Saved. New tickets, and tickets whose client changes, follow it.
            </p>
          )}
        </div>
      )}
    </form>
  );
}
