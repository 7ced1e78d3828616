import { type FormEvent, useEffect, useState } from 'react';
import {
  type AlertRule,
  type AlertSettings,
  type AlertSource,
  type Priority,
  type Severity,
  useAlertRules,
  useAlertSettings,
  useCreateMappingRule,
  useDeleteMappingRule,
  useMappingRules,
  useSaveAlertRules,
  useSaveAlertSettings,
} from '../api/alerts';
import { useClientNames } from '../api/clients';
import { useCan } from '../api/session';
import { ClientSelect } from '../clients/client-select';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { AssetSelect } from './asset-select';
import { severities, severityLabels } from './labels';
import { formatMatcher, parseMatchers } from './matchers';

const sources: AlertSource[] = ['alertmanager', 'uptime-kuma', 'zabbix', 'events'];
const priorities: Priority[] = ['P1', 'P2', 'P3', 'P4'];

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

function MappingRulesSection() {
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

function SettingsSection() {
  const settings = useAlertSettings();
  const save = useSaveAlertSettings();
  const canWrite = useCan('alerts:write');
  const [draft, setDraft] = useState<AlertSettings | null>(null);
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);
  const errors = fieldErrors(save.error);
  const num = (value: string) => (value === '' ? 0 : Number(value));
  return (
    <section className="section" aria-labelledby="alert-lifecycle">
      <h2 id="alert-lifecycle">Lifecycle</h2>
      <QueryState query={settings} loading="Loading settings…">
        {() =>
          draft && (
            <form
              className="card form"
              aria-label="Alert lifecycle settings"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate(draft);
              }}
            >
              <ProblemAlert error={save.error} shownFields={[]} />
              <div className="grid grid--3">
                <Field
                  label="Reopen window (minutes)"
                  name="reopenWindowMinutes"
                  errors={errors}
                  hint="A firing this soon after recovery reopens the alert and its ticket."
                >
                  {(p) => (
                    <input
                      {...p}
                      inputMode="numeric"
                      value={draft.reopenWindowMinutes}
                      disabled={!canWrite}
                      onChange={(e) => setDraft({ ...draft, reopenWindowMinutes: num(e.target.value) })}
                    />
                  )}
                </Field>
                <Field
                  label="Repeats noted at most every (minutes)"
                  name="noteEveryMinutes"
                  errors={errors}
                  hint="Repeats are always counted; the ticket gets a note at most this often."
                >
                  {(p) => (
                    <input
                      {...p}
                      inputMode="numeric"
                      value={draft.noteEveryMinutes}
                      disabled={!canWrite}
                      onChange={(e) => setDraft({ ...draft, noteEveryMinutes: num(e.target.value) })}
                    />
                  )}
                </Field>
                <Field
                  label="Outages are"
                  name="outageSeverity"
                  errors={errors}
                  hint="What counts against availability."
                >
                  {(p) => (
                    <select
                      {...p}
                      value={draft.outageSeverity}
                      disabled={!canWrite}
                      onChange={(e) => setDraft({ ...draft, outageSeverity: e.target.value as Severity })}
                    >
                      {severities.map((s) => (
                        <option key={s} value={s}>
                          {severityLabels[s]} alerts or worse
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  label="Flapping: more than (changes)"
                  name="flapping.maxChanges"
                  errors={errors}
                  hint="…state changes within the window below: the ticket is left alone until it settles."
                >
                  {(p) => (
                    <input
                      {...p}
                      inputMode="numeric"
                      value={draft.flapping.maxChanges}
                      disabled={!canWrite}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          flapping: { ...draft.flapping, maxChanges: num(e.target.value) },
                        })
                      }
                    />
                  )}
                </Field>
                <Field label="Flapping window (minutes)" name="flapping.windowMinutes" errors={errors}>
                  {(p) => (
                    <input
                      {...p}
                      inputMode="numeric"
                      value={draft.flapping.windowMinutes}
                      disabled={!canWrite}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          flapping: { ...draft.flapping, windowMinutes: num(e.target.value) },
                        })
                      }
                    />
                  )}
                </Field>
                <Field label="Alerts no rule matches" name="unmatched" errors={errors}>
                  {(p) => (
                    <select
                      {...p}
                      value={draft.unmatched.ticket ? draft.unmatched.priority : 'none'}
                      disabled={!canWrite}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          unmatched:
                            e.target.value === 'none'
                              ? { ticket: false }
                              : { ticket: true, priority: e.target.value as Priority },
                        })
                      }
                    >
                      <option value="none">Recorded only, no ticket</option>
                      {priorities.map((x) => (
                        <option key={x} value={x}>
                          Open a {x} ticket
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              {canWrite && (
                <div className="form__actions">
                  <button type="submit" className="button button--primary" disabled={save.isPending}>
                    {save.isPending ? 'Saving…' : 'Save settings'}
                  </button>
                  {save.isSuccess && <span role="status">Saved.</span>}
                </div>
              )}
            </form>
          )
        }
      </QueryState>
    </section>
  );
}
