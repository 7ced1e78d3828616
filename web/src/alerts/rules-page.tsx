import { type FormEvent, useState } from 'react';
import {
  type AlertRule,
  type AlertSource,
  type Priority,
  type Severity,
  useAlertRules,
  useSaveAlertRules,
} from '../api/alerts';
import { useClientNames } from '../api/clients';
import { useCan } from '../api/session';
import { ClientSelect } from '../clients/client-select';
import { priorities } from '../tickets/labels';
import { Field } from '../ui/field';
import { ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { severities, severityLabels } from './labels';
import { SettingsSection } from './lifecycle-settings-section';
import { MappingRulesSection } from './mapping-rules-section';
import { formatMatcher, parseMatchers } from './matchers';

const sources: AlertSource[] = ['alertmanager', 'uptime-kuma', 'zabbix', 'events'];

/** Alert rules (which alerts open tickets), mapping rules (whose alerts they are), and the lifecycle. */
export function RulesPage() {
  return (
    <>
      <AlertRulesSection />
      <MappingRulesSection />
      <SettingsSection />
    </>
  );
}

function describeRule(r: AlertRule, clientNames: Map<string, string>): string {
  const parts: string[] = [];
  if (r.minSeverity) parts.push(`${severityLabels[r.minSeverity]} or worse`);
  if (r.sources) parts.push(`from ${r.sources.join(', ')}`);
  if (r.clientIds) parts.push(`of ${r.clientIds.map((id) => clientNames.get(id) ?? id).join(', ')}`);
  if (r.assetIds) parts.push(`on ${r.assetIds.length} asset(s)`);
  if (r.matchers?.length) parts.push(`where ${r.matchers.map(formatMatcher).join(' and ')}`);
  if (r.triage) parts.push('also in triage');
  return parts.length ? parts.join(', ') : 'every alert';
}

function AlertRulesSection() {
  const rules = useAlertRules();
  const save = useSaveAlertRules();
  const canWrite = useCan('alerts:write');
  const [draft, setDraft] = useState<AlertRule[] | null>(null);
  const list = draft ?? rules.data ?? [];
  const clientNames = useClientNames(list.flatMap((r) => r.clientIds ?? []));
  const move = (i: number, by: number) => {
    const next = [...list];
    const [rule] = next.splice(i, 1);
    next.splice(i + by, 0, rule!);
    setDraft(next);
  };
  return (
    <section className="section" aria-labelledby="alert-rules">
      <h2 id="alert-rules">Alert rules</h2>
      <p className="muted">
        The first rule that matches an alert decides whether it opens a ticket, and at which priority. Put
        exceptions above the broad rules they override.
      </p>
      <QueryState query={rules} loading="Loading rules…">
        {() => (
          <>
            <ProblemAlert error={save.error} />
            <div className="table-wrap">
              <table className="table rules-table" aria-label="Alert rules">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Rule</th>
                    <th scope="col">Matches</th>
                    <th scope="col">Then</th>
                    {canWrite && <th scope="col">Order</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.map((r, i) => (
                    <tr key={r.id}>
                      <td>{i + 1}</td>
                      <th scope="row">
                        {r.id}
                        {r.description ? <div className="muted">{r.description}</div> : null}
                      </th>
                      <td>{describeRule(r, clientNames)}</td>
                      <td className="nowrap">
                        {r.action.ticket ? `Open a ${r.action.priority} ticket` : 'No ticket (recorded only)'}
                      </td>
                      {canWrite && (
                        <td className="nowrap">
                          <button
                            type="button"
                            className="button"
                            disabled={i === 0}
                            onClick={() => move(i, -1)}
                          >
                            Up
                          </button>{' '}
                          <button
                            type="button"
                            className="button"
                            disabled={i === list.length - 1}
                            onClick={() => move(i, 1)}
                          >
                            Down
                          </button>{' '}
                          <button
                            type="button"
                            className="button button--danger"
                            onClick={() => setDraft(list.filter((_, j) => j !== i))}
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
            {canWrite && (
              <NewRuleForm onAdd={(rule) => setDraft([...list, rule])} taken={list.map((r) => r.id)} />
            )}
            {canWrite && draft && (
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={save.isPending}
                  onClick={() => save.mutate(draft, { onSuccess: () => setDraft(null) })}
                >
                  {save.isPending ? 'Saving…' : 'Save rules'}
                </button>
                <button type="button" className="button" onClick={() => setDraft(null)}>
                  Discard changes
                </button>
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function NewRuleForm({ onAdd, taken }: { onAdd: (rule: AlertRule) => void; taken: string[] }) {
  const [id, setId] = useState('');
  const [minSeverity, setMinSeverity] = useState<Severity | ''>('');
  const [source, setSource] = useState<AlertSource | ''>('');
  const [clientId, setClientId] = useState('');
  const [matchersText, setMatchersText] = useState('');
  const [ticket, setTicket] = useState(true);
  const [priority, setPriority] = useState<Priority>('P3');
  const [triage, setTriage] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const { matchers, errors } = parseMatchers(matchersText);
    if (!/^[a-z0-9][a-z0-9_-]{0,59}$/.test(id)) return setError('Name: lower-case letters, digits, - and _.');
    if (taken.includes(id)) return setError(`There is a rule ${id} already.`);
    if (errors.length) return setError(errors.join('; '));
    setError(null);
    onAdd({
      id,
      ...(minSeverity ? { minSeverity } : {}),
      ...(source ? { sources: [source] } : {}),
      ...(clientId ? { clientIds: [clientId] } : {}),
      ...(matchers.length ? { matchers } : {}),
      ...(triage ? { triage } : {}),
      action: ticket ? { ticket: true, priority } : { ticket: false },
    });
    setId('');
    setMatchersText('');
  }

  return (
    <form className="card form rule-editor" onSubmit={add} aria-label="New alert rule">
      <h3>Add a rule</h3>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="grid grid--3">
        <Field label="Name" name="id" hint="e.g. db-critical">
          {(p) => <input {...p} value={id} onChange={(e) => setId(e.target.value)} />}
        </Field>
        <Field label="Severity" name="minSeverity">
          {(p) => (
            <select
              {...p}
              value={minSeverity}
              onChange={(e) => setMinSeverity(e.target.value as Severity | '')}
            >
              <option value="">Any</option>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {severityLabels[s]} or worse
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Source" name="sources">
          {(p) => (
            <select {...p} value={source} onChange={(e) => setSource(e.target.value as AlertSource | '')}>
              <option value="">Any</option>
              {sources.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ClientSelect label="Client" value={clientId} emptyLabel="Any client" onChange={setClientId} />
      <Field
        label="Label matchers"
        name="matchers"
        hint='One per line: field, operator (= != =~ !~), value — e.g. labels.env = "prod" or host =~ "db.*".'
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
      <div className="grid grid--3">
        <Field label="Then" name="action">
          {(p) => (
            <select
              {...p}
              value={ticket ? 'ticket' : 'none'}
              onChange={(e) => setTicket(e.target.value === 'ticket')}
            >
              <option value="ticket">Open a ticket</option>
              <option value="none">No ticket (record only)</option>
            </select>
          )}
        </Field>
        <Field label="Priority" name="priority">
          {(p) => (
            <select
              {...p}
              value={priority}
              disabled={!ticket}
              onChange={(e) => setPriority(e.target.value as Priority)}
            >
              {priorities.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={triage} onChange={(e) => setTriage(e.target.checked)} /> Also for
          alerts in triage (ticket in the triage queue)
        </label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button">
          Add rule
        </button>
      </div>
    </form>
  );
}
