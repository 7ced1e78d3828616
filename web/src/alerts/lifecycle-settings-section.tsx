import { useEffect, useState } from 'react';
import {
  type AlertSettings,
  type Priority,
  type Severity,
  useAlertSettings,
  useSaveAlertSettings,
} from '../api/alerts';
import { useCan } from '../api/session';
import { priorities } from '../tickets/labels';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { severities, severityLabels } from './labels';

/** The alert lifecycle settings: reopen window, repeat notes, outages, flapping, and alerts no rule matches. */
export function SettingsSection() {
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
