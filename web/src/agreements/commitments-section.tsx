import { useState } from 'react';
import { useCan } from '../api/session';
import { usePolicies } from '../api/sla';
import { formatBusiness } from '../tickets/time-left';
import { CheckboxGroup } from '../ui/checkbox-group';
import { MoneyField, SelectField, TextField, WholeField } from '../ui/controlled-fields';
import { commonFrameworks } from './labels';
import type { SectionProps } from './section-props';

/** The SLA policy the agreement promises, chosen among the saved ones; none means no SLA. */
function SlaPolicyField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (id: string) => void;
  errors: Map<string, string>;
}) {
  const canRead = useCan('sla:read');
  const policies = usePolicies(canRead);
  const items = policies.data ?? [];
  const chosen = items.find((p) => p.id === value);
  // Archived policies are not offered, but an agreement that names one keeps showing it.
  const options: (readonly [string, string])[] = [
    ['', 'No SLA'],
    ...items
      .filter((p) => !p.archived || p.id === value)
      .map((p) => [p.id, p.archived ? `${p.name} (archived)` : p.name] as const),
  ];
  if (value && !chosen)
    options.push([value, policies.isPending && canRead ? 'Loading policies…' : `Unknown policy ${value}`]);
  const hint = !value
    ? 'Without an SLA, the client is not a contract client and its tickets follow its kind’s default.'
    : chosen
      ? `Targets: ${(['P1', 'P2', 'P3', 'P4'] as const)
          .map(
            (k) =>
              `${k} ${formatBusiness(chosen.targets[k].responseMinutes)}/${formatBusiness(chosen.targets[k].resolutionMinutes)}`,
          )
          .join(' · ')} (response / resolution, business time).`
      : 'This policy is not among the saved SLA policies.';
  return (
    <SelectField
      label="SLA policy"
      name="slaPolicyId"
      errors={errors}
      hint={hint}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** The service level promised and the compliance frameworks in scope. */
export function ServiceLevelSection({ draft, update, errors }: SectionProps) {
  const [other, setOther] = useState('');
  const frameworks = [...new Set([...commonFrameworks, ...draft.complianceFrameworks])];
  function addOther() {
    const name = other.trim();
    if (name && !draft.complianceFrameworks.includes(name))
      update({ complianceFrameworks: [...draft.complianceFrameworks, name] });
    setOther('');
  }
  return (
    <fieldset className="fieldset">
      <legend>SLA and compliance</legend>
      <SlaPolicyField
        value={draft.slaPolicyId}
        onChange={(slaPolicyId) => update({ slaPolicyId })}
        errors={errors}
      />
      <CheckboxGroup
        legend="Compliance frameworks in scope"
        options={frameworks.map((f) => ({ value: f, label: f }))}
        selected={draft.complianceFrameworks}
        onChange={(complianceFrameworks) => update({ complianceFrameworks })}
        error={errors.get('complianceFrameworks')}
      />
      <div className="inline-add">
        <TextField
          label="Other framework"
          name="complianceFrameworks.other"
          errors={errors}
          value={other}
          maxLength={40}
          onChange={setOther}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addOther();
            }
          }}
        />
        <button type="button" className="button" onClick={addOther} disabled={!other.trim()}>
          Add framework
        </button>
      </div>
    </fieldset>
  );
}

/** How the agreement can end early: notice to give and the fee owed before the minimum term is served. */
export function TerminationSection({ draft, update, errors, currency }: SectionProps) {
  return (
    <fieldset className="fieldset">
      <legend>Termination clause</legend>
      <div className="grid grid--3">
        <WholeField
          label="Termination notice (days)"
          name="termination.noticeDays"
          errors={errors}
          value={draft.terminationNoticeDays}
          onChange={(terminationNoticeDays) => update({ terminationNoticeDays })}
        />
        <MoneyField
          label="Early-termination fee"
          name="termination.earlyTerminationFee"
          errors={errors}
          currency={currency}
          hint="Owed when the agreement ends before its minimum term."
          value={draft.earlyTerminationFee}
          onChange={(earlyTerminationFee) => update({ earlyTerminationFee })}
        />
      </div>
    </fieldset>
  );
}
