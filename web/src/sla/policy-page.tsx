import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../api/session';
import {
  type PolicyInput,
  type SlaPolicy,
  type Target,
  useCalendars,
  usePolicy,
  useSavePolicy,
} from '../api/sla';
import type { Priority } from '../api/ticket-types';
import { useWorkflow } from '../api/tickets';
import { priorities, priorityLabels } from '../tickets/labels';
import { formatBusiness } from '../tickets/time-left';
import { displayName, useStaff } from '../tickets/use-staff';
import { CheckboxGroup } from '../ui/checkbox-group';
import { CheckField, SelectField, TextField, WholeField } from '../ui/controlled-fields';
import { PageHeader } from '../ui/page-header';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { PolicyPreview } from './policy-preview';

type TargetDraft = { response: string; resolution: string; update: string };
type Draft = {
  name: string;
  calendarId: string;
  targets: Record<Priority, TargetDraft>;
  pauseStatuses: string[];
  warnPercent: string;
  notifyOnWarning: boolean;
  notifyOnBreach: boolean;
  reassignTo: string;
  raisePriority: boolean;
  archived: boolean;
};

const blankTargets: Record<Priority, Target> = {
  P1: { responseMinutes: 30, resolutionMinutes: 240, updateMinutes: 60 },
  P2: { responseMinutes: 60, resolutionMinutes: 480, updateMinutes: 120 },
  P3: { responseMinutes: 240, resolutionMinutes: 1440, updateMinutes: null },
  P4: { responseMinutes: 480, resolutionMinutes: 2880, updateMinutes: null },
};

function draftOf(p: SlaPolicy | null, calendarId: string): Draft {
  const targets = p?.targets ?? blankTargets;
  return {
    name: p?.name ?? '',
    calendarId: p?.calendarId ?? calendarId,
    targets: Object.fromEntries(
      priorities.map((k) => [
        k,
        {
          response: String(targets[k].responseMinutes),
          resolution: String(targets[k].resolutionMinutes),
          update: targets[k].updateMinutes === null ? '' : String(targets[k].updateMinutes),
        },
      ]),
    ) as Record<Priority, TargetDraft>,
    pauseStatuses: p?.pauseStatuses ?? ['waiting_client', 'waiting_vendor'],
    warnPercent: String(p?.warnPercent ?? 75),
    notifyOnWarning: p?.escalation.notifyOnWarning ?? true,
    notifyOnBreach: p?.escalation.notifyOnBreach ?? true,
    reassignTo: p?.escalation.reassignTo ?? '',
    raisePriority: p?.escalation.raisePriority ?? false,
    archived: p?.archived ?? false,
  };
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : null);

/** The draft as the API takes it, or the fields that are not whole numbers, by their API paths. */
export function toPolicy(d: Draft): { input: PolicyInput | null; errors: Map<string, string> } {
  const errors = new Map<string, string>();
  const targets = {} as Record<Priority, Target>;
  for (const p of priorities) {
    const t = d.targets[p];
    const response = whole(t.response);
    const resolution = whole(t.resolution);
    const update = t.update.trim() === '' ? null : whole(t.update);
    if (response === null) errors.set(`targets.${p}.responseMinutes`, 'must be a whole number of minutes');
    if (resolution === null)
      errors.set(`targets.${p}.resolutionMinutes`, 'must be a whole number of minutes');
    if (t.update.trim() !== '' && (update === null || update < 1))
      errors.set(`targets.${p}.updateMinutes`, 'must be a whole number of minutes, or empty for none');
    targets[p] = {
      responseMinutes: response ?? 0,
      resolutionMinutes: resolution ?? 0,
      updateMinutes: update,
    };
  }
  const warn = whole(d.warnPercent);
  if (warn === null || warn < 1 || warn > 100) errors.set('warnPercent', 'must be a whole percentage, 1–100');
  if (!d.calendarId) errors.set('calendarId', 'choose a calendar');
  if (errors.size) return { input: null, errors };
  return {
    input: {
      name: d.name,
      calendarId: d.calendarId,
      targets,
      pauseStatuses: d.pauseStatuses,
      warnPercent: warn!,
      escalation: {
        notifyOnWarning: d.notifyOnWarning,
        notifyOnBreach: d.notifyOnBreach,
        reassignTo: d.reassignTo || null,
        raisePriority: d.raisePriority,
      },
    },
    errors,
  };
}

export function NewPolicyPage() {
  return <PolicyEditor policy={null} />;
}

export function PolicyPage() {
  const { policyId = '' } = useParams();
  const policy = usePolicy(policyId);
  return (
    <QueryState query={policy} loading="Loading the policy…">
      {(p) => <PolicyEditor key={p.id} policy={p} />}
    </QueryState>
  );
}

/** An SLA policy: targets per priority on a calendar, pause statuses, warning and escalation. */
function PolicyEditor({ policy }: { policy: SlaPolicy | null }) {
  const navigate = useNavigate();
  const readOnly = !useCan('sla:write');
  const calendars = useCalendars();
  const workflow = useWorkflow();
  const staff = useStaff();
  const save = useSavePolicy(policy?.id ?? null);
  const [draft, setDraft] = useState(() => draftOf(policy, ''));
  const [localErrors, setLocalErrors] = useState<Map<string, string>>(new Map());
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTarget = (p: Priority, patch: Partial<TargetDraft>) =>
    setDraft((d) => ({ ...d, targets: { ...d.targets, [p]: { ...d.targets[p], ...patch } } }));
  const serverErrors = fieldErrors(save.error);
  const errors = new Map([...serverErrors, ...localErrors]);
  const calendarId = draft.calendarId || calendars.data?.[0]?.id || '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors: found } = toPolicy({ ...draft, calendarId });
    setLocalErrors(found);
    if (!input) return;
    save.mutate(policy ? { ...input, archived: draft.archived } : input, {
      onSuccess: (p) => (policy ? undefined : navigate(`/settings/sla/policies/${p.id}`, { replace: true })),
    });
  }

  const shown = /^(name|calendarId|targets\.P\d\.\w+|pauseStatuses|warnPercent|escalation\.\w+)$/;
  const targetsNow = toPolicy({ ...draft, calendarId }).input?.targets ?? null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/settings/sla/policies">SLA policies</Link>
      </p>
      <PageHeader
        title={policy ? policy.name : 'New SLA policy'}
        subtitle="Targets per priority, in business time."
      />
      <div className="editor-with-preview">
        <form className="form" onSubmit={submit} noValidate aria-label="SLA policy">
          <ProblemAlert
            error={save.error}
            shownFields={[...serverErrors.keys()].filter((k) => shown.test(k))}
          />
          {localErrors.size > 0 && (
            <p className="alert alert--error" role="alert">
              {localErrors.size === 1 ? 'One field needs' : `${localErrors.size} fields need`} fixing before
              saving.
            </p>
          )}
          {readOnly && (
            <p className="alert alert--info">
              Read only: administrators and service managers change SLA settings.
            </p>
          )}
          <fieldset className="bare" disabled={readOnly}>
            <fieldset className="fieldset">
              <legend>Policy</legend>
              <div className="grid grid--2">
                <TextField
                  label="Name"
                  name="name"
                  errors={errors}
                  required
                  maxLength={200}
                  value={draft.name}
                  onChange={(name) => update({ name })}
                />
                <SelectField
                  label="Calendar"
                  name="calendarId"
                  errors={errors}
                  value={calendarId}
                  onChange={(id) => update({ calendarId: id })}
                  options={(calendars.data ?? []).map(
                    (c) => [c.id, `${c.name} (${c.always ? '24×7' : c.timezone})`] as const,
                  )}
                  hint="The business hours the targets are counted in."
                />
              </div>
            </fieldset>
            <fieldset className="fieldset">
              <legend>Targets per priority (business minutes)</legend>
              <table className="table table--compact targets">
                <thead>
                  <tr>
                    <th scope="col">Priority</th>
                    <th scope="col">First response</th>
                    <th scope="col">Resolution</th>
                    <th scope="col">Update every</th>
                  </tr>
                </thead>
                <tbody>
                  {priorities.map((p) => (
                    <tr key={p}>
                      <th scope="row">{priorityLabels[p]}</th>
                      <td>
                        <MinutesInput
                          label={`${p} first response (minutes)`}
                          value={draft.targets[p].response}
                          onChange={(response) => setTarget(p, { response })}
                          error={errors.get(`targets.${p}.responseMinutes`)}
                        />
                      </td>
                      <td>
                        <MinutesInput
                          label={`${p} resolution (minutes)`}
                          value={draft.targets[p].resolution}
                          onChange={(resolution) => setTarget(p, { resolution })}
                          error={errors.get(`targets.${p}.resolutionMinutes`)}
                        />
                      </td>
                      <td>
                        <MinutesInput
                          label={`${p} update interval (minutes)`}
                          value={draft.targets[p].update}
                          onChange={(u) => setTarget(p, { update: u })}
                          error={errors.get(`targets.${p}.updateMinutes`)}
                          emptyText="no update target"
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
            <fieldset className="fieldset">
              <legend>Pauses and warnings</legend>
              <CheckboxGroup
                legend="Pause statuses"
                hint="While a ticket is in one of these, every clock still running stops."
                options={(workflow.data?.statuses ?? [])
                  .filter((s) => s.phase !== 'resolved' && s.phase !== 'closed' && s.phase !== 'new')
                  .map((s) => ({ value: s.code, label: s.label }))}
                selected={draft.pauseStatuses}
                onChange={(pauseStatuses) => update({ pauseStatuses })}
                error={errors.get('pauseStatuses')}
              />
              <WholeField
                label="Warn at (% of a target elapsed)"
                name="warnPercent"
                errors={errors}
                value={draft.warnPercent}
                onChange={(warnPercent) => update({ warnPercent })}
              />
            </fieldset>
            <fieldset className="fieldset">
              <legend>Escalation</legend>
              <CheckField
                label="Notify when a target reaches its warning"
                checked={draft.notifyOnWarning}
                onChange={(notifyOnWarning) => update({ notifyOnWarning })}
              />
              <CheckField
                label="Notify when a target is breached"
                checked={draft.notifyOnBreach}
                onChange={(notifyOnBreach) => update({ notifyOnBreach })}
              />
              <CheckField
                label="Raise the priority one step on breach"
                checked={draft.raisePriority}
                onChange={(raisePriority) => update({ raisePriority })}
              />
              <SelectField
                label="Reassign on breach to"
                name="escalation.reassignTo"
                errors={errors}
                value={draft.reassignTo}
                onChange={(reassignTo) => update({ reassignTo })}
                options={[
                  ['', 'Nobody: keep the assignee'],
                  ...staff.assignable.map((u) => [u.id, displayName(u)] as const),
                  ...(draft.reassignTo && !staff.assignable.some((u) => u.id === draft.reassignTo)
                    ? [[draft.reassignTo, staff.nameOf(draft.reassignTo)] as const]
                    : []),
                ]}
              />
            </fieldset>
            {policy && (
              <CheckField
                label="Archived"
                checked={draft.archived}
                onChange={(archived) => update({ archived })}
                hint="Kept for the agreements and tickets that use it; no longer offered when choosing a policy."
              />
            )}
          </fieldset>
          {!readOnly && (
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : policy ? 'Save policy' : 'Create policy'}
              </button>
              {save.isSuccess && !save.isPending && (
                <p className="muted" role="status">
                  Saved.
                </p>
              )}
            </div>
          )}
        </form>
        <PolicyPreview
          calendar={calendars.data?.find((c) => c.id === calendarId) ?? null}
          targets={targetsNow}
        />
      </div>
    </>
  );
}

type MinutesProps = {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  emptyText?: string;
};

/** A target in minutes, with what it comes to beside it ("= 4h"). */
function MinutesInput({ label, value, onChange, error, emptyText }: MinutesProps) {
  const n = whole(value);
  return (
    <div className={error ? 'field field--invalid minutes' : 'field minutes'}>
      <input
        className="minutes__input"
        aria-label={label}
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      <span className="field__hint">
        {error
          ? ''
          : value.trim() === '' && emptyText
            ? emptyText
            : n !== null
              ? `= ${formatBusiness(n)}`
              : ''}
      </span>
      {error && <span className="field__error">{error}</span>}
    </div>
  );
}
